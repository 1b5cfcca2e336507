/**
 * 1,000,000 numbers through the durable queue (@smskit/queue on BullMQ) with two worker
 * processes to the sandbox, paced account-wide at the platform's 300 requests/s through Redis.
 * Goals: wall time from enqueue to the last chunk recorded < 60 s; peak RSS of each worker
 * process < 300 MB; Redis memory the send's records take at the end; 0 numbers sent twice
 * (counted at the sandbox). The sandbox and the producer share this process; its RSS is
 * printed apart (the sandbox keeps every message in memory).
 *
 * Run: `pnpm tsx bench/queue-million.ts` (NUMBERS, REDIS_URL override).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { BulkSendQueue } from '@smskit/queue';
import { createSandbox, MemorySandboxStore } from '@smskit/sandbox';
import { Redis } from 'ioredis';

const NUMBERS = Number(process.env.NUMBERS ?? 1_000_000);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function startWorker(env: Record<string, string>): { child: ChildProcess; ready: Promise<void>; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./workers/queue-worker.ts', import.meta.url))], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const ready = new Promise<void>((resolve) =>
    child.stdout?.on('data', (data: Buffer) => {
      out += data.toString();
      if (out.includes('ready')) resolve();
    }),
  );
  return { child, ready, output: () => out };
}

async function usedMemory(redis: Redis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1]);
}

async function main(): Promise<void> {
  const sandbox = createSandbox({ balance: NUMBERS * 2, rateLimits: false, deliveryDelayMs: 0, store: new MemorySandboxStore({ maxMessages: NUMBERS + 10, initialBalance: { 行业短信: NUMBERS * 2, 会员短信: NUMBERS * 2, 推广短信: NUMBERS * 2 } }) });
  const running = await sandbox.listen();
  const prefix = `bench-queue-${randomUUID().slice(0, 8)}`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const memoryBefore = await usedMemory(redis);
  const workers = [0, 1].map(() => startWorker({ REDIS_URL, SANDBOX_URL: running.url, PREFIX: prefix }));
  await Promise.all(workers.map((w) => w.ready));

  const queue = new BulkSendQueue({ redis, prefix, queueName: 'bench' });
  const phones = Array.from({ length: NUMBERS }, (_, i) => `13${String(i).padStart(9, '0')}`);
  const started = performance.now();
  const enqueued = await queue.enqueue({ sendId: 'million', phones, templateCode: '100001', params: ['123456'] });
  const enqueueMs = performance.now() - started;
  let status = await queue.status('million');
  while (status?.state !== 'done') {
    await new Promise((resolve) => setTimeout(resolve, 200));
    status = await queue.status('million');
  }
  const wallMs = performance.now() - started;
  const memoryAfter = await usedMemory(redis);

  for (const w of workers) w.child.kill('SIGTERM');
  await Promise.all(workers.map((w) => new Promise((resolve) => w.child.once('exit', resolve))));
  const peaks = workers.map((w) => (JSON.parse(w.output().trim().split('\n').pop() as string) as { peakRssMb: number }).peakRssMb);

  const seen = new Map<string, number>();
  for (const message of await sandbox.store.findMessages({ limit: NUMBERS * 2 })) seen.set(message.phone, (seen.get(message.phone) ?? 0) + 1);
  const twice = [...seen.values()].filter((n) => n > 1).length;
  const ownPeak = process.resourceUsage().maxRSS / 1024;
  await running.close();
  sandbox.close();
  await queue.queue.obliterate({ force: true });
  await queue.close();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `*${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
  redis.disconnect();

  console.log(`${NUMBERS.toLocaleString('en')} numbers, ${enqueued.chunks} chunks, 2 worker processes, one Redis pacer at 300 requests/s`);
  console.log(`wall time: ${(wallMs / 1000).toFixed(1)} s (goal < 60 s; enqueue ${(enqueueMs / 1000).toFixed(1)} s of it; ${(enqueued.chunks / (wallMs / 1000)).toFixed(0)} requests/s = ${((enqueued.chunks / (wallMs / 1000) / 300) * 100).toFixed(0)} % of the 300/s pace)`);
  console.log(`peak RSS per worker: ${peaks.map((p) => `${p.toFixed(0)} MB`).join(', ')} (goal < 300 MB); producer + sandbox process: ${ownPeak.toFixed(0)} MB`);
  console.log(`Redis memory the send took at the end: ${((memoryAfter - memoryBefore) / 1024 / 1024).toFixed(1)} MB (records of ${enqueued.chunks} chunks with their numbers; completed jobs removed)`);
  console.log(`outcome: ${status.counts.sent} sent, ${status.counts.failed} failed, ${status.counts.unknown} unknown; at the sandbox ${seen.size} numbers, ${twice} twice (goal 0)`);
  const ok = wallMs < 60_000 && peaks.every((p) => p < 300) && twice === 0 && status.counts.sent === NUMBERS;
  console.log(ok ? 'goals met' : 'GOAL MISSED');
  process.exitCode = ok ? 0 : 1;
}

await main();
