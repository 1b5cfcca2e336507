import { SmsError, type SendResult } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import { generateCode, MemoryCodeStore, MemorySendLog, OtpService } from '../src/index.js';
import { harness, phone, SECRET } from './harness.js';

const request = { phone: phone(1), scene: 'login', ip: '203.0.113.9' };

describe('codes: drawn at random, sent once, stored only as a keyed hash', () => {
  it('sends a 6-digit code valid for 5 minutes by default', async () => {
    const { service, sent, clock } = harness();
    const result = await service.request(request);
    expect(result).toMatchObject({ ok: true, expiresAt: clock.now + 300_000, msgId: 'm1' });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ phone: phone(1), scene: 'login', ttlMinutes: 5 });
    expect(sent[0]?.code).toMatch(/^\d{6}$/);
  });

  it('honours length and alphabet', () => {
    expect(generateCode({ length: 8, alphabet: 'AB' })).toMatch(/^[AB]{8}$/);
  });

  it('draws whole characters, each distinct one equally often (repeats and astral characters included)', () => {
    expect([...generateCode({ length: 12, alphabet: '🙂7' })].every((c) => c === '🙂' || c === '7')).toBe(true);
    const draws = Array.from({ length: 4000 }, () => generateCode({ length: 1, alphabet: 'AAAB' }));
    const share = draws.filter((c) => c === 'B').length / draws.length;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
  });

  it('draws every digit (a biased source would miss some over 2,000 draws)', () => {
    const seen = new Set(Array.from({ length: 2000 }, () => generateCode()).join(''));
    expect(seen.size).toBe(10);
  });

  it('never keeps the code itself: not in the store, the result or the send log', async () => {
    const codes = new MemoryCodeStore();
    const sendLog = new MemorySendLog();
    const { service, lastCode } = harness({ stores: { codes, sendLog } });
    const result = await service.request(request);
    const code = lastCode();
    const kept = JSON.stringify([result, await sendLog.recent(), [...(codes as unknown as { codes: Map<string, unknown> }).codes.values()]]);
    expect(kept).not.toContain(code);
  });

  it('hashes with the secret: another secret cannot verify the code', async () => {
    const codes = new MemoryCodeStore();
    const first = harness({ stores: { codes } });
    await first.service.request(request);
    const other = new OtpService({ secret: 'another-secret-of-enough-bytes!!', stores: { codes }, send: async () => undefined, now: () => first.clock.now });
    expect(await other.verify({ ...request, code: first.lastCode() })).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('refuses a short secret with a message that says how to make one', () => {
    expect(() => new OtpService({ secret: 'short', send: async () => undefined })).toThrow(/at least 16 bytes.*randomBytes/);
  });
});

