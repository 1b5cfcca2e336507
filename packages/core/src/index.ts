/**
 * `@smskit/core`: the protocol layer of the HMAC-signed SMS platform API — signing and
 * verification, the error-code catalogue, delivery states, template, phone and length rules,
 * and the store interfaces with in-memory defaults.
 *
 * @packageDocumentation
 */
export * from './beijing-time.js';
export * from './canonical.js';
export * from './delivery.js';
export * from './error-codes.js';
export * from './endpoints.js';
export * from './errors.js';
export * from './nonce.js';
export * from './sign-method.js';
export * from './sign.js';
export * from './stores.js';
export {
  DEFAULT_TOLERANCE_MS,
  verifyRequest,
  type ApiCredentials,
  type CredentialsResolver,
  type IncomingHeaders,
  type SignedRequestInput,
  type VerifyCheck,
  type VerifyFailure,
  type VerifyRequestOptions,
  type VerifyResult,
  type VerifySuccess,
} from './verify.js';
export * from './error-answer.js';
export * from './ip-allowlist.js';
export { hasPrototypeKey, MAX_BODY_DEPTH, signableParams, type SignableParamsResult } from './signable-params.js';
export * from './signature-verifier.js';
export * from './rules/index.js';
export * from './client/index.js';
export * from './push/index.js';
export * from './channels/index.js';
export * from './telemetry.js';
