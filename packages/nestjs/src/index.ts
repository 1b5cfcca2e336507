/**
 * `@smskit/nestjs`: the NestJS module of smskit. `SmsModule.forRoot()` / `forRootAsync()` make
 * the platform client (`SmsClient`), a channel router over several providers (`ChannelRouter`)
 * and the OTP service (`OtpService`) injectable by class;
 * {@link SmsSignatureGuard} verifies signed requests for apps that play the platform's server
 * side; {@link OnSmsReceipts} and {@link OnSmsReplies} receive the platform's pushes; and
 * {@link SmsExceptionFilter} answers every error in the platform's JSON shape. Works on NestJS
 * 11 and 12, on Express and Fastify.
 *
 * @packageDocumentation
 */
export { InjectSmsOptions } from './inject-sms-options.decorator.js';
export { OnSmsReceipts, OnSmsReplies, SMS_PUSH_HANDLER } from './push/on-sms-push.decorator.js';
export type { SmsPushOptions } from './push/sms-push-options.js';
export { SmsPushReceiver, type SmsPushHandler } from './push/sms-push-receiver.js';
export { SMS_MODULE_OPTIONS } from './sms.constants.js';
export { smsErrorResponse } from './sms-error-response.js';
export { SmsException } from './sms.exception.js';
export { SmsExceptionFilter } from './sms-exception.filter.js';
export { SmsModule, type SmsModuleAsyncOptions, type SmsOptionsFactory } from './sms.module.js';
export type { SmsChannelEntry, SmsModuleExtras, SmsModuleOptions, SmsOtpOptions, SmsVerifyOptions } from './sms-module-options.js';
export { smsRequestId } from './sms-request-id.js';
export { SmsRequestVerifier } from './sms-request-verifier.js';
export { SmsSignatureGuard, type SignedHttpRequest } from './sms-signature.guard.js';
export { SmsVerified, smsVerification } from './sms-verified.decorator.js';
