/**
 * Ack time of a 1,000-item receipt push through `PushInbox.accept` (parse, de-duplicate, queue,
 * answer) with the Redis de-duplication store against the in-memory one, in the same run.
 * Goal: Redis at most 1.5 × memory. The Redis store claims the whole push in one script call
 * (`claimMany`), so the gap is one loopback round trip and the script's SETs, not one round trip
 * per item. Rounds alternate between the two sides; the ratio is the median of the per-round
 * ratios. Every round pushes fresh msgIds, so every item is claimed (none dropped as a repeat).
 * Keys live under a unique prefix and are deleted afterwards.
 *
 * Run: `pnpm bench push-dedupe` (REDIS_URL overrides redis://127.0.0.1:6379).
 */
import { performance } from 'node:perf_hooks';
import { MemoryNonceStore, PushInbox, type NonceStore } from '@smskit/core';
import { RedisNonceStore } from '@smskit/redis';
import { Redis } from 'ioredis';
import { median } from './measure.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ITEMS = 1000;
const ROUNDS = 41;
const GOAL = 1.5;
const prefix = `smskit-bench-push-${process.pid}`;

let serial = 0;
function pushBody(): { apiKey: string; data: unknown[] } {
  const data = Array.from({ length: ITEMS }, () => {
    serial += 1;
    return { msgId: `b${serial}`, tel: `139${String(serial % 1e8).padStart(8, '0')}`, arriveResult: 'DELIVRD', arriveTime: '2611221530' };
  });
  return { apiKey: 'bench', data };
}

function inboxOn(store: NonceStore): PushInbox {
  return new PushInbox({ apiKeys: 'bench', dedupeStore: store, onReceipts: () => undefined, maxQueued: 1_000_000 });
}

/** Ms from the push's arrival to its answer. */
async function ackMs(inbox: PushInbox): Promise<number> {
  const body = pushBody();
  const started = performance.now();
  const answer = await inbox.accept({ kind: 'receipts', body, sourceIp: '127.0.0.1', requestId: 'bench' });
  const took = performance.now() - started;
  if (answer.body.code !== 200) throw new Error(`push answered ${answer.body.code}`);
  await inbox.idle();
  return took;
}

async function removeKeys(redis: Redis): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 5000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
}

async function main(): Promise<void> {
  const redis = new Redis(REDIS_URL);
  const inboxes = { memory: inboxOn(new MemoryNonceStore({ whenFull: 'evict-oldest' })), redis: inboxOn(new RedisNonceStore({ redis, keyPrefix: prefix })) };
  for (let i = 0; i < 10; i += 1) {
    await ackMs(inboxes.memory); // warm-up: JIT, script cache, connection
    await ackMs(inboxes.redis);
  }
  const rows: { memory: number; redis: number }[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const memory = await ackMs(inboxes.memory);
    const onRedis = await ackMs(inboxes.redis);
    rows.push({ memory, redis: onRedis });
  }
  await removeKeys(redis);
  redis.disconnect();

  const memoryMs = median(rows.map((row) => row.memory));
  const redisMs = median(rows.map((row) => row.redis));
  const ratio = median(rows.map((row) => row.redis / row.memory));
  console.log(`push-dedupe — node ${process.version}; ${REDIS_URL}; ${ITEMS}-item receipt push; medians of ${ROUNDS} alternating rounds`);
  console.log(`ack, MemoryNonceStore   ${memoryMs.toFixed(2)} ms`);
  console.log(`ack, RedisNonceStore    ${redisMs.toFixed(2)} ms`);
  console.log(`redis / memory = ${ratio.toFixed(2)} (goal ≤ ${GOAL}: ${ratio <= GOAL ? 'met' : 'MISSED'})`);
}

await main();
