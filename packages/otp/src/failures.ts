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

/**
 * The sender's failure as an `SmsError` that cannot leak the code: details and cause are
 * dropped (a client error may carry the request body) and the code is masked in the text.
 */
export function withoutCode(thrown: unknown, code: string): SmsError {
  const error = toSmsError(thrown);
  const scrub = (text: string): string => text.split(code).join('*'.repeat(code.length));
  return new SmsError({ code: error.code, message: scrub(error.message), hint: scrub(error.hint), requestId: error.requestId, retryable: error.retryable });
}
