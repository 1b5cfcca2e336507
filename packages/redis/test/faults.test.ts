import { OtpService, type OtpMessage } from '@smskit/otp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSUME_SCRIPT, RedisNonceStore, redisOtpStores } from '../src/index.js';
import { canSpawnRedis, connect, ThrowawayRedis } from './redis.js';

// Our own redis-server on a free port: stopping the machine's shared Redis would break others.
let server: ThrowawayRedis;
beforeAll(async () => {
  if (canSpawnRedis) server = await ThrowawayRedis.start();
});
afterAll(async () => {
  await server?.stop();
});

function service(redis: ReturnType<typeof connect>, failMode: 'closed' | 'open' = 'closed') {
  const sent: OtpMessage[] = [];
  const errors: string[] = [];
  const otp = new OtpService({
    secret: 'fault-test-secret-0123456789abcdef',
    stores: redisOtpStores({ redis, keyPrefix: 'faults' }),
    storeTimeoutMs: 300,
    failMode,
    limits: { phoneScene: false, phoneContent: false, phoneDaily: false },
    send: async (message) => void sent.push(message),
    onError: (_, { operation }) => errors.push(operation),
  });
  return { otp, sent, errors };
}

async function ready(redis: ReturnType<typeof connect>): Promise<void> {
  while (redis.status !== 'ready') await new Promise((resolve) => setTimeout(resolve, 20));
}

const ask = (i: number) => ({ phone: `139000000${String(i).padStart(2, '0')}`, scene: 'login', ip: `192.0.2.${i}` });

describe.skipIf(!canSpawnRedis)('Redis goes away mid-run', () => {
  it('fails closed with a typed error, throws nothing, and resumes when Redis returns', async () => {
    // Reconnect quickly, and fail commands while disconnected instead of queueing them.
    const redis = connect({ retryStrategy: () => 50, maxRetriesPerRequest: 0 }, server.url);
    const { otp, sent } = service(redis);
    await ready(redis);
    expect((await otp.request(ask(1))).ok).toBe(true);
    const code = sent[0]?.code ?? '';

    await server.stop();
    const during = await Promise.all([1, 2, 3, 4, 5].map((i) => otp.request(ask(10 + i))));
    for (const result of during) expect(result).toMatchObject({ ok: false, reason: 'unavailable', error: { code: -1, retryable: true } });
    expect(await otp.verify({ ...ask(1), code })).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(sent).toHaveLength(1);

    await server.start();
    await ready(redis);
    expect((await otp.request(ask(2))).ok).toBe(true);
    expect(sent).toHaveLength(2);
    redis.disconnect();
  });

  it('with ioredis defaults (commands queue while reconnecting) the store timeout still refuses promptly', async () => {
    const redis = connect({}, server.url);
    const { otp } = service(redis);
    await ready(redis);
    await server.stop();
    expect(await otp.request(ask(5))).toMatchObject({ ok: false, reason: 'unavailable', message: expect.stringMatching(/no answer within 300 ms/) });
    await server.start();
    await ready(redis);
    expect((await otp.request(ask(6))).ok).toBe(true);
    redis.disconnect();
  });

  it('fails open when configured: in-process stores stand in until Redis returns', async () => {
    const redis = connect({ retryStrategy: () => 50, maxRetriesPerRequest: 0 }, server.url);
    const { otp, sent, errors } = service(redis, 'open');
    await ready(redis);
    await server.stop();
    expect((await otp.request(ask(3))).ok).toBe(true);
    expect(errors).toContain('limits.consume (failing open)');
    await server.start();
    await ready(redis);
    expect(await otp.verify({ ...ask(3), code: sent[0]?.code ?? '' })).toMatchObject({ ok: true });
    redis.disconnect();
  });

  it('a fresh server (empty script cache) is handled: NOSCRIPT falls back to EVAL', async () => {
    const redis = connect({}, server.url);
    await ready(redis);
    await redis.script('FLUSH');
    expect(await redis.script('EXISTS', CONSUME_SCRIPT.sha)).toEqual([0]);
    const { otp } = service(redis);
    expect((await otp.request(ask(4))).ok).toBe(true);
    expect(await redis.script('EXISTS', CONSUME_SCRIPT.sha)).toEqual([1]);
    redis.disconnect();
  });

  it('the nonce store rejects (and so refuses) while Redis is away', async () => {
    const redis = connect({ retryStrategy: () => 50, maxRetriesPerRequest: 0 }, server.url);
    const nonces = new RedisNonceStore({ redis });
    await ready(redis);
    await server.stop();
    await expect(nonces.claim('n', 1000)).rejects.toThrow();
    await server.start();
    await ready(redis);
    expect(await nonces.claim('n', 1000)).toBe(true);
    redis.disconnect();
  });
});

describe.skipIf(!canSpawnRedis)('a request refused during an outage consumes nothing, even when its command runs later', () => {
  // ioredis defaults: commands wait in the offline queue and run once Redis is back — after the
  // service has already answered "unavailable".
  function defaultLimits(redis: ReturnType<typeof connect>) {
    const sent: OtpMessage[] = [];
    const otp = new OtpService({
      secret: 'fault-test-secret-0123456789abcdef',
      stores: redisOtpStores({ redis, keyPrefix: `late-${Math.random().toString(36).slice(2)}` }),
      storeTimeoutMs: 300,
      send: async (message) => void sent.push(message),
    });
    return { otp, sent };
  }

  it('request: the queued limit script refuses to apply late, so the next request passes phone-scene', async () => {
    const redis = connect({}, server.url);
    const { otp, sent } = defaultLimits(redis);
    await ready(redis);
    await server.stop();
    expect(await otp.request(ask(7))).toMatchObject({ ok: false, reason: 'unavailable' });
    await server.start();
    await ready(redis);
    expect(await otp.request(ask(7))).toMatchObject({ ok: true });
    expect(sent).toHaveLength(1);
    redis.disconnect();
  });

  it('verify: the queued check refuses to apply late, so the code is still there and no try was counted', async () => {
    const redis = connect({}, server.url);
    const { otp, sent } = defaultLimits(redis);
    await ready(redis);
    expect((await otp.request(ask(8))).ok).toBe(true);
    const code = sent[0]?.code ?? '';
    // Keep the code across the restart: a server that loses it would make the test pass for nothing.
    await redis.save();
    await server.stop();
    expect(await otp.verify({ ...ask(8), code })).toMatchObject({ ok: false, reason: 'unavailable' });
    await server.start();
    await ready(redis);
    expect(await otp.verify({ ...ask(8), code })).toMatchObject({ ok: true });
    redis.disconnect();
  });
});
