/**
 * One sender of bench/pacing-redis.ts: sends single-number messages as fast as its client lets
 * it for DURATION_MS, through the account-wide Redis pacer, then prints how many it sent.
 */
import { SmsClient } from '@smskit/core';
import { RedisPacerStore } from '@smskit/redis';
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const client = new SmsClient({
  apiKey: 'sandbox-api-key',
  accessKey: 'sandbox-access-key',
  baseUrl: process.env.SANDBOX_URL as string,
  retry: false,
  pacing: { requestsPerSecond: Number(process.env.RATE), shared: { store: new RedisPacerStore({ redis, keyPrefix: process.env.PREFIX as string }) } },
});
// Loaded: say so, and wait for the start time on stdin (process start-up varies on a loaded machine).
process.stdout.write('ready\n');
const start = await new Promise<number>((resolve) => process.stdin.once('data', (data: Buffer) => resolve(Number(data.toString().trim()))));
process.stdin.destroy();
const end = start + Number(process.env.DURATION_MS);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, start - Date.now())));
let sent = 0;
let failed = 0;
const base = Number(process.env.SENDER) * 10_000_000;
// As fast as it can: far more requests in flight than the rate lets through.
await Promise.all(
  Array.from({ length: 64 }, async (_, lane) => {
    for (let i = 0; Date.now() < end; i++) {
      const phone = `13${String(base + lane * 100_000 + i).padStart(9, '0')}`;
      try {
        await client.send({ phones: [phone], templateCode: '100001', params: ['123456'] });
        sent++;
      } catch {
        failed++;
      }
    }
  }),
);
process.stdout.write(`${JSON.stringify({ sent, failed })}\n`);
await client.close();
redis.disconnect();
