import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { SmsClient } from '@smskit/core';
import { createSandbox, type RunningSandbox, type Sandbox } from '@smskit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulkSendQueue } from '../src/index.js';
import { connect, numbers, REDIS_URL, redisAvailable, removeKeys, uniquePrefix, until } from './support.js';

const WORKER = fileURLToPath(new URL('./worker-process.ts', import.meta.url));
const NUMBERS = 20_000;

const redis = connect();
const prefix = uniquePrefix();
let sandbox: Sandbox;
let running: RunningSandbox;
const children = new Set<ChildProcess>();
beforeAll(async () => {
  // Enough balance for every number (the default 10,000 would end it partial), receipts at once.
  sandbox = createSandbox({ balance: 100_000, deliveryDelayMs: 0, rateLimits: { receipts: false } });
  running = await sandbox.listen();
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await running.close();
  sandbox.close();
  await removeKeys(redis, prefix);
  redis.disconnect();
});

/** A worker process; resolves once it takes chunks. */
async function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    // 40 requests/s account-wide, chunks of 100: the run lasts a few seconds, long enough to kill a worker mid-way.
    env: { ...process.env, REDIS_URL, SANDBOX_URL: running.url, PREFIX: prefix, QUEUE: 'crash', RPS: '40', CONCURRENCY: '4', LOCK_MS: '2000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let out = '';
  child.stdout?.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (data: string) => {
      out += data;
      if (out.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
  });
  return child;
}

describe.skipIf(!redisAvailable)('crash: a worker killed with SIGKILL mid-run', () => {
  it('accounts for every one of 20,000 numbers and sends none twice; a chunk unknown at the kill is never re-sent', { timeout: 120_000 }, async () => {
    const queue = new BulkSendQueue({ redis, prefix, queueName: 'crash' });
    const phones = numbers(NUMBERS, 50_000_000);
    const [a, b] = await Promise.all([startWorker(), startWorker()]);
    await queue.enqueue({ sendId: 'crash', phones, templateCode: '100001', params: ['123456'], chunkSize: 100 });

    // Kill one worker about a third of the way through, while it holds chunks.
    await until(async () => ((await queue.status('crash'))?.chunksDone ?? 0) >= 60, 60_000, 'a third of the chunks');
    a.kill('SIGKILL');
    await once(a, 'exit');
    const restarted = await startWorker();

    await until(async () => (await queue.status('crash'))?.state === 'done', 90_000, 'every chunk to end');
    const status = await queue.status('crash');
    expect(status).toMatchObject({ chunks: 200, chunksDone: 200, numbers: NUMBERS, counts: { failed: 0, cancelled: 0, pending: 0 } });
    expect((status?.counts.sent ?? 0) + (status?.counts.unknown ?? 0)).toBe(NUMBERS);

    // The chunks the killed worker held end unknown: taken again as stalled, never re-sent.
    const results = await queue.results('crash');
    const unknown = results.filter((r) => r.status === 'unknown');
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.every((r) => /stopped before its answer was recorded/.test(r.reason ?? ''))).toBe(true);

    // The sandbox: at most one message per number, and exactly one per number recorded sent.
    const messages = (await sandbox.store.findMessages({ limit: 1e6 })).filter((m) => m.bid?.startsWith('crash-'));
    const perNumber = new Map<string, number>();
    for (const message of messages) perNumber.set(message.phone, (perNumber.get(message.phone) ?? 0) + 1);
    expect([...perNumber.values()].filter((n) => n > 1)).toEqual([]);
    for (const record of results.filter((r) => r.status === 'sent')) for (const phone of record.phones) expect(perNumber.get(phone)).toBe(1);

    // Receipts settle the unknown chunks that did reach the platform; the rest stay unknown, unsent.
    const client = new SmsClient({ apiKey: 'sandbox-api-key', accessKey: 'sandbox-access-key', baseUrl: running.url, pacing: { receipts: { max: 50, windowMs: 1000 } } });
    const settled = await queue.settleUnknown('crash', client);
    await client.close();
    const after = await queue.results('crash');
    expect(after.filter((r) => r.settledBy === 'receipt')).toHaveLength(settled);
    for (const record of after) {
      const sentCount = record.phones.filter((phone) => perNumber.get(phone) === 1).length;
      if (record.status === 'sent') expect(sentCount).toBe(record.phones.length);
      else expect(sentCount).toBe(0); // still unknown: the platform never saw it
    }
    const final = await queue.status('crash');
    expect(final?.counts.sent).toBe(perNumber.size);
    expect((final?.counts.sent ?? 0) + (final?.counts.unknown ?? 0)).toBe(NUMBERS);
    console.log(`crash test: ${unknown.length} chunk(s) unknown at the kill, ${settled} settled by receipts, ${final?.counts.sent} numbers sent once, ${final?.counts.unknown} never sent and still unknown, none twice`);

    b.kill('SIGTERM');
    restarted.kill('SIGTERM');
    await Promise.all([once(b, 'exit'), once(restarted, 'exit')]);
    await queue.close();
  });
});
