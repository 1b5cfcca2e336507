/**
 * `@smskit/koa`: Koa 3 middleware for the server side of the HMAC-signed SMS platform API —
 * verify signed requests ({@link verifySignature}), receive receipt and reply pushes
 * ({@link receivePushes}), and answer every error in the platform's JSON shape
 * ({@link platformErrors}). Importing it types `ctx.state.sms` and `ctx.state.requestId`.
 *
 * @packageDocumentation
 */
export { platformErrors, type PlatformErrorsOptions } from './platform-errors.js';
export { answerPlatformError } from './platform-response.js';
export { receivePushes, type PushReceiver, type ReceivePushesOptions } from './receive-pushes.js';
export { requestIdOf } from './request-id.js';
export { readSignableBody, type BodyLimit, type SignableBodyResult } from './signable-body.js';
export { verifiedCaller } from './state.js';
export { verifySignature, type VerifySignatureOptions } from './verify-signature.js';
