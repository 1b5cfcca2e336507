/**
 * Ack time of a 1,000-item receipt push through `PushInbox.accept` (parse, de-duplicate, queue,
 * answer) with the Redis de-duplication store against the in-memory one, in the same run.
 * Goal: Redis at most 1.5 × memory. The Redis store claims the whole push in one script call
 * (`claimMany`), so the gap is one loopback round trip and the script's SETs, not one round trip
 * per item. Rounds alternate between the two sides; the ratio is the median of the per-round
 * ratios. Every round pushes fresh msgIds, so every item is claimed (none dropped as a repeat).
 *
 * On a loaded machine wall time mostly measures waiting to be scheduled (the Redis side needs
 * redis-server and then this process to get a core), so the CPU spent per push is printed too:
 * this process's, plus — on the Redis side — the server's, read from `INFO cpu` of a private
 * redis-server started for the run (so other users of the shared Redis do not count).
 *
 * Run: `pnpm bench push-dedupe` (REDIS_URL uses that server instead of a private one).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { MemoryNonceStore, PushInbox, type NonceStore } from '@smskit/core';
import { RedisNonceStore } from '@smskit/redis';
import { Redis } from 'ioredis';
import { median } from './measure.js';

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

/** Ms from the push's arrival to its answer, and this process's CPU ms meanwhile. */
async function ack(inbox: PushInbox): Promise<{ wall: number; cpu: number }> {
  const body = pushBody();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const answer = await inbox.accept({ kind: 'receipts', body, sourceIp: '127.0.0.1', requestId: 'bench' });
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (answer.body.code !== 200) throw new Error(`push answered ${answer.body.code}`);
  await inbox.idle();
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/** The server's CPU ms so far (user + system), from INFO cpu. */
async function serverCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? Number.NaN);
  return (field('used_cpu_user') + field('used_cpu_sys')) * 1000;
}

/** A private redis-server on a free port, or undefined when the binary is missing. */
async function privateRedis(): Promise<{ url: string; child: ChildProcess } | undefined> {
  if (spawnSync('redis-server', ['--version']).status !== 0) return undefined;
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i += 1) {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => undefined);
    const up = await redis.connect().then(() => true, () => false);
    redis.disconnect();
    if (up) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  child.kill('SIGKILL');
  throw new Error('the private redis-server did not start');
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
  const own = process.env.REDIS_URL ? undefined : await privateRedis();
  const url = own?.url ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redis = new Redis(url);
  const inboxes = { memory: inboxOn(new MemoryNonceStore({ whenFull: 'evict-oldest' })), redis: inboxOn(new RedisNonceStore({ redis, keyPrefix: prefix })) };
  for (let i = 0; i < 10; i += 1) {
    await ack(inboxes.memory); // warm-up: JIT, script cache, connection
    await ack(inboxes.redis);
  }
  const rows: { memory: number; redis: number; memoryCpu: number; redisCpu: number }[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const memory = await ack(inboxes.memory);
    const serverBefore = await serverCpuMs(redis);
    const onRedis = await ack(inboxes.redis);
    const server = own ? (await serverCpuMs(redis)) - serverBefore : 0;
    rows.push({ memory: memory.wall, redis: onRedis.wall, memoryCpu: memory.cpu, redisCpu: onRedis.cpu + server });
  }
  await removeKeys(redis);
  redis.disconnect();
  own?.child.kill('SIGKILL');

  const med = (pick: (row: (typeof rows)[number]) => number) => median(rows.map(pick));
  const ratio = med((row) => row.redis / row.memory);
  const cpuRatio = med((row) => row.redisCpu / row.memoryCpu);
  console.log(`push-dedupe — node ${process.version}; ${own ? 'a private redis-server' : url}; ${ITEMS}-item receipt push; medians of ${ROUNDS} alternating rounds`);
  console.log(`ack, MemoryNonceStore   ${med((row) => row.memory).toFixed(2)} ms wall   ${med((row) => row.memoryCpu).toFixed(2)} ms CPU`);
  console.log(`ack, RedisNonceStore    ${med((row) => row.redis).toFixed(2)} ms wall   ${med((row) => row.redisCpu).toFixed(2)} ms CPU${own ? ' (this process + redis-server)' : ' (this process only)'}`);
  console.log(`redis / memory, wall = ${ratio.toFixed(2)} (goal ≤ ${GOAL}: ${ratio <= GOAL ? 'met' : 'MISSED'});  CPU = ${cpuRatio.toFixed(2)}`);
}

await main();
