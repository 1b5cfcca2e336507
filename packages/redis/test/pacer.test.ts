import { SmsClient } from '@smskit/core';
import { createSandbox, type RunningSandbox, type Sandbox } from '@smskit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisPacerStore } from '../src/index.js';
import { connect, redisAvailable, removeKeys, uniquePrefix } from './redis.js';

const redis = connect();
const prefix = uniquePrefix();
afterAll(async () => {
  await removeKeys(redis, prefix);
  redis.disconnect();
});

/** The most of `times` that fall in any window of `windowMs` (sliding). */
function mostInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe.skipIf(!redisAvailable)('RedisPacerStore', () => {
  it('takes up to max, refuses past it with the time until the oldest stops counting, and a release counts one window from the answer', async () => {
    const store = new RedisPacerStore({ redis, keyPrefix: prefix });
    const key = 'acct:unit';
    expect(await store.take({ key, id: 'a', max: 2, leaseMs: 60_000 })).toEqual({ ok: true });
    expect(await store.take({ key, id: 'b', max: 2, leaseMs: 60_000 })).toEqual({ ok: true });
    const full = await store.take({ key, id: 'c', max: 2, leaseMs: 60_000 });
    expect(full.ok).toBe(false);
    expect(!full.ok && full.retryAfterMs).toBeGreaterThan(50_000);
    await store.release({ key, id: 'a', windowMs: 150 });
    const soon = await store.take({ key, id: 'c', max: 2, leaseMs: 60_000 });
    expect(!soon.ok && soon.retryAfterMs).toBeLessThanOrEqual(150);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await store.take({ key, id: 'c', max: 2, leaseMs: 60_000 })).toEqual({ ok: true });
  });

  it('an unanswered request stops counting when its lease runs out (its process died)', async () => {
    const store = new RedisPacerStore({ redis, keyPrefix: prefix });
    expect(await store.take({ key: 'acct:lease', id: 'dead', max: 1, leaseMs: 100 })).toEqual({ ok: true });
    expect((await store.take({ key: 'acct:lease', id: 'next', max: 1, leaseMs: 100 })).ok).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await store.take({ key: 'acct:lease', id: 'next', max: 1, leaseMs: 100 })).toEqual({ ok: true });
  });

  it('a release after the lease ran out brings nothing back', async () => {
    const store = new RedisPacerStore({ redis, keyPrefix: prefix });
    await store.take({ key: 'acct:late', id: 'x', max: 1, leaseMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 80));
    await store.release({ key: 'acct:late', id: 'x', windowMs: 60_000 });
    expect(await store.take({ key: 'acct:late', id: 'y', max: 1, leaseMs: 50 })).toEqual({ ok: true });
  });

  it('a take run past its deadline applies nothing', async () => {
    const store = new RedisPacerStore({ redis, keyPrefix: prefix });
    await expect(store.take({ key: 'acct:deadline', id: 'x', max: 1, leaseMs: 60_000, notAfter: Date.now() - 5000 })).rejects.toThrow(/past its deadline and applied nothing/);
    expect(await redis.exists(`{${prefix}}:pace:acct:deadline`)).toBe(0);
  });
});

describe.skipIf(!redisAvailable)('two clients sharing one Redis pacer', () => {
  const RATE = 20;
  let sandbox: Sandbox;
  let running: RunningSandbox;
  beforeAll(async () => {
    // The sandbox answers 6000 past RATE sends in any second, as the platform would.
    sandbox = createSandbox({ balance: 100_000, rateLimits: { send: { max: RATE, windowMs: 1000 }, sendBatch: { max: RATE, windowMs: 1000 } } });
    running = await sandbox.listen();
  });
  afterAll(async () => {
    await running.close();
    sandbox.close();
  });

  const client = (keyPrefix: string) =>
    new SmsClient({
      apiKey: 'sandbox-api-key',
      accessKey: 'sandbox-access-key',
      baseUrl: running.url,
      retry: false,
      // Each alone would send RATE a second; together they must still send only RATE.
      pacing: { requestsPerSecond: RATE, shared: { store: new RedisPacerStore({ redis, keyPrefix }) } },
    });

  it(`never put more than ${RATE} sends at the platform in any second, and every send is accepted`, async () => {
    const keyPrefix = `${prefix}:two`;
    const [a, b] = [client(keyPrefix), client(keyPrefix)];
    const before = (await sandbox.store.findMessages({ limit: 1e6 })).length;
    const sends = (c: SmsClient, from: number) => Array.from({ length: 30 }, (_, i) => c.send({ phones: [`1390000${String(from + i).padStart(4, '0')}`], templateCode: '100001', params: ['123456'] }));
    const results = await Promise.allSettled([...sends(a, 0), ...sends(b, 100)]);
    await Promise.all([a.close(), b.close()]);
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const messages = (await sandbox.store.findMessages({ limit: 1e6 })).slice(0, -before || undefined);
    expect(messages).toHaveLength(60);
    expect(mostInAnyWindow(messages.map((message) => message.submittedAt), 1000)).toBeLessThanOrEqual(RATE);
  });

  it('without the shared store the same two clients overrun the limit (the control)', async () => {
    const lone = () => new SmsClient({ apiKey: 'sandbox-api-key', accessKey: 'sandbox-access-key', baseUrl: running.url, retry: false, pacing: { requestsPerSecond: RATE } });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const [a, b] = [lone(), lone()];
    const sends = (c: SmsClient, from: number) => Array.from({ length: RATE }, (_, i) => c.send({ phones: [`1390001${String(from + i).padStart(4, '0')}`], templateCode: '100001', params: ['123456'] }));
    const results = await Promise.allSettled([...sends(a, 0), ...sends(b, 100)]);
    await Promise.all([a.close(), b.close()]);
    expect(results.some((result) => result.status === 'rejected' && (result.reason as { code?: number }).code === 6000)).toBe(true);
  });
});
