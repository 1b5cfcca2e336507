import type { SignatureVerifierOptions, SmsClientOptions } from '@smskit/core';
import type { OtpSender, OtpServiceOptions } from '@smskit/otp';
import type { SmsPushOptions } from './push/sms-push-options.js';

/**
 * How {@link SmsSignatureGuard} verifies signed requests (SPEC §2), for a Nest app that plays
 * the platform's server side (a gateway, a proxy, a mock): core's `SignatureVerifierOptions`
 * (`credentials`, `nonceStore`, `toleranceMs`, `now`), whose defaults are declared there once.
 */
export type SmsVerifyOptions = SignatureVerifierOptions;

/**
 * The OTP service's options. `send` is optional here: by default codes go out through the
 * module's `SmsClient`, with the code as the template's only value.
 */
export interface SmsOtpOptions extends Omit<OtpServiceOptions, 'send'> {
  /**
   * Sends one code.
   * @defaultValue `client.send({ phones: [phone], templateCode, params: [code], bid: id })`
   *   through the module's `SmsClient` (the scene needs a `templateCode`)
   */
  send?: OtpSender;
}

/**
 * Options of `SmsModule.forRoot()` (or what a `forRootAsync()` factory returns). Every section
 * is optional, but an app that uses a provider whose section is missing — injects `OtpService`
 * without `otp`, `SmsClient` without `client`, or guards a route with {@link SmsSignatureGuard}
 * without `verify` — refuses to start, with a message naming the section to add.
 */
export interface SmsModuleOptions {
  /** The platform client, injectable as `SmsClient`. */
  client?: SmsClientOptions;
  /** Verification codes, injectable as `OtpService` (from `@smskit/otp`). */
  otp?: SmsOtpOptions;
  /** Signed-request verification for {@link SmsSignatureGuard}. */
  verify?: SmsVerifyOptions;
  /** Receipt and reply pushes, for {@link SmsPushReceiver} and the push controller. */
  push?: SmsPushOptions;
}

/** Options of `SmsModule.forRoot()` and `forRootAsync()` that shape the module itself, so they cannot come from a factory. */
export interface SmsModuleExtras {
  /** Register the module globally, so feature modules need not import it. @defaultValue false */
  isGlobal?: boolean;
  /**
   * Mount the push controller: `POST <pushPath>/receipts` and `POST <pushPath>/replies` (with
   * `/<pathToken>` appended when `push.pathToken` is set), which hand pushes to the methods
   * marked {@link OnSmsReceipts} and {@link OnSmsReplies}. Not mounted when absent.
   * @defaultValue none
   */
  pushPath?: string;
}
