import { SmsClient, SmsError } from '@smskit/core';
import { createSandbox, type RunningSandbox, type Sandbox } from '@smskit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACER_TAKE_SCRIPT, RedisPacerStore } from '../src/index.js';
import { canSpawnRedis, connect, ThrowawayRedis } from './redis.js';

// Our own redis-server on a free port: stopping the machine's shared Redis would break others.
let server: ThrowawayRedis;
let sandbox: Sandbox;
let running: RunningSandbox;
beforeAll(async () => {
  if (!canSpawnRedis) return;
  server = await ThrowawayRedis.start();
  sandbox = createSandbox({ rateLimits: false });
  running = await sandbox.listen();
});
afterAll(async () => {
  await running?.close();
  sandbox?.close();
  await server?.stop();
});

async function ready(redis: ReturnType<typeof connect>): Promise<void> {
  while (redis.status !== 'ready') await new Promise((resolve) => setTimeout(resolve, 20));
}

function client(redis: ReturnType<typeof connect>, failMode: 'closed' | 'open', errors: unknown[]) {
  return new SmsClient({
    apiKey: 'sandbox-api-key',
    accessKey: 'sandbox-access-key',
    baseUrl: running.url,
    retry: false,
    pacing: { shared: { store: new RedisPacerStore({ redis, keyPrefix: `faults-${failMode}` }), failMode, storeTimeoutMs: 300, onError: (error) => errors.push(error) } },
  });
}

const sendTo = (c: SmsClient, phone: string) => c.send({ phones: [phone], templateCode: '100001', params: ['123456'] });
const sentTo = async (phone: string) => (await sandbox.store.findMessages({ phone, limit: 10 })).length;

describe.skipIf(!canSpawnRedis)('the shared pacer when Redis goes away', () => {
  it('fails closed: the send fails with a retryable -1 before anything is sent, and works again when Redis returns', async () => {
    const redis = connect({}, server.url);
    const errors: unknown[] = [];
    const c = client(redis, 'closed', errors);
    await ready(redis);
    await sendTo(c, '13900000001');
    await server.stop();
    const failure = await sendTo(c, '13900000002').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SmsError);
    expect(failure).toMatchObject({ code: -1, retryable: true, details: { result: { status: 'failed' } } });
    expect(await sentTo('13900000002')).toBe(0);
    expect(errors.length).toBeGreaterThan(0);
    await server.start();
    await ready(redis);
    await sendTo(c, '13900000003');
    expect(await sentTo('13900000003')).toBe(1);
    await c.close();
    redis.disconnect();
  });

  it('fails open when configured: the in-process window paces while Redis is away', async () => {
    const redis = connect({ retryStrategy: () => 50, maxRetriesPerRequest: 0 }, server.url);
    const errors: unknown[] = [];
    const c = client(redis, 'open', errors);
    await ready(redis);
    await server.stop();
    await sendTo(c, '13900000004');
    expect(await sentTo('13900000004')).toBe(1);
    expect(errors.length).toBeGreaterThan(0);
    await server.start();
    await ready(redis);
    await c.close();
    redis.disconnect();
  });

  it('a take queued during the outage and run after it takes nothing (its deadline passed)', async () => {
    const redis = connect({}, server.url);
    const store = new RedisPacerStore({ redis, keyPrefix: 'faults-late' });
    await ready(redis);
    await server.stop();
    const late = store.take({ key: 'acct:requests', id: 'queued', max: 1, leaseMs: 60_000, notAfter: Date.now() + 100 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await server.start();
    await expect(late).rejects.toThrow(/applied nothing/);
    expect(await store.take({ key: 'acct:requests', id: 'next', max: 1, leaseMs: 60_000 })).toEqual({ ok: true });
    redis.disconnect();
  });

  it('a fresh server (empty script cache) is handled: NOSCRIPT falls back to EVAL', async () => {
    const redis = connect({}, server.url);
    await ready(redis);
    await redis.script('FLUSH');
    const store = new RedisPacerStore({ redis, keyPrefix: 'faults-noscript' });
    expect(await store.take({ key: 'a:b', id: 'x', max: 1, leaseMs: 1000 })).toEqual({ ok: true });
    expect(await redis.script('EXISTS', PACER_TAKE_SCRIPT.sha)).toEqual([1]);
    redis.disconnect();
  });
});
