import type { CodeStore, LimitStore, SendLogStore, SmsError } from '@smskit/core';
import type { OtpRoute } from './dispatch.js';
import type { OtpLimits } from './limits.js';

/** What a sender is given: everything it needs to send one verification code. */
export interface OtpMessage {
  /** The request's id; handy as the provider's business id (`bid`). */
  id: string;
  /** The recipient, normalised. */
  phone: string;
  /** The code to put in the message. */
  code: string;
  /** The scene the code is for. */
  scene: string;
  /** The template for this scene, when configured. */
  templateCode: string | undefined;
  /** How long the code is good for, in whole minutes (for "valid for N minutes" templates). */
  ttlMinutes: number;
}

/** What a sender may return: the provider's message id and remark for the send log. */
export interface OtpSendReceipt {
  /** The provider's message id (kept with the code masked out, should it hold it). */
  msgId?: string;
  /**
   * Anything worth keeping in the send log. Kept as text of at most 500 characters, with the
   * code masked out (also when spelt with spaces or dashes): the log never holds a code.
   */
  remark?: string;
}

/**
 * Sends one code. Any client fits: with the smskit client, for example,
 * `async ({ id, phone, code, templateCode }) => ({ msgId: (await client.send({ phones: [phone], templateCode, params: [code], bid: id })).msgIds[0] })`.
 * Throw (ideally an `SmsError`) when the provider did not accept it.
 */
export type OtpSender = (message: OtpMessage) => Promise<OtpSendReceipt | void>;

/** The stores an {@link OtpService} keeps its state in. */
export interface OtpStores {
  /** The limit counters. */
  limits: LimitStore;
  /** The codes, by hash. */
  codes: CodeStore;
  /** The send log. */
  sendLog: SendLogStore;
}

/** What the human-check hook is shown. */
export interface HumanCheckInput {
  /** The number, normalised. */
  phone: string;
  /** The scene. */
  scene: string;
  /** The client IP, when given. */
  ip: string | undefined;
  /** Whatever the caller passed as `human` (typically a captcha token). */
  proof: unknown;
}

/** Told to the alert hook when the day's volume reaches the threshold. */
export interface DailyVolumeAlert {
  /** The local date, `YYYY-MM-DD`. */
  day: string;
  /** The time zone the date is in. */
  timeZone: string;
  /** Codes let through so far today (equals the threshold: the alert fires once a day). */
  count: number;
  /** The configured threshold. */
  threshold: number;
}

/** Options of {@link OtpService}. */
export interface OtpServiceOptions {
  /** Sends a code; see {@link OtpSender}. Give exactly one of `send` and `route`. */
  send?: OtpSender;
  /**
   * Sends codes through a channel router (primary, then backups) instead of `send`; see
   * {@link OtpRoute}. The send log then names the channel that carried each code.
   */
  route?: OtpRoute;
  /**
   * The key codes are hashed with (HMAC-SHA256), at least 16 bytes. Every instance sharing a
   * store needs the same secret. Keep it out of the store: it is what makes a leaked store
   * useless for guessing codes.
   */
  secret: string | Uint8Array;
  /**
   * Where state lives. Missing stores are in-process (one instance only).
   * @defaultValue in-memory stores
   */
  stores?: Partial<OtpStores>;
  /** Characters in a code. @defaultValue 6 */
  codeLength?: number;
  /** Characters a code is drawn from. @defaultValue `'0123456789'` */
  alphabet?: string;
  /** How long a code is good for, ms. @defaultValue 300_000 (5 min) */
  ttlMs?: number;
  /** Wrong tries after which a code is burnt. @defaultValue 5 */
  maxAttempts?: number;
  /** The limits; see {@link OtpLimits}. @defaultValue SPEC §7's */
  limits?: OtpLimits;
  /** The IANA time zone of "a calendar day". @defaultValue `'Asia/Shanghai'` */
  timeZone?: string;
  /**
   * The template of each scene (a code, or a function of the scene), for `send`. With `route`,
   * the route's logical template takes its place. @defaultValue none
   */
  templateCode?: string | ((scene: string) => string | undefined);
  /** The channel named in the send log (with `route`: when no channel took the code). @defaultValue `'default'` */
  channel?: string;
  /**
   * Asked before any limit is counted; resolve `false` to refuse. Runs first so that requests
   * without a valid captcha cannot use up a victim's quota.
   * @defaultValue none
   */
  humanCheck?: (input: HumanCheckInput) => boolean | Promise<boolean>;
  /** Numbers exempt from the per-number limits (test phones). @defaultValue none */
  allowPhones?: readonly string[];
  /** Numbers never sent to. @defaultValue none */
  denyPhones?: readonly string[];
  /** IPs or CIDR ranges exempt from the per-IP limit (an office NAT). @defaultValue none */
  allowIps?: readonly string[];
  /** IPs or CIDR ranges refused. @defaultValue none */
  denyIps?: readonly string[];
  /** Require `ip` on every request, so the per-IP limit cannot be skipped by omission. @defaultValue true while `limits.ipHourly` is on */
  requireIp?: boolean;
  /** Alert once a day when the day's volume reaches `threshold`. @defaultValue none */
  alert?: { threshold: number; notify: (alert: DailyVolumeAlert) => void | Promise<void> };
  /**
   * What to do when a store fails or times out: `'closed'` refuses with `reason: 'unavailable'`;
   * `'open'` carries on with in-process stores for as long as the store is down (limits then
   * count per instance, and a code sent then can only be verified by this instance).
   * @defaultValue `'closed'`
   */
  failMode?: 'closed' | 'open';
  /** A store call slower than this counts as failed. @defaultValue 2_000 */
  storeTimeoutMs?: number;
  /** Also log requests stopped before sending (denied, captcha, limits). @defaultValue true */
  logBlocked?: boolean;
  /** How numbers are written into the send log. @defaultValue {@link maskPhone} */
  maskPhone?: (phone: string) => string;
  /**
   * Turns input into the canonical number, or undefined if invalid: one number written two ways
   * must count once.
   * @defaultValue `normalizePhone` of `@smskit/core` (mainland mobile, 11 digits)
   */
  normalizePhone?: (input: string) => string | undefined;
  /** Told about failures that do not change the answer (send log, alert hook, fail-open). @defaultValue none */
  onError?: (error: SmsError, context: { operation: string }) => void;
  /** The clock, ms. @defaultValue `Date.now` */
  now?: () => number;
}

/** A request for a code. */
export interface OtpRequest {
  /** The recipient. */
  phone: string;
  /** The business scene (`login`, `register`…): 1–64 of `[A-Za-z0-9_.-]`. */
  scene: string;
  /** The client's IP address (behind a proxy: the real client's, not the proxy's). */
  ip?: string;
  /** Passed to the human-check hook (e.g. a captcha token). */
  human?: unknown;
}

/** An attempt to use a code. */
export interface OtpVerifyRequest {
  /** The recipient the code was sent to. */
  phone: string;
  /** The scene it was sent for. */
  scene: string;
  /** What the user typed. */
  code: string;
}
