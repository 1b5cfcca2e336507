import { OtpService, type OtpMessage, type OtpServiceOptions } from '@smskit/otp';
import { afterAll, describe, expect, it } from 'vitest';
import { redisOtpStores } from '../src/index.js';
import { connect, redisAvailable, removeKeys, uniquePrefix } from './redis.js';

const SECRET = 'shared-secret-of-every-instance-0123';
const first = connect();
const second = connect();
const prefixes: string[] = [];
afterAll(async () => {
  for (const prefix of prefixes) await removeKeys(first, prefix);
  first.disconnect();
  second.disconnect();
});

/** Two service instances — two connections, as two processes would have — over one Redis. */
function cluster(options: Partial<OtpServiceOptions> = {}) {
  const keyPrefix = uniquePrefix();
  prefixes.push(keyPrefix);
  const clock = { now: Date.parse('2024-05-01T15:59:00Z') }; // 23:59 in Shanghai
  const sent: OtpMessage[] = [];
  const make = (redis: typeof first) =>
    new OtpService({
      secret: SECRET,
      stores: redisOtpStores({ redis, keyPrefix }),
      now: () => clock.now,
      send: async (message) => {
        sent.push(message);
        return { msgId: String(sent.length) };
      },
      ...options,
    });
  return { a: make(first), b: make(second), sent, clock };
}

const PHONE = '13900000001';
const ip = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

describe.skipIf(!redisAvailable)('OtpService on Redis, two instances', () => {
  it('1,000 concurrent requests for one number over many scenes let exactly the daily 10 through', async () => {
    const { a, b, sent } = cluster();
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => (i % 2 ? a : b).request({ phone: PHONE, scene: `s${i % 100}`, ip: ip(i) })));
    expect(results.filter((result) => result.ok)).toHaveLength(10);
    expect(sent).toHaveLength(10);
    const refused = results.filter((result) => !result.ok);
    expect(refused.every((result) => result.ok === false && result.reason === 'limit')).toBe(true);
  });

  it('1,000 concurrent requests for one number and scene let exactly one through', async () => {
    const { a, b, sent } = cluster();
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => (i % 2 ? a : b).request({ phone: PHONE, scene: 'login', ip: ip(i) })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(sent).toHaveLength(1);
  });

  it('a code sent by one instance verifies on the other, once, even when both try at once', async () => {
    const { a, b, sent } = cluster();
    await a.request({ phone: PHONE, scene: 'login', ip: ip(1) });
    const code = sent[0]?.code ?? '';
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).verify({ phone: PHONE, scene: 'login', code })));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
  });

  it('counts concurrent wrong tries on both instances exactly', async () => {
    const { a, b, sent } = cluster({ maxAttempts: 40 });
    await a.request({ phone: PHONE, scene: 'login', ip: ip(1) });
    const code = sent[0]?.code ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    const answers = await Promise.all(Array.from({ length: 45 }, (_, i) => (i % 2 ? a : b).verify({ phone: PHONE, scene: 'login', code: wrong })));
    expect(answers.filter((answer) => answer.ok === false && answer.reason === 'mismatch')).toHaveLength(39);
    expect(answers.filter((answer) => answer.ok === false && answer.reason === 'burnt')).toHaveLength(1);
    expect(answers.filter((answer) => answer.ok === false && answer.reason === 'missing')).toHaveLength(5);
  });

  it('the daily count resets at midnight in Asia/Shanghai', async () => {
    const { a, b, clock } = cluster({ limits: { phoneDaily: 2, phoneScene: false, phoneContent: false } });
    expect((await a.request({ phone: PHONE, scene: 'x', ip: ip(1) })).ok).toBe(true);
    expect((await b.request({ phone: PHONE, scene: 'x', ip: ip(2) })).ok).toBe(true);
    expect(await a.request({ phone: PHONE, scene: 'x', ip: ip(3) })).toMatchObject({ limit: 'phone-daily', retryAfterMs: 60_000 });
    clock.now += 60_000;
    expect((await b.request({ phone: PHONE, scene: 'x', ip: ip(4) })).ok).toBe(true);
  });

  it('a refused request leaves the code already sent valid', async () => {
    const { a, b, sent } = cluster();
    await a.request({ phone: PHONE, scene: 'login', ip: ip(1) });
    expect(await b.request({ phone: PHONE, scene: 'login', ip: ip(2) })).toMatchObject({ reason: 'limit' });
    expect(await b.verify({ phone: PHONE, scene: 'login', code: sent[0]?.code ?? '' })).toMatchObject({ ok: true });
  });

  it('a failed send leaves no valid code and keeps the limits consumed', async () => {
    let code = '';
    const { a, b } = cluster({
      send: async (message) => {
        code = message.code;
        throw new Error('balance exhausted');
      },
    });
    expect(await a.request({ phone: PHONE, scene: 'login', ip: ip(1) })).toMatchObject({ reason: 'send-failed' });
    expect(await b.verify({ phone: PHONE, scene: 'login', code })).toMatchObject({ reason: 'missing' });
    expect(await b.request({ phone: PHONE, scene: 'login', ip: ip(1) })).toMatchObject({ reason: 'limit', limit: 'phone-scene' });
  });
});
