import { SmsClient, type SmsClientOptions } from '@smskit/core';
import { RedisPacerStore } from '@smskit/redis';
import { createSandbox, type RunningSandbox, type Sandbox } from '@smskit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulkSendQueue, BulkSendWorker, type ChunkEndEvent } from '../src/index.js';
import { connect, numbers, redisAvailable, removeKeys, uniquePrefix, until } from './support.js';

const redis = connect();
const prefix = uniquePrefix();
let sandbox: Sandbox;
let running: RunningSandbox;
beforeAll(async () => {
  sandbox = createSandbox({ balance: 1_000_000, deliveryDelayMs: 0, rateLimits: { receipts: false } });
  running = await sandbox.listen();
});
afterAll(async () => {
  await running.close();
  sandbox.close();
  await removeKeys(redis, prefix);
  redis.disconnect();
});

let runs = 0;
/** A queue, a worker and its client, each test on its own queue. */
function setup(clientOptions: Partial<SmsClientOptions> = {}) {
  const queueName = `q${++runs}`;
  const client = new SmsClient({
    apiKey: 'sandbox-api-key',
    accessKey: 'sandbox-access-key',
    baseUrl: running.url,
    pacing: { receipts: { max: 50, windowMs: 1000 }, shared: { store: new RedisPacerStore({ redis, keyPrefix: prefix }) } },
    ...clientOptions,
  });
  const queue = new BulkSendQueue({ redis, prefix, queueName });
  const worker = () => new BulkSendWorker({ redis, prefix, queueName, client, concurrency: 4 });
  return { client, queue, worker };
}

async function sandboxCount(phone: string): Promise<number> {
  return (await sandbox.store.findMessages({ phone, limit: 10 })).length;
}

