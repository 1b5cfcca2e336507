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