describe('verify: right once, wrong at most maxAttempts times', () => {
  it('accepts the right code once, then reports it missing', async () => {
    const { service, lastCode } = harness();
    const sent = await service.request(request);
    const code = lastCode();
    expect(await service.verify({ ...request, code })).toEqual({ ok: true, id: sent.ok ? sent.id : '' });
    expect(await service.verify({ ...request, code })).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('binds a code to its number and scene', async () => {
    const { service, lastCode } = harness();
    await service.request(request);
    expect(await service.verify({ ...request, scene: 'register', code: lastCode() })).toMatchObject({ reason: 'missing' });
    expect(await service.verify({ ...request, phone: phone(2), code: lastCode() })).toMatchObject({ reason: 'missing' });
  });

  it('counts wrong tries and burns the code at the fifth', async () => {
    const { service, lastCode } = harness();
    await service.request(request);
    const wrong = lastCode() === '000000' ? '111111' : '000000';
    for (const left of [4, 3, 2, 1]) expect(await service.verify({ ...request, code: wrong })).toMatchObject({ ok: false, reason: 'mismatch', attemptsLeft: left });
    expect(await service.verify({ ...request, code: wrong })).toMatchObject({ ok: false, reason: 'burnt' });
    expect(await service.verify({ ...request, code: lastCode() })).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('counts every one of many concurrent wrong tries, and lets one of many right ones through', async () => {
    const { service, lastCode } = harness({ maxAttempts: 50 });
    await service.request(request);
    const wrong = lastCode() === '000000' ? '111111' : '000000';
    const answers = await Promise.all(Array.from({ length: 49 }, () => service.verify({ ...request, code: wrong })));
    const left = answers.map((answer) => ('attemptsLeft' in answer ? answer.attemptsLeft : undefined)).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(left).toEqual(Array.from({ length: 49 }, (_, i) => i + 1));
    const right = await Promise.all(Array.from({ length: 20 }, () => service.verify({ ...request, code: lastCode() })));
    expect(right.filter((answer) => answer.ok)).toHaveLength(1);
  });

  it('expires after ttlMs, by the injected clock', async () => {
    const { service, lastCode, clock } = harness({ ttlMs: 60_000 });
    await service.request(request);
    clock.now += 60_000;
    expect(await service.verify({ ...request, code: lastCode() })).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('a refused request leaves the code already sent valid', async () => {
    const { service, lastCode } = harness();
    await service.request(request);
    expect(await service.request(request)).toMatchObject({ reason: 'limit' });
    expect(await service.verify({ ...request, code: lastCode() })).toMatchObject({ ok: true });
  });

  it('a new code replaces the old one', async () => {
    const { service, lastCode, clock } = harness();
    await service.request(request);
    const old = lastCode();
    clock.now += 61_000;
    await service.request(request);
    if (old !== lastCode()) expect(await service.verify({ ...request, code: old })).toMatchObject({ reason: 'mismatch' });
    expect(await service.verify({ ...request, code: lastCode() })).toMatchObject({ ok: true });
  });

  it('rejects unusable input without counting a try', async () => {
    const { service, lastCode } = harness({ maxAttempts: 1 });
    await service.request(request);
    expect(await service.verify({ ...request, code: ' ' })).toMatchObject({ reason: 'invalid', field: 'code' });
    expect(await service.verify({ ...request, code: '1'.repeat(65) })).toMatchObject({ reason: 'invalid', field: 'code' });
    expect(await service.verify({ ...request, phone: '123', code: '000000' })).toMatchObject({ reason: 'invalid', field: 'phone' });
    expect(await service.verify({ ...request, scene: 'a b', code: '000000' })).toMatchObject({ reason: 'invalid', field: 'scene' });
    expect(await service.verify({ ...request, code: ` ${lastCode()} ` })).toMatchObject({ ok: true });
  });
});

describe('a failed send', () => {
  it('keeps the limits consumed, withdraws the code, logs the failure without the code', async () => {
    let code = '';
    const sendLog = new MemorySendLog();
    const service = new OtpService({
      secret: SECRET,
      stores: { sendLog },
      send: async (message) => {
        code = message.code;
        throw new Error(`provider rejected templateParam ["${message.code}"]`);
      },
    });
    const failed = await service.request(request);
    expect(failed).toMatchObject({ ok: false, reason: 'send-failed', outcome: 'failed', error: { code: -1 } });
    expect(JSON.stringify(failed)).not.toContain(code);
    expect(failed.ok === false && failed.reason === 'send-failed' ? failed.error.message : '').toContain('******');
    expect(await service.verify({ ...request, code })).toMatchObject({ ok: false, reason: 'missing' });
    expect(await service.request(request)).toMatchObject({ ok: false, reason: 'limit', limit: 'phone-scene' });
    const [latest, first] = await sendLog.recent();
    expect(first).toMatchObject({ result: 'failed', phone: '139****0001' });
    expect(latest).toMatchObject({ result: 'blocked', remark: 'limit phone-scene' });
    expect(JSON.stringify(first)).not.toContain(code);
  });

  it('whose outcome is unknown (timed out after the request was written) keeps the code valid, since it may still arrive', async () => {
    let code = '';
    const service = new OtpService({
      secret: SECRET,
      send: async (message) => {
        code = message.code;
        const result: SendResult = { status: 'unknown', chunks: [], msgIds: [], failedPhones: [], unknownPhones: [message.phone], invalid: [], duplicates: 0 };
        throw new SmsError({ code: -1, message: 'No answer after the request was written.', retryable: false, details: { result } });
      },
    });
    const maybe = await service.request(request);
    expect(maybe).toMatchObject({ ok: false, reason: 'send-failed', outcome: 'unknown', error: { code: -1 } });
    expect(JSON.stringify(maybe)).not.toContain(code);
    expect(await service.verify({ ...request, code })).toMatchObject({ ok: true });
  });
});

describe('the code never reaches the send log, the result, an error or the error hook', () => {
  type Leak = (code: string) => Promise<{ msgId?: string; remark?: string } | void>;
  const leaks: [string, Leak][] = [
    ['a remark on success', async (code) => ({ remark: `sent ${code}` })],
    ['a remark with the code spaced out', async (code) => ({ remark: `sent ${code.slice(0, 3)} ${code.slice(3)}` })],
    ['a msgId holding the code', async (code) => ({ msgId: `m-${code}` })],
    ['a remark that is not a string', async (code) => ({ remark: { sent: code } as unknown as string })],
    ['a thrown error with the code in its request id', async (code) => Promise.reject(new SmsError({ code: 2003, message: 'rejected', requestId: `r-${code}` }))],
    ['a thrown string', async (code) => Promise.reject(`could not send ${code}`)],
  ];
  it.each(leaks)('%s', async (_, leak) => {
    let code = '';
    const sendLog = new MemorySendLog();
    const reported: unknown[] = [];
    const service = new OtpService({
      secret: SECRET,
      // Letters no id, time or word in the output is made of, so a match can only be the code.
      alphabet: 'QWXYZJKLMV',
      stores: { sendLog },
      onError: (error, context) => reported.push({ error: { ...error, message: error.message, hint: error.hint }, context }),
      send: async (message) => {
        code = message.code;
        return leak(message.code);
      },
    });
    const result = await service.request(request);
    const everything = JSON.stringify([result, result.ok ? undefined : { message: result.message, error: 'error' in result ? result.error : undefined }, await sendLog.recent(), reported]);
    expect(code).toMatch(/^[QWXYZJKLMV]{6}$/);
    expect(everything.replace(/[\s._-]/g, '')).not.toContain(code);
  });
});
