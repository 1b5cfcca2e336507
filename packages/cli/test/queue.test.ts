import { randomUUID } from 'node:crypto';
import { createSandbox, type RunningSandbox, type Sandbox } from '@smskit/sandbox';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../src/index.js';

// A real Redis (REDIS_URL or the local one) and a real sandbox over HTTP: the queue is BullMQ's.
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const API_KEY = 'queue-key';
const ACCESS_KEY = 'queue-secret';
const prefix = `smskit-cli-queue-test-${process.pid}-${randomUUID().slice(0, 8)}`;
const numbers = (n: number) => Array.from({ length: n }, (_, i) => `137${String(i).padStart(8, '0')}`);

let sandbox: Sandbox;
let running: RunningSandbox;
let redis: Redis;

beforeAll(async () => {
  sandbox = createSandbox({ apiKey: API_KEY, accessKey: ACCESS_KEY, balance: 1_000_000, deliveryDelayMs: 0 });
  running = await sandbox.listen({ port: 0, host: '127.0.0.1' });
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
});
afterAll(async () => {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
  redis.disconnect();
  await running.close();
  sandbox.close();
});

function io(stdin?: string, signal?: AbortSignal): CliIo & { out: (t: string) => void; text: { out: string; err: string } } {
  const text = { out: '', err: '' };
  return {
    text,
    out: (t) => void (text.out += t),
    err: (t) => void (text.err += t),
    readStdin: async () => stdin,
    env: { SMSKIT_API_KEY: API_KEY, SMSKIT_ACCESS_KEY: ACCESS_KEY, SMSKIT_BASE_URL: running.url },
    ...(signal === undefined ? {} : { signal }),
  };
}

describe('smskit send --queue and smskit worker, on BullMQ with a real Redis and the sandbox', () => {
  it('enqueues 2,500 numbers from stdin, a worker sends them, --wait follows to the end; enqueueing again sends nothing twice', async () => {
    const stop = new AbortController();
    const workerIo = io(undefined, stop.signal);
    const worker = runCli(['worker', '--queue', REDIS_URL, '--prefix', prefix, '--concurrency', '4'], workerIo);
    const sendArgs = ['send', '--template', '100003', '--to-file', '-', '--queue', REDIS_URL, '--prefix', prefix, '--send-id', 'campaign-1', '--wait'];
    const first = io(numbers(2500).join('\n'));
    expect(await runCli(sendArgs, first)).toBe(0);
    expect(first.text.out).toContain('enqueued send campaign-1: 2500 numbers in 3 chunks');
    expect(first.text.out).toMatch(/send campaign-1: done, 3\/3 chunks; sent 2500, failed 0, unknown 0, cancelled 0, pending 0/);
    expect(await sandbox.messages({ apiKey: API_KEY, limit: 10_000 })).toHaveLength(2500);

    const again = io(numbers(2500).join('\n'));
    expect(await runCli([...sendArgs, '--json'], again)).toBe(0);
    expect(JSON.parse(again.text.out)).toMatchObject({ sendId: 'campaign-1', chunks: 3, numbers: 2500, status: { state: 'done', counts: { sent: 2500 } } });
    expect(await sandbox.messages({ apiKey: API_KEY, limit: 10_000 })).toHaveLength(2500);

    stop.abort();
    expect(await worker).toBe(0);
    expect(workerIo.text.out).toMatch(/smskit worker taking chunks from smskit-bulk/);
    // Each chunk sent once; jobs of the second enqueue the worker took were found done and only said so.
    expect(workerIo.text.out.match(/"status":"sent"}/g)).toHaveLength(3);
    expect(await sandbox.messages({ apiKey: API_KEY, limit: 10_000 })).toHaveLength(2500);
  });

  it('a CSV of values is refused with --queue, and a Redis that does not answer is one line, exit 2', async () => {
    const csv = io('13800138000,111111\n');
    expect(await runCli(['send', '--template', '100001', '--to-file', '-', '--queue', REDIS_URL, '--prefix', prefix], csv)).toBe(2);
    expect(csv.text.err).toContain('--queue takes numbers only');
    const away = io('13800138000\n');
    expect(await runCli(['send', '--template', '100003', '--to-file', '-', '--queue', 'redis://127.0.0.1:1', '--prefix', prefix], away)).toBe(2);
    expect(away.text.err).toMatch(/^smskit: cannot reach Redis at 127\.0\.0\.1:1: .+\n$/);
    const bad = io();
    expect(await runCli(['worker', '--queue', 'http://x'], bad)).toBe(2);
    expect(bad.text.err).toContain('--queue takes a redis:// or rediss:// URL');
  });
});
