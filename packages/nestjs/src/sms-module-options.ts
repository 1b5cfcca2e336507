import type { RouterFromConfigOptions, SignatureVerifierOptions, SmsChannel, SmsClientOptions } from '@smskit/core';
import type { OtpRoute, OtpSender, OtpServiceOptions } from '@smskit/otp';
import type { SmsPushOptions } from './push/sms-push-options.js';

/**
 * How {@link SmsSignatureGuard} verifies signed requests (SPEC §2), for a Nest app that plays
 * the platform's server side (a gateway, a proxy, a mock): core's `SignatureVerifierOptions`
 * (`credentials`, `nonceStore`, `toleranceMs`, `now`), whose defaults are declared there once.
 */
export type SmsVerifyOptions = SignatureVerifierOptions;

/**
 * The OTP service's options. `send` is optional here: with a `channels` section codes go out
 * through the module's `ChannelRouter`; without one, through the module's `SmsClient`, with the
 * code as the template's only value.
 */
export interface SmsOtpOptions extends Omit<OtpServiceOptions, 'send' | 'route'> {
  /**
   * Sends one code (instead of the router or the client).
   * @defaultValue through the module's `ChannelRouter` when `channels` is set; else
   *   `client.send({ phones: [phone], templateCode, params: [code], bid: id })` through the
   *   module's `SmsClient` (the scene needs a `templateCode`)
   */
  send?: OtpSender;
  /**
   * With a `channels` section: the logical template of the codes and its values (`OtpRoute`
   * without its router, which is the module's).
   * @defaultValue `{ template: 'verification' }`, values `{ code, minutes }`
   */
  route?: Omit<OtpRoute, 'router'>;
}

/**
 * One channel of the `channels` section: an entry as the channels config file writes it
 * (`{ name, provider, …that provider's fields }`, any string may be `{ env: 'VAR' }`), or a
 * ready `SmsChannel`.
 */
export type SmsChannelEntry = SmsChannel | { readonly name: string; readonly provider: string; readonly [field: string]: unknown };

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
  /**
   * The channels, primary first, as the channels config file lists them (or ready channels):
   * the module builds a `ChannelRouter` (from `@smskit/core`) over them, injectable by class,
   * and `OtpService` sends through it. Checked at start-up; a wrong entry stops the app with
   * the path at fault.
   */
  channels?: readonly SmsChannelEntry[];
  /**
   * The logical templates, as the channels config file writes them: a name → { channel name →
   * that channel's template fields }. Needs `channels`.
   */
  templates?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /**
   * How the router is built and routes: `env` for `{ env: 'VAR' }` values (pass `process.env`),
   * the `providers` of other packages (`@smskit/aliyun`, `@smskit/tencent`), and the router's
   * own settings (`retry`, `breaker`, `concurrency`…).
   * @defaultValue infocloud only, no environment, the router's defaults
   */
  routing?: RouterFromConfigOptions;
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
