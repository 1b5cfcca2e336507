import type { OtpRequestResult } from '@smskit/otp';
import { SmsError } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import { DEMO_LIMITS } from '../src/demo-config.js';
import { codeAnswer, formatWait, limitSummary, verifyAnswer } from '../src/sign-up-answers.js';

const limits = limitSummary(DEMO_LIMITS);
const context = { limits, phone: '13800138000' };

function limited(limit: 'phone-scene' | 'phone-content' | 'phone-daily' | 'ip-hourly' | 'site-hourly', retryAfterMs: number): OtpRequestResult {
  return { ok: false, reason: 'limit', limit, limits: [limit], retryAfterMs, message: 'refused' };
}

describe('what the page is told', () => {
  it('words waits for people, never rounding one down', () => {
    expect([1, 999, 42_000, 60_000, 185_000, 3_600_000, 50_278_000, 7_200_001].map(formatWait)).toEqual(['1 s', '1 s', '42 s', '1 min', '3 min 5 s', '1 h', '13 h 58 min', '2 h 1 min']);
  });

  it('reads the limits it describes from the OTP options, SPEC §7 defaults where unset', () => {
    expect(limits).toEqual({ cooldownSeconds: 60, dailyCap: 10, perIpHourly: 10 });
    expect(limitSummary({})).toEqual({ cooldownSeconds: 60, dailyCap: 10, perIpHourly: 10 });
    expect(limitSummary({ phoneScene: false, phoneDaily: false, ipHourly: false })).toEqual({ cooldownSeconds: undefined, dailyCap: undefined, perIpHourly: undefined });
  });

  it('answers a sent code with the masked number and the cool-down to count down', () => {
    expect(codeAnswer({ ok: true, id: 'r1', expiresAt: 0, msgId: 'm1' }, context)).toEqual({
      status: 200,
      body: { ok: true, message: 'Code sent to 138****8000: read it in the sandbox inbox.', msgId: 'm1', retryAfterSeconds: 60 },
    });
  });

  it('names each limit and when it lifts, with 429', () => {
    expect(codeAnswer(limited('phone-scene', 41_200), context)).toEqual({
      status: 429,
      body: { ok: false, reason: 'limit', limit: 'phone-scene', retryAfterSeconds: 42, message: 'A code was sent to this number less than 1 min ago. You can ask for a new one in 42 s.' },
    });
    expect(codeAnswer(limited('phone-daily', 3_600_000), context).body.message).toBe('This number has had its 10 codes for today. It gets new ones tomorrow (in 1 h).');
    expect(codeAnswer(limited('ip-hourly', 600_000), context).body.message).toBe('Too many codes were asked for from your network in the last hour (at most 10). Try again in 10 min.');
    expect(codeAnswer(limited('phone-content', 5000), context).body.message).toBe('The same message went to this number a moment ago. You can ask again in 5 s.');
    expect(codeAnswer(limited('site-hourly', 5000), context).body.message).toBe('Too many codes were asked for just now. Try again in 5 s.');
  });

  it('answers the other refusals plainly, without the sender error text', () => {
    expect(codeAnswer({ ok: false, reason: 'human-check', message: 'x' }, context)).toMatchObject({ status: 403, body: { message: 'Please tick "I am not a robot" first.' } });
    expect(codeAnswer({ ok: false, reason: 'invalid', field: 'phone', message: 'x' }, context)).toMatchObject({ status: 400, body: { reason: 'invalid' } });
    const failed = codeAnswer({ ok: false, reason: 'send-failed', outcome: 'failed', error: new SmsError({ code: 60001, message: 'secret detail' }), message: 'x' }, context);
    expect(failed).toEqual({ status: 502, body: { ok: false, reason: 'send-failed', message: 'The SMS platform did not take the message (60001). Try again later.' } });
    const unknown = codeAnswer({ ok: false, reason: 'send-failed', outcome: 'unknown', error: new SmsError({ code: -1, message: 'timeout' }), message: 'x' }, context);
    expect(unknown.body.message).toMatch(/^The SMS platform did not confirm the message. It may still arrive/);
  });

  it('counts the attempts left after a wrong code, and says what to do once a code is gone', () => {
    expect(verifyAnswer({ ok: false, reason: 'mismatch', attemptsLeft: 1, message: 'x' }, 5)).toEqual({ status: 400, body: { ok: false, reason: 'mismatch', attemptsLeft: 1, message: 'Wrong code. 1 attempt left.' } });
    expect(verifyAnswer({ ok: false, reason: 'burnt', message: 'x' }, 5).body.message).toMatch(/last attempt.*Ask for a new one/);
    expect(verifyAnswer({ ok: false, reason: 'expired', message: 'x' }, 5).body.message).toBe('This code has expired (codes work for 5 minutes). Ask for a new one.');
    expect(verifyAnswer({ ok: true, id: 'r1' }, 5)).toEqual({ status: 200, body: { ok: true, message: 'Verified.' } });
  });
});
