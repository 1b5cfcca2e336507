import calculateSlot from 'cluster-key-slot';
import { MemoryLimitStore, type LimitCheck } from '@smskit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisCodeStore, RedisLimitStore, RedisNonceStore, RedisSendLog, redisOtpStores } from '../src/index.js';
import { connect, keysOf, redisAvailable, removeKeys, uniquePrefix } from './redis.js';

const redis = connect();
const prefix = uniquePrefix();
afterAll(async () => {
  await removeKeys(redis, prefix);
  redis.disconnect();
});

const rolling = (key: string, max = 1, windowMs = 60_000): LimitCheck => ({ kind: 'rolling', name: `${key}-limit`, key, max, windowMs });

describe.skipIf(!redisAvailable)('RedisNonceStore', () => {
  it('of 100 concurrent claims of one key, exactly one wins, and the key expires', async () => {
    const store = new RedisNonceStore({ redis, keyPrefix: `${prefix}:nonce` });
    const wins = await Promise.all(Array.from({ length: 100 }, () => store.claim('n-1', 60_000)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    const ttl = await redis.pttl(`${prefix}:nonce:n-1`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(await store.claim('n-2', 60_000)).toBe(true);
  });

  it('claimMany claims a whole push in one round trip, as if key by key, across batches of 1,000', async () => {
    const store = new RedisNonceStore({ redis, keyPrefix: `${prefix}:many` });
    await store.claim('k5', 60_000);
    const keys = Array.from({ length: 2500 }, (_, i) => `k${i}`);
    const calls = { evalsha: 0, set: 0 };
    const spied = redis as unknown as Record<'evalsha' | 'set', (...args: unknown[]) => unknown>;
    const original = { evalsha: spied.evalsha, set: spied.set };
    spied.evalsha = (...args) => (calls.evalsha++, original.evalsha.apply(redis, args));
    spied.set = (...args) => (calls.set++, original.set.apply(redis, args));
    let answers: boolean[];
    try {
      answers = await store.claimMany([...keys, 'k7'], 60_000);
    } finally {
      Object.assign(spied, original);
    }
    expect(calls).toEqual({ evalsha: 3, set: 0 });
    expect(answers).toHaveLength(2501);
    expect(answers.filter((fresh) => !fresh)).toHaveLength(2);
    expect(answers[5]).toBe(false);
    expect(answers[2500]).toBe(false);
    expect(await redis.pttl(`${prefix}:many:k2499`)).toBeGreaterThan(0);
    await store.releaseMany(['k1', 'k2']);
    expect(await store.claimMany(['k1', 'k2', 'k3'], 60_000)).toEqual([true, true, false]);
  });

  it('release forgets a key, so a repeated push whose handling failed is accepted again', async () => {
    const store = new RedisNonceStore({ redis, keyPrefix: `${prefix}:nonce` });
    expect(await store.claim('r-1', 60_000)).toBe(true);
    expect(await store.claim('r-1', 60_000)).toBe(false);
    await store.release('r-1');
    expect(await store.claim('r-1', 60_000)).toBe(true);
  });
});

describe.skipIf(!redisAvailable)('RedisLimitStore: the same semantics as the in-memory store', () => {
  const store = new RedisLimitStore({ redis, keyPrefix: prefix });

  it('a refused request consumes none of its limits', async () => {
    expect(await store.consume({ id: '1', now: 0, checks: [rolling('b')] })).toEqual({ ok: true, counts: [1] });
    expect(await store.consume({ id: '2', now: 1, checks: [rolling('a'), rolling('b')] })).toEqual({ ok: false, refusals: [{ name: 'b-limit', retryAfterMs: 59_999 }] });
    expect(await store.consume({ id: '3', now: 2, checks: [rolling('a')] })).toEqual({ ok: true, counts: [1] });
  });

  it('rolling windows are exact: retry when the oldest needed hit ages out', async () => {
    const check = rolling('r3', 3);
    for (const now of [0, 10_000, 20_000]) expect((await store.consume({ id: `h${now}`, now, checks: [check] })).ok).toBe(true);
    expect(await store.consume({ id: 'x', now: 59_999, checks: [check] })).toEqual({ ok: false, refusals: [{ name: 'r3-limit', retryAfterMs: 1 }] });
    expect(await store.consume({ id: 'y', now: 60_000, checks: [check] })).toEqual({ ok: true, counts: [3] });
  });

  it('fixed counters count, refuse at max with the time to the period end, and count-only never refuses', async () => {
    const now = Date.now();
    const day: LimitCheck = { kind: 'fixed', name: 'day', key: 'd:2024-05-01', max: 2, resetAt: now + 5000 };
    const volume: LimitCheck = { kind: 'fixed', name: 'volume', key: 'v:2024-05-01', resetAt: now + 5000 };
    expect(await store.consume({ id: '1', now, checks: [day, volume] })).toEqual({ ok: true, counts: [1, 1] });
    expect(await store.consume({ id: '2', now, checks: [day, volume] })).toEqual({ ok: true, counts: [2, 2] });
    expect(await store.consume({ id: '3', now: now + 1000, checks: [day, volume] })).toEqual({ ok: false, refusals: [{ name: 'day', retryAfterMs: 4000 }] });
  });

  it('every key expires: rolling ones after their window, fixed ones at their period end', async () => {
    const now = Date.now();
    await store.consume({ id: 'e', now, checks: [rolling('exp', 1, 30_000), { kind: 'fixed', name: 'f', key: 'exp-f', max: 5, resetAt: now + 90_000 }] });
    const rollingTtl = await redis.pttl(`{${prefix}}:otp:limit:exp`);
    const fixedTtl = await redis.pttl(`{${prefix}}:otp:limit:exp-f`);
    expect(rollingTtl).toBeGreaterThan(0);
    expect(rollingTtl).toBeLessThanOrEqual(30_000);
    expect(fixedTtl).toBeGreaterThan(30_000);
    expect(fixedTtl).toBeLessThanOrEqual(90_000);
  });

  it('500 concurrent consumers over two connections: exactly max get through', async () => {
    const second = connect();
    const other = new RedisLimitStore({ redis: second, keyPrefix: prefix });
    const check = rolling('race', 25);
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => (i % 2 ? store : other).consume({ id: `c${i}`, now: 1000, checks: [check] })));
    second.disconnect();
    expect(results.filter((result) => result.ok)).toHaveLength(25);
  });
});

describe.skipIf(!redisAvailable)('RedisCodeStore', () => {
  const store = new RedisCodeStore({ redis, keyPrefix: prefix });
  const hash = 'ab'.repeat(32);
  const wrong = 'ac'.repeat(32);

  it('uses a code once, counts wrong tries and burns at maxAttempts', async () => {
    await store.put({ key: 'login:1', id: 'id-1', hash, expiresAt: 10_000, now: 0 });
    expect(await store.check({ key: 'login:1', hash: wrong, now: 1, maxAttempts: 2 })).toEqual({ status: 'mismatch', attemptsLeft: 1 });
    expect(await store.check({ key: 'login:1', hash, now: 1, maxAttempts: 2 })).toEqual({ status: 'ok', id: 'id-1' });
    expect(await store.check({ key: 'login:1', hash, now: 1, maxAttempts: 2 })).toEqual({ status: 'missing' });
    await store.put({ key: 'login:2', id: 'id-2', hash, expiresAt: 10_000, now: 0 });
    await store.check({ key: 'login:2', hash: wrong, now: 1, maxAttempts: 2 });
    expect(await store.check({ key: 'login:2', hash: wrong, now: 1, maxAttempts: 2 })).toEqual({ status: 'burnt' });
    expect(await store.check({ key: 'login:2', hash, now: 1, maxAttempts: 2 })).toEqual({ status: 'missing' });
  });

  it('reports expiry by the callers’ clock and keeps the record a grace period past it', async () => {
    const now = Date.now();
    await store.put({ key: 'login:3', id: 'id-3', hash, expiresAt: now + 300_000, now });
    const ttl = await redis.pttl(`{${prefix}}:otp:code:login:3`);
    expect(ttl).toBeGreaterThan(300_000);
    expect(await store.check({ key: 'login:3', hash, now: now + 300_000, maxAttempts: 5 })).toEqual({ status: 'expired' });
  });

  it('discards only the code it was asked to', async () => {
    await store.put({ key: 'login:4', id: 'new', hash, expiresAt: 10_000, now: 0 });
    await store.discard({ key: 'login:4', id: 'old' });
    expect(await store.check({ key: 'login:4', hash, now: 1, maxAttempts: 5 })).toEqual({ status: 'ok', id: 'new' });
  });

  it('a hash of another length never matches', async () => {
    await store.put({ key: 'login:5', id: 'id-5', hash, expiresAt: 10_000, now: 0 });
    expect(await store.check({ key: 'login:5', hash: hash.slice(0, 62), now: 1, maxAttempts: 5 })).toEqual({ status: 'mismatch', attemptsLeft: 4 });
    expect(await store.check({ key: 'login:5', hash: `${hash}00`, now: 1, maxAttempts: 5 })).toEqual({ status: 'mismatch', attemptsLeft: 3 });
  });
});

describe.skipIf(!redisAvailable)('RedisSendLog', () => {
  it('keeps the newest records up to its capacity, with an expiry', async () => {
    const log = new RedisSendLog({ redis, keyPrefix: prefix, capacity: 5 });
    await Promise.all(Array.from({ length: 40 }, (_, i) => log.append({ id: String(i), type: 'verification', channel: 'c', phone: '139****0001', time: i, result: 'sent' })));
    const records = await log.recent(100);
    expect(records).toHaveLength(5);
    expect(await redis.llen(`{${prefix}}:otp:log:records`)).toBe(5);
    expect(await redis.pttl(`{${prefix}}:otp:log:records`)).toBeGreaterThan(0);
    expect((await log.recent(2)).map((record) => record.id)).toEqual(records.slice(0, 2).map((record) => record.id));
  });

  it('keeps the channel that carried a message and the channels passed over, and skips lines that are no record', async () => {
    const log = new RedisSendLog({ redis, keyPrefix: `${prefix}-channels` });
    const record = { id: 'r1', type: 'verification' as const, channel: 'backup', passedOver: [{ channel: 'main', reason: 'failover', code: '2001' }], phone: '138****8000', time: 1, result: 'sent' as const, msgId: 'm1' };
    await log.append(record);
    await redis.lpush(`{${prefix}-channels}:otp:log:records`, '{"not":"a record"}', 'not json');
    expect(await log.recent()).toEqual([record]);
  });
});

describe.skipIf(!redisAvailable)('key layout', () => {
  it('puts every OTP key of one prefix under one hash tag, so each script stays in one Cluster slot', async () => {
    const layoutPrefix = `${prefix}-layout`;
    const stores = redisOtpStores({ redis, keyPrefix: layoutPrefix });
    const now = Date.now();
    await stores.limits.consume({
      id: 'k',
      now,
      checks: [rolling('ps:login:13900000001'), rolling('ip:192.0.2.1'), rolling('site', 100), { kind: 'fixed', name: 'pd', key: 'pd:2024-05-01:13900000001', max: 10, resetAt: now + 1000 }],
    });
    await stores.codes.put({ key: 'login:13900000001', id: 'k', hash: 'ab', expiresAt: now + 1000, now });
    await stores.sendLog.append({ id: 'k', type: 'verification', channel: 'c', phone: 'p', time: now, result: 'sent' });
    const keys = await keysOf(redis, layoutPrefix);
    expect(keys).toEqual([
      `{${layoutPrefix}}:otp:code:login:13900000001`,
      `{${layoutPrefix}}:otp:limit:ip:192.0.2.1`,
      `{${layoutPrefix}}:otp:limit:pd:2024-05-01:13900000001`,
      `{${layoutPrefix}}:otp:limit:ps:login:13900000001`,
      `{${layoutPrefix}}:otp:limit:site`,
      `{${layoutPrefix}}:otp:log:records`,
    ]);
    expect(new Set(keys.map((key) => calculateSlot(key))).size).toBe(1);
  });

  it('refuses a prefix with braces, which would break the hash tag', () => {
    expect(() => redisOtpStores({ redis, keyPrefix: 'a{b}' })).toThrow(/braces/);
  });
});

describe.skipIf(!redisAvailable)('RedisCodeStore.consumeAndPut: limits and code in one script', () => {
  const limits = new RedisLimitStore({ redis, keyPrefix: prefix });
  const codes = new RedisCodeStore({ redis, keyPrefix: prefix });
  const code = (id: string) => ({ key: 'fused:1', id, hash: 'cd'.repeat(32), expiresAt: 10_000, now: 0 });

  it('keeps the code only when every limit passes', async () => {
    const consume = (id: string) => ({ id, now: 0, checks: [rolling('fused-limit')] });
    expect(await codes.consumeAndPut({ limits, consume: consume('a'), code: code('a') })).toEqual({ ok: true, counts: [1] });
    expect(await codes.consumeAndPut({ limits, consume: consume('b'), code: code('b') })).toMatchObject({ ok: false });
    // The refused request must not have replaced the code that was sent.
    expect(await codes.check({ key: 'fused:1', hash: 'cd'.repeat(32), now: 1, maxAttempts: 5 })).toEqual({ status: 'ok', id: 'a' });
  });

  it('declines limit stores it cannot reach in one script', () => {
    const consume = { id: 'x', now: 0, checks: [] };
    expect(codes.consumeAndPut({ limits: new RedisLimitStore({ redis, keyPrefix: `${prefix}-other` }), consume, code: code('x') })).toBeUndefined();
    expect(codes.consumeAndPut({ limits: new MemoryLimitStore(), consume, code: code('x') })).toBeUndefined();
  });
});

describe.skipIf(!redisAvailable)('a call that reaches Redis past its deadline changes nothing', () => {
  const stores = redisOtpStores({ redis, keyPrefix: `${prefix}-late` });
  const past = Date.now() - 1000;

  it('consume (and consumeAndPut) reject and count nothing', async () => {
    const consume = { id: 'late-1', now: Date.now(), checks: [rolling('late')], notAfter: past };
    await expect(stores.limits.consume(consume)).rejects.toThrow(/past its deadline and applied nothing/);
    const code = { key: 'login:late', id: 'late-1', hash: 'ab'.repeat(32), expiresAt: Date.now() + 60_000, now: Date.now() };
    await expect(stores.codes.consumeAndPut({ limits: stores.limits, consume, code })).rejects.toThrow(/past its deadline/);
    expect(await stores.codes.check({ key: 'login:late', hash: code.hash, now: Date.now(), maxAttempts: 5 })).toEqual({ status: 'missing' });
    expect(await stores.limits.consume({ ...consume, id: 'late-2', notAfter: Date.now() + 60_000 })).toEqual({ ok: true, counts: [1] });
  });

  it('check rejects without using the code up or counting the try', async () => {
    const code = { key: 'login:late-check', id: 'c-1', hash: 'cd'.repeat(32), expiresAt: Date.now() + 60_000, now: Date.now() };
    await stores.codes.put(code);
    const attempt = { key: code.key, hash: code.hash, now: Date.now(), maxAttempts: 1 };
    await expect(stores.codes.check({ ...attempt, hash: 'ef'.repeat(32), notAfter: past })).rejects.toThrow(/past its deadline/);
    await expect(stores.codes.check({ ...attempt, notAfter: past })).rejects.toThrow(/past its deadline/);
    expect(await stores.codes.check({ ...attempt, notAfter: Date.now() + 60_000 })).toEqual({ status: 'ok', id: 'c-1' });
  });
});
