import { maskPhone, type OtpLimitName, type OtpLimits, type OtpRequestResult, type OtpVerifyResult } from '@smskit/otp';

/** The limits as the page shows them; `undefined` when a limit is off. */
export interface LimitSummary {
  /** Seconds between two codes to one number. */
  cooldownSeconds: number | undefined;
  /** Codes one number gets in a calendar day. */
  dailyCap: number | undefined;
  /** Codes one IP address may ask for in an hour. */
  perIpHourly: number | undefined;
}

/** What the page gets back from `POST /api/code`. */
export interface CodeAnswer {
  /** Whether a code went out. */
  ok: boolean;
  /** A sentence for the user. */
  message: string;
  /** The OTP service's reason when not ok (`limit`, `human-check`, `invalid`…). */
  reason?: string;
  /** The limit that refused, when one did. */
  limit?: OtpLimitName;
  /** Whole seconds until another request can go through (cool-down or limit). */
  retryAfterSeconds?: number;
  /** The platform's id of the message, to follow its receipt. */
  msgId?: string;
  /** The channel that carried the code (primary or backup). */
  channel?: string;
}

/** What the page gets back from `POST /api/verify`. */
export interface VerifyAnswer {
  /** Whether the code was right. */
  ok: boolean;
  /** A sentence for the user. */
  message: string;
  /** The OTP service's reason when not ok (`mismatch`, `burnt`, `expired`, `missing`…). */
  reason?: string;
  /** Tries left, after a wrong code. */
  attemptsLeft?: number;
}

/** An HTTP status and the JSON to answer with. */
export interface Answer<T> {
  /** The HTTP status. */
  status: number;
  /** The body. */
  body: T;
}

/** The limits the page describes, read from the OTP options (SPEC §7's defaults where unset). */
export function limitSummary(limits: OtpLimits): LimitSummary {
  const window = (limit: OtpLimits['phoneScene'], fallback: number) => (limit === false ? undefined : (limit?.windowMs ?? fallback));
  const cooldownMs = window(limits.phoneScene, 60_000);
  return {
    cooldownSeconds: cooldownMs === undefined ? undefined : Math.round(cooldownMs / 1000),
    dailyCap: limits.phoneDaily === false ? undefined : (limits.phoneDaily ?? 10),
    perIpHourly: limits.ipHourly === false ? undefined : (limits.ipHourly?.max ?? 10),
  };
}

/** "42 s", "3 min 5 s", "7 h 12 min": how long to wait, for people. */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return seconds % 60 === 0 ? `${seconds / 60} min` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  // past an hour, to the minute, rounded up: "try again in" must never be too early
  const minutes = Math.ceil(seconds / 60);
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

function limitMessage(limit: OtpLimitName, wait: string, limits: LimitSummary): string {
  switch (limit) {
    case 'phone-scene':
      return `A code was sent to this number less than ${formatWait((limits.cooldownSeconds ?? 60) * 1000)} ago. You can ask for a new one in ${wait}.`;
    case 'phone-content':
      return `The same message went to this number a moment ago. You can ask again in ${wait}.`;
    case 'phone-daily':
      return `This number has had ${limits.dailyCap === undefined ? 'all its' : `its ${limits.dailyCap}`} codes for today. It gets new ones tomorrow (in ${wait}).`;
    case 'ip-hourly':
      return `Too many codes were asked for from your network in the last hour${limits.perIpHourly === undefined ? '' : ` (at most ${limits.perIpHourly})`}. Try again in ${wait}.`;
    default:
      return `Too many codes were asked for just now. Try again in ${wait}.`;
  }
}

/** Turns the result of `OtpService.request` into what the page shows, with a fitting status. */
export function codeAnswer(result: OtpRequestResult, context: { limits: LimitSummary; phone: string }): Answer<CodeAnswer> {
  const { limits, phone } = context;
  if (result.ok) {
    const body: CodeAnswer = { ok: true, message: `Code sent to ${maskPhone(phone)}: read it in the sandbox inbox.`, msgId: result.msgId, ...(result.channel === undefined ? {} : { channel: result.channel }) };
    if (limits.cooldownSeconds !== undefined) body.retryAfterSeconds = limits.cooldownSeconds;
    return { status: 200, body };
  }
  switch (result.reason) {
    case 'limit': {
      const retryAfterSeconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
      const message = limitMessage(result.limit, formatWait(result.retryAfterMs), limits);
      return { status: 429, body: { ok: false, reason: 'limit', limit: result.limit, retryAfterSeconds, message } };
    }
    case 'invalid':
      return { status: 400, body: { ok: false, reason: 'invalid', message: result.field === 'phone' ? 'That is not a mainland China mobile number (11 digits, starting with 1).' : result.message } };
    case 'human-check':
      return { status: 403, body: { ok: false, reason: 'human-check', message: 'Please tick "I am not a robot" first.' } };
    case 'denied':
      return { status: 403, body: { ok: false, reason: 'denied', message: 'Codes cannot be sent to this number.' } };
    case 'send-failed':
      if (result.outcome === 'unknown') {
        // the code was kept: the message may still arrive, and then it works
        return { status: 502, body: { ok: false, reason: 'send-failed', message: 'The SMS platform did not confirm the message. It may still arrive: watch the inbox, and if nothing comes, ask again later.' } };
      }
      return { status: 502, body: { ok: false, reason: 'send-failed', message: `The SMS platform did not take the message (${result.error.code}). Try again later.` } };
    case 'unavailable':
      return { status: 503, body: { ok: false, reason: 'unavailable', message: 'The code store is not answering (is Redis up?). Nothing was sent; try again in a moment.' } };
  }
}

/** Turns the result of `OtpService.verify` into what the page shows, with a fitting status. */
export function verifyAnswer(result: OtpVerifyResult, ttlMinutes: number): Answer<VerifyAnswer> {
  if (result.ok) return { status: 200, body: { ok: true, message: 'Verified.' } };
  switch (result.reason) {
    case 'mismatch': {
      const left = result.attemptsLeft ?? 0;
      return { status: 400, body: { ok: false, reason: 'mismatch', attemptsLeft: left, message: `Wrong code. ${left} ${left === 1 ? 'attempt' : 'attempts'} left.` } };
    }
    case 'burnt':
      return { status: 400, body: { ok: false, reason: 'burnt', attemptsLeft: 0, message: 'Wrong code, and that was the last attempt: the code no longer works. Ask for a new one.' } };
    case 'expired':
      return { status: 400, body: { ok: false, reason: 'expired', message: `This code has expired (codes work for ${ttlMinutes} minutes). Ask for a new one.` } };
    case 'missing':
      return { status: 400, body: { ok: false, reason: 'missing', message: 'No code is waiting for this number: ask for one first (each code works once).' } };
    case 'invalid':
      return { status: 400, body: { ok: false, reason: 'invalid', message: result.field === 'code' ? 'Enter the 6 digits from the message.' : 'That is not a mainland China mobile number (11 digits, starting with 1).' } };
    case 'unavailable':
      return { status: 503, body: { ok: false, reason: 'unavailable', message: 'The code store is not answering (is Redis up?). Try again in a moment.' } };
  }
}
