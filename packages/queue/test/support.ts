import { randomUUID } from 'node:crypto';
import { redisAnswers } from '@smskit/test-support';
import { Redis } from 'ioredis';

/** The Redis the tests use: REDIS_URL, or the usual local one. */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether a Redis answers; in CI a missing one is a failure, not a skip. */
export const redisAvailable = await redisAnswers(REDIS_URL);
if (!redisAvailable) {
  if (process.env.CI) throw new Error(`@smskit/queue tests need Redis, and none answers at ${REDIS_URL} (CI is set, so this fails instead of skipping).`);
  console.warn(`\n  @smskit/queue: no Redis answers at ${REDIS_URL}; skipping. Start redis-server or set REDIS_URL.\n`);
}

/** A client as BullMQ wants it (blocking commands must not give up). */
export function connect(url = REDIS_URL): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  redis.on('error', () => undefined);
  return redis;
}

/** A fresh prefix per call, so concurrent runs never see each other's keys. */
export function uniquePrefix(): string {
  return `smskit-queue-test-${process.pid}-${randomUUID().slice(0, 8)}`;
}

/** Deletes every key holding `prefix`. */
export async function removeKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `*${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
}

/** Polls `check` until it holds (or `timeoutMs` passes, then throws). */
export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `count` distinct mainland numbers starting at `from`. */
export function numbers(count: number, from = 0): string[] {
  return Array.from({ length: count }, (_, i) => `139${String(from + i).padStart(8, '0')}`);
}
