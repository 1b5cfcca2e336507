import { SmsError, toSmsError } from '@smskit/core';
import type { CodeCheck } from '@smskit/core';
import type { OtpInvalid, OtpUnavailable, OtpVerifyResult } from './results.js';

/** An unusable input, named. */
export function invalid(field: OtpInvalid['field'], message: string): OtpInvalid {
  return { ok: false, reason: 'invalid', field, message };
}

/** A store that failed, as the caller sees it. */
export function unavailable(error: SmsError): OtpUnavailable {
  return { ok: false, reason: 'unavailable', error, message: error.message };
}

/** What a code store found, as the caller sees it. */
export function verifyResultOf(found: CodeCheck): OtpVerifyResult {
  switch (found.status) {
    case 'ok':
      return { ok: true, id: found.id };
    case 'mismatch':
      return { ok: false, reason: 'mismatch', attemptsLeft: found.attemptsLeft, message: `Wrong code; ${found.attemptsLeft} ${found.attemptsLeft === 1 ? 'try' : 'tries'} left.` };
    case 'burnt':
      return { ok: false, reason: 'burnt', message: 'Wrong code, and too many wrong tries: request a new code.' };
    case 'expired':
      return { ok: false, reason: 'expired', message: 'The code has expired: request a new one.' };
    default:
      return { ok: false, reason: 'missing', message: 'There is no code to check: request one first.' };
  }
}

/** Longest sender remark kept in the send log. */
const MAX_REMARK = 500;

/**
 * A function that masks `code` in any text: also spelt with separators (`681 734`, `68-17-34`)
 * and in either case, since a sender may quote the message it sent in its own way.
 */
export function codeScrubber(code: string): (text: string) => string {
  const escaped = Array.from(code, (char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(escaped.join('[\\s._-]*'), 'giu');
  const mask = '*'.repeat(Array.from(code).length);
  return (text) => text.replace(pattern, mask);
}

/**
 * A value a sender returned, fit for the send log: a string (anything else is dropped, since
 * serialising an object could carry the code), bounded, with the code masked.
 */
export function senderText(value: unknown, scrub: (text: string) => string): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  return scrub(value.length > MAX_REMARK ? `${value.slice(0, MAX_REMARK)}…` : value);
}

/**
 * The sender's failure as an `SmsError` that cannot leak the code: details and cause are
 * dropped (a client error may carry the request body) and the code is masked in the text.
 */
export function withoutCode(thrown: unknown, code: string): SmsError {
  const error = toSmsError(thrown);
  const scrub = codeScrubber(code);
  const requestId = error.requestId === undefined ? undefined : scrub(error.requestId);
  return new SmsError({ code: error.code, message: scrub(error.message), hint: scrub(error.hint), requestId, retryable: error.retryable });
}
