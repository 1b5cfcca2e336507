/**
 * `@smskit/aliyun`: Aliyun SMS (dysmsapi 2017-05-25) for smskit — RPC V1 and ACS3 signing as
 * pure functions, the error catalogue classified for the router, the API client, the channel
 * and the push payloads.
 *
 * @packageDocumentation
 */
export * from './signing/index.js';
export * from './error-codes/index.js';
export * from './errors.js';
export * from './signature-mismatch.js';
export * from './client/index.js';
export * from './channel/index.js';
export * from './push/index.js';
