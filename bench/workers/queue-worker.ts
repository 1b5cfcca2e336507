/**
 * One worker process of bench/queue-million.ts: a BulkSendWorker paced account-wide through
 * Redis. Prints `ready`; on SIGTERM it closes gracefully and prints its peak RSS.
 */
import { SmsClient } from '@smskit/core';
import { BulkSendWorker } from '@smskit/queue';
import { RedisPacerStore } from '@smskit/redis';
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
const prefix = process.env.PREFIX as string;
const client = new SmsClient({
  apiKey: 'sandbox-api-key',
  accessKey: 'sandbox-access-key',
  baseUrl: process.env.SANDBOX_URL as string,
  timeoutMs: 30_000,
  pacing: { requestsPerSecond: 300, shared: { store: new RedisPacerStore({ redis, keyPrefix: prefix }) } },
});
const worker = new BulkSendWorker({ redis, client, prefix, queueName: 'bench', concurrency: 8, lockDurationMs: 60_000 });
await worker.ready();
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void (async () => {
    await worker.close();
    await client.close();
    redis.disconnect();
    // maxRSS is in KiB: the process's peak, not its size now.
    process.stdout.write(`${JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
    process.exit(0);
  })();
});
