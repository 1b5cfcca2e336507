import type { SmsError } from '@smskit/core';
import type { OtpLimitName } from './limits.js';

/** A code was sent. */
export interface OtpRequestSent {
  /** Sent. */
  ok: true;
  /** The request's id: in the send log and handed to the sender. */
  id: string;
  /** When the code stops being accepted, ms since the epoch. */
  expiresAt: number;
  /** The provider's message id, when the sender returned one. */
  msgId?: string;
  /** With `route`: the channel that carried the code. */
  channel?: string;
}

/** The input was not usable; nothing was counted. */
export interface OtpInvalid {
  /** Not sent. */
  ok: false;
  /** Why. */
  reason: 'invalid';
  /** Which input. */
  field: 'phone' | 'scene' | 'ip' | 'code';
  /** What is wrong with it. */
  message: string;
}

/** The number or IP is on a deny list. */
export interface OtpDenied {
  /** Not sent. */
  ok: false;
  /** Why. */
  reason: 'denied';
  /** Which list matched. */
  list: 'phone' | 'ip';
  /** Said plainly. */
  message: string;
}

/** The human check (captcha) hook said no, or failed; nothing was counted. */
export interface OtpHumanCheckFailed {
  /** Not sent. */
  ok: false;
  /** Why. */
  reason: 'human-check';
  /** Said plainly. */
  message: string;
}

/** A limit refused; nothing was counted. */
export interface OtpLimited {
  /** Not sent. */
  ok: false;
  /** Why. */
  reason: 'limit';
  /** The limit that holds the request back longest. */
  limit: OtpLimitName;
  /** Ms until every refusing limit would let the request through. */
  retryAfterMs: number;
  /** Every limit that refused. */
  limits: OtpLimitName[];
  /** Said plainly. */
  message: string;
}

/**
 * The sender failed: the limits stay consumed. With `outcome: 'failed'` nothing was sent and
 * the code was withdrawn; with `outcome: 'unknown'` (the client timed out after the request was
 * written) the message may still arrive, so its code stays valid until it expires.
 */
export interface OtpSendFailed {
  /** Not surely sent. */
  ok: false;
  /** Why. */
  reason: 'send-failed';
  /** `failed`: surely not sent, code withdrawn; `unknown`: maybe sent, code kept. */
  outcome: 'failed' | 'unknown';
  /** The sender's error, with anything that could hold the code removed. */
  error: SmsError;
  /** With `route`: the channel that refused the code (`stop`) or may have sent it (`unknown`). */
  channel?: string;
  /** Said plainly. */
  message: string;
}

/** A store (e.g. Redis) did not answer; with `failMode: 'closed'` nothing is sent. */
export interface OtpUnavailable {
  /** Not sent / not verified. */
  ok: false;
  /** Why. */
  reason: 'unavailable';
  /** The store's failure as code -1 (retryable). */
  error: SmsError;
  /** Said plainly. */
  message: string;
}

/** The answer of {@link OtpService.request}. */
export type OtpRequestResult = OtpRequestSent | OtpInvalid | OtpDenied | OtpHumanCheckFailed | OtpLimited | OtpSendFailed | OtpUnavailable;

/** The code was right; it is used up. */
export interface OtpVerified {
  /** Verified. */
  ok: true;
  /** The id of the request that sent this code. */
  id: string;
}

/** The code was wrong, or is no longer there to compare with. */
export interface OtpRejected {
  /** Not verified. */
  ok: false;
  /**
   * `mismatch`: wrong code, tries remain; `burnt`: wrong, and that was the last try, the code is
   * gone; `expired`: the code's time ran out; `missing`: there is no code (never sent, used,
   * burnt).
   */
  reason: 'mismatch' | 'burnt' | 'expired' | 'missing';
  /** Tries left before the code is burnt (`mismatch` only). */
  attemptsLeft?: number;
  /** Said plainly. */
  message: string;
}

/** The answer of {@link OtpService.verify}. */
export type OtpVerifyResult = OtpVerified | OtpRejected | OtpInvalid | OtpUnavailable;
