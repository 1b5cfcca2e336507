import { isPlatformCode, type PlatformCode } from '../error-codes.js';
import type { SmsError } from '../errors.js';
import { callFailureOf } from '../client/platform-call.js';
import type { FailureClass } from './channel.js';

/**
 * How each infocloud return code (SPEC §5) bears on routing. The guide "Channels and failover"
 * prints this table; a code added to the catalogue without a class here is a compile error.
 */
export const INFOCLOUD_FAILURE_CLASSES: Readonly<Record<Exclude<PlatformCode, 200>, FailureClass>> = {
  /** Busy, answered as a failure (or refused before the write): not taken, try again. A -1 with no answer after the write is `unknown` instead. */
  [-1]: 'retry',
  /** This server's IP is not on the account's whitelist: this channel cannot serve from here. */
  2000: 'failover',
  /** Keys, signature or clock rejected: this channel's configuration. */
  2001: 'failover',
  /** Rate limited: refused before the send. */
  6000: 'retry',
  /** Balance exhausted on this account. */
  40002: 'failover',
  /** A parameter of the request is wrong: on every channel. */
  40004: 'stop',
  /** The template's own limits (per number per day, recipients per send): a per-recipient limit, never undone elsewhere. */
  40005: 'stop',
  /** The extension code belongs to another account: this channel's configuration. */
  40006: 'failover',
  /** The template does not exist (or is not approved) on this account. */
  60001: 'failover',
  /** sendBatch numbers and value lists differ in count: the request. */
  60002: 'stop',
  /** The values do not match this channel's template's variables: its template entry is wrong. */
  60003: 'failover',
  /** A value is longer than its variable allows: the request's values. */
  60004: 'stop',
  /** Nothing left to send: every number refused. */
  60005: 'stop',
  /** The values are malformed: the request. */
  60006: 'stop',
  /** A number is malformed. */
  60007: 'stop',
  /** Too many numbers in one request (the router never sends that many). */
  60008: 'stop',
  /** The SMS resource is locked for a moment: not taken. */
  60009: 'retry',
};

/**
 * The class of an error from an infocloud `SmsClient` call. A request written without an
 * answer is `unknown` whatever its code; a code the catalogue does not know is `failover`
 * (the platform answered, so nothing was sent, and another channel may serve).
 */
export function classifyInfocloudError(error: SmsError): FailureClass {
  const call = callFailureOf(error);
  if (call?.outcome === 'unknown') return 'unknown';
  // -1 without a call behind it is local (the client is closed): this channel cannot serve.
  if (error.code === -1 && call === undefined) return 'failover';
  if (error.code === 200) return 'failover';
  return isPlatformCode(error.code) ? INFOCLOUD_FAILURE_CLASSES[error.code as Exclude<PlatformCode, 200>] : 'failover';
}
