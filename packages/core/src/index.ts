/**
 * `@smskit/core`: the protocol layer of the HMAC-signed SMS platform API — signing and
 * verification, the error-code catalogue, delivery states, template, phone and length rules,
 * and the store interfaces with in-memory defaults.
 *
 * @packageDocumentation
 */
export * from './canonical.js';
export * from './delivery.js';
export * from './error-codes.js';
export * from './errors.js';
export * from './nonce.js';
export * from './sign-method.js';
export * from './sign.js';
export * from './stores.js';
export * from './verify.js';
export * from './rules/index.js';
export * from './client/index.js';
export * from './push/index.js';
export * from './prototype-keys.js';
export * from './channels/index.js';
export * from './rules/e164.js';
export { classifyTransportError, type TransportFailureInfo } from './client/transport.js';
