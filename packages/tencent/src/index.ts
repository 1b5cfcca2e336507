/**
 * `@smskit/tencent`: Tencent Cloud SMS (API 3.0, sms 2021-01-11) as an smskit channel — TC3
 * signing and verification, the error catalogue classified for the router, the SendSms and pull
 * APIs, and the push payloads.
 *
 * @packageDocumentation
 */
export * from './sign.js';
export * from './verify.js';
export * from './errors.js';
export * from './error-codes/index.js';
export * from './api.js';
export * from './client.js';
export * from './channel.js';
export { channelFailureOf, channelFailureFromError } from './channel-error.js';
export * from './template-fields.js';
export * from './receipts.js';
export * from './push.js';
export * from './push-receiver.js';
export { tencentProvider } from './provider.js';
