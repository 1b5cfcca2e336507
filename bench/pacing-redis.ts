/**
 * Account-wide pacing through Redis: three processes send as fast as they can through one
 * `RedisPacerStore` at 300 requests/s to the sandbox. Goals: the sandbox's count in every
 * second at most 300 (and in any sliding 1000 ms window, the stronger form), and at least 95 %
 * of 300/s used over the run. The sandbox's own rate limit is off, so the pacer alone keeps the
 * rate; its arrival times are the messages' `submittedAt`.
 *
 * Run: `pnpm tsx bench/pacing-redis.ts` (SECONDS, RATE, SENDERS, REDIS_URL override).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createSandbox } from '@smskit/sandbox';
import { Redis } from 'ioredis';

const SECONDS = Number(process.env.SECONDS ?? 10);
const RATE = Number(process.env.RATE ?? 300);
const SENDERS = Number(process.env.SENDERS ?? 3);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function mostInAnyWindow(sorted: number[], windowMs: number): number {
  let most = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

async function main(): Promise<void> {
  const sandbox = createSandbox({ balance: 10_000_000, rateLimits: false, deliveryDelayMs: 0 });
  const running = await sandbox.listen();
  const prefix = `bench-pacing-${randomUUID().slice(0, 8)}`;
  const children = Array.from({ length: SENDERS }, (_, sender) =>
    spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./workers/pacing-sender.ts', import.meta.url))], {
      env: { ...process.env, REDIS_URL, SANDBOX_URL: running.url, PREFIX: prefix, RATE: String(RATE), DURATION_MS: String(SECONDS * 1000), SENDER: String(sender + 1) },
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );
  const outputs = children.map(() => '');
  const ready = children.map(
    (child, i) =>
      new Promise<void>((resolve) =>
        child.stdout.on('data', (data: Buffer) => {
          outputs[i] += data.toString();
          if (outputs[i]?.includes('ready')) resolve();
        }),
      ),
  );
  const reports = children.map(
    (child, i) =>
      new Promise<{ sent: number; failed: number }>((resolve, reject) =>
        child.once('exit', (code) => (code === 0 ? resolve(JSON.parse((outputs[i] as string).trim().split('\n').pop() as string)) : reject(new Error(`sender exited ${code}`)))),
      ),
  );
  // Start together, once every process has loaded.
  await Promise.all(ready);
  const startAt = Date.now() + 500;
  for (const child of children) child.stdin.end(`${startAt}\n`);
  const sums = await Promise.all(reports);
  const times = (await sandbox.store.findMessages({ limit: 10_000_000 })).map((m) => m.submittedAt).sort((a, b) => a - b);
  await running.close();
  sandbox.close();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`{${prefix}}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();

  const first = times[0] as number;
  const last = times[times.length - 1] as number;
  const perSecond = new Map<number, number>();
  for (const t of times) perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1);
  // whole seconds only: the first and last are cut by the run's start and end
  const whole = [...perSecond.entries()].filter(([second]) => second > Math.floor(first / 1000) && second < Math.floor(last / 1000)).map(([, n]) => n);
  const maxSecond = Math.max(...perSecond.values());
  const maxWindow = mostInAnyWindow(times, 1000);
  const used = times.length / ((last - first) / 1000) / RATE;
  console.log(`${SENDERS} processes, one Redis pacer at ${RATE}/s, ${SECONDS} s: ${times.length} sends reached the sandbox (${sums.map((r) => r.sent).join(' + ')} by process, ${sums.reduce((n, r) => n + r.failed, 0)} failed)`);
  console.log(`per calendar second: ${[...perSecond.values()].join(' ')}`);
  console.log(`most in one calendar second: ${maxSecond} (goal ≤ ${RATE}); most in any sliding 1000 ms: ${maxWindow}`);
  console.log(`rate used over the run: ${(used * RATE).toFixed(1)}/s = ${(used * 100).toFixed(1)} % of ${RATE} (goal ≥ 95 %); whole seconds: min ${Math.min(...whole)}, median ${whole.sort((a, b) => a - b)[Math.floor(whole.length / 2)]}`);
  const ok = maxSecond <= RATE && used >= 0.95;
  console.log(ok ? 'goals met' : 'GOAL MISSED');
  process.exitCode = ok ? 0 : 1;
}

await main();