describe.skipIf(!redisAvailable)('BulkSendQueue and BulkSendWorker', () => {
  it('sends every number once, even when the same send is enqueued twice, and reports each chunk as it ends', async () => {
    const { client, queue, worker } = setup();
    const phones = numbers(2500, 1_000_000);
    const first = await queue.enqueue({ sendId: 'twice', phones: [...phones, phones[0] as string, 'not-a-number'], templateCode: '100001', params: ['123456'] });
    expect(first).toMatchObject({ chunks: 3, numbers: 2500, duplicates: 1, invalid: [{ input: 'not-a-number', index: 2501 }] });
    await queue.enqueue({ sendId: 'twice', phones, templateCode: '100001', params: ['123456'] });
    const events: ChunkEndEvent[] = [];
    const stop = await queue.watch('twice', (event) => events.push(event));
    const w = worker();
    await until(async () => (await queue.status('twice'))?.state === 'done', 30_000, 'the send to end');
    // and once more after it ended: the records stop it
    await queue.enqueue({ sendId: 'twice', phones, templateCode: '100001', params: ['123456'] });
    await until(async () => (await queue.queue.getJobCounts('wait', 'active')).wait + (await queue.queue.getJobCounts('active')).active === 0, 30_000, 'the queue to drain');
    await w.close();
    expect(await queue.status('twice')).toMatchObject({ state: 'done', chunks: 3, chunksDone: 3, numbers: 2500, counts: { sent: 2500, failed: 0, unknown: 0, cancelled: 0, pending: 0 } });
    const results = await queue.results('twice');
    expect(results.map((r) => [r.bid, r.status, r.phones.length, typeof r.msgId, r.channel])).toEqual([
      ['twice-0', 'sent', 1000, 'string', 'infocloud'],
      ['twice-1', 'sent', 1000, 'string', 'infocloud'],
      ['twice-2', 'sent', 500, 'string', 'infocloud'],
    ]);
    for (const phone of [phones[0], phones[999], phones[1000], phones[2499]] as string[]) expect(await sandboxCount(phone)).toBe(1);
    expect((await sandbox.store.findMessages({ limit: 1e6 })).filter((m) => m.bid?.startsWith('twice-'))).toHaveLength(2500);
    await until(async () => events.length >= 3, 5000, 'three chunk events');
    expect(events.map((e) => e.bid).sort()).toEqual(['twice-0', 'twice-1', 'twice-2']);
    await stop();
    await queue.close();
    await client.close();
  });

  it('a chunk the platform surely did not take (-1) is tried again by BullMQ and sent once', async () => {
    const { client, queue, worker } = setup({ retry: false });
    sandbox.setFaults({ fail: 1, failCode: -1, path: '/message/send' });
    const phones = numbers(10, 2_000_000);
    await queue.enqueue({ sendId: 'retried', phones, templateCode: '100001', params: ['123456'] });
    const w = worker();
    await until(async () => (await queue.status('retried'))?.state === 'done', 30_000, 'the send to end');
    await w.close();
    expect(await queue.status('retried')).toMatchObject({ counts: { sent: 10, pending: 0 } });
    expect(await sandboxCount(phones[0] as string)).toBe(1);
    await queue.close();
    await client.close();
  });

  it('a chunk whose answer is lost stays unknown, is not tried again, and receipts settle it', async () => {
    const { client, queue, worker } = setup({ timeoutMs: 300, connectTimeoutMs: 200 });
    sandbox.setFaults({ delay: 1, delayMs: 1000, path: '/message/send' });
    const phones = numbers(5, 3_000_000);
    await queue.enqueue({ sendId: 'lost', phones, templateCode: '100001', params: ['123456'] });
    const w = worker();
    await until(async () => (await queue.status('lost'))?.state === 'done', 30_000, 'the send to end');
    expect(await queue.status('lost')).toMatchObject({ counts: { sent: 0, unknown: 5 } });
    expect((await queue.results('lost'))[0]).toMatchObject({ status: 'unknown', code: -1 });
    // the platform did take it, once; nothing was sent again
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await sandboxCount(phones[0] as string)).toBe(1);
    expect(await queue.settleUnknown('lost', client)).toBe(1);
    expect(await queue.status('lost')).toMatchObject({ counts: { sent: 5, unknown: 0 } });
    expect((await queue.results('lost'))[0]).toMatchObject({ status: 'sent', settledBy: 'receipt', msgId: expect.any(String) });
    expect((await queue.receipts('lost')).get(phones[0] as string)).toMatchObject({ status: 'DELIVRD', delivered: true });
    await w.close();
    await queue.close();
    await client.close();
  });

  it('a cancelled send sends nothing more; its chunks are recorded cancelled', async () => {
    const { client, queue, worker } = setup();
    const phones = numbers(500, 4_000_000);
    await queue.enqueue({ sendId: 'cancelled', phones, templateCode: '100001', params: ['123456'], chunkSize: 100 });
    expect(await queue.cancel('cancelled')).toBe(5);
    const w = worker();
    await queue.enqueue({ sendId: 'cancelled', phones, templateCode: '100001', params: ['123456'], chunkSize: 100 });
    await until(async () => (await queue.queue.getJobCounts('wait')).wait === 0, 10_000, 'the re-added jobs to be taken');
    await w.close();
    expect(await queue.status('cancelled')).toMatchObject({ state: 'cancelled', chunksDone: 5, counts: { sent: 0, cancelled: 500, pending: 0 } });
    expect(await sandboxCount(phones[0] as string)).toBe(0);
    await queue.close();
    await client.close();
  });

  it('refuses a bad sendId and a sendId reused for other numbers, with 40004', async () => {
    const { client, queue } = setup();
    await expect(queue.enqueue({ sendId: 'a:b', phones: numbers(1), templateCode: '100001' })).rejects.toMatchObject({ code: 40004 });
    await queue.enqueue({ sendId: 'reused', phones: numbers(2, 5_000_000), templateCode: '100001', params: ['1'] });
    await expect(queue.enqueue({ sendId: 'reused', phones: numbers(3, 5_000_000), templateCode: '100001', params: ['1'] })).rejects.toMatchObject({ code: 40004 });
    await queue.queue.obliterate({ force: true });
    await queue.close();
    await client.close();
  });
});
