/**
 * One worker process of the crash test (and the queue benchmark): a BulkSendWorker whose client
 * paces account-wide through Redis. Prints `ready` once taking chunks; SIGTERM closes it
 * gracefully (the chunks it holds end and are recorded).
 */
import { SmsClient } from '@smskit/core';
import { RedisPacerStore } from '@smskit/redis';
import { Redis } from 'ioredis';
import { BulkSendWorker } from '../src/index.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const redis = new Redis(env('REDIS_URL'), { maxRetriesPerRequest: null });
redis.on('error', () => undefined);
const client = new SmsClient({
  apiKey: 'sandbox-api-key',
  accessKey: 'sandbox-access-key',
  baseUrl: env('SANDBOX_URL'),
  pacing: { requestsPerSecond: Number(env('RPS')), shared: { store: new RedisPacerStore({ redis, keyPrefix: env('PREFIX') }) } },
});
const lockDurationMs = Number(process.env.LOCK_MS ?? 30_000);
const worker = new BulkSendWorker({ redis, client, prefix: env('PREFIX'), queueName: env('QUEUE'), concurrency: Number(process.env.CONCURRENCY ?? 8), lockDurationMs });
await worker.ready();
process.stdout.write('ready\n');

process.once('SIGTERM', () => {
  void (async () => {
    await worker.close();
    await client.close();
    redis.disconnect();
    process.exit(0);
  })();
});
