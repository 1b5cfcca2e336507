/**
 * OTP `request` throughput and p99 latency with the Redis stores at concurrency 64 on loopback,
 * beside `redis-benchmark`'s own figure for the same limit script (EVALSHA of the all-or-nothing
 * consume script with the four keys a default request touches), in the same run.
 * Goal: OTP requests/s ≥ 0.5 × redis-benchmark's script calls/s.
 *
 * Each OTP request is two script calls — the same consume script, which with the Redis code
 * store also keeps the code's hash (5 keys), and the send-log append — plus HMAC, a UUID and a
 * no-op sender. Every request uses a fresh number and IP so
 * that the default limits (all on) pass without being turned off. Rounds alternate between
 * the two sides so that noise from the shared machine falls on both; the ratio is the median of
 * the per-round ratios. Keys live under a unique prefix and are deleted afterwards.
 *
 * Run: `pnpm tsx bench/otp-redis.ts` (REDIS_URL overrides redis://127.0.0.1:6379).
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { OtpService } from '@smskit/otp';
import { CONSUME_SCRIPT, redisOtpStores } from '@smskit/redis';
import { Redis } from 'ioredis';
import { median } from './measure.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CONCURRENCY = 64;
const ROUNDS = 5;
const OTP_PER_ROUND = 10_000;
const BENCH_PER_ROUND = 50_000;
const GOAL = 0.5;
const prefix = `smskit-bench-${process.pid}`;

let serial = 0;
const nextSubject = () => {
  serial += 1;
  return { phone: `139${String(serial).padStart(8, '0')}`, scene: 'login', ip: `10.${(serial >> 16) & 255}.${(serial >> 8) & 255}.${serial & 255}` };
};

/** `count` requests through `service` with `CONCURRENCY` in flight; throughput and p99. */
async function otpRound(service: OtpService, count: number): Promise<{ rps: number; p99: number; p50: number }> {
  const latencies = new Float64Array(count);
  let issued = 0;
  let failures = 0;
  const worker = async (): Promise<void> => {
    while (issued < count) {
      const index = issued;
      issued += 1;
      const started = performance.now();
      const result = await service.request(nextSubject());
      latencies[index] = performance.now() - started;
      if (!result.ok) failures += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = performance.now() - started;
  if (failures > 0) throw new Error(`${failures} requests were refused; the bench expects every one to pass`);
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  return { rps: (count / elapsed) * 1000, p99: sorted[Math.floor(count * 0.99)] ?? 0, p50: sorted[Math.floor(count * 0.5)] ?? 0 };
}

/** redis-benchmark calling the consume script as a default OTP request would (4 keys, 1 hit each). */
function redisBenchmarkRound(url: URL): { rps: number; p99: number } {
  const now = String(Date.now());
  const key = (name: string) => `{${prefix}}:otp:limit:${name}:__rand_int__`;
  const args = [
    ...['-h', url.hostname, '-p', url.port || '6379', '-n', String(BENCH_PER_ROUND), '-c', String(CONCURRENCY), '-r', '100000000', '--csv'],
    ...['EVALSHA', CONSUME_SCRIPT.sha, '4', key('ps'), key('pc'), key('pd'), key('ip'), '0', now, 'bench-member', '4'],
    ...['r', '1', '60000', 'r', '1', '30000', 'f', '10', String(Date.now() + 86_400_000), 'r', '10', '3600000'],
  ];
  const csv = execFileSync('redis-benchmark', args, { encoding: 'utf8' });
  const row = csv
    .trim()
    .split('\n')
    .map((line) => line.split(',').map((cell) => cell.replace(/"/g, '')))
    .find((cells) => cells[0]?.startsWith('EVALSHA'));
  if (!row) throw new Error(`unexpected redis-benchmark output:\n${csv}`);
  // Columns: test, rps, avg, min, p50, p95, p99, max.
  return { rps: Number(row[1]), p99: Number(row[6]) };
}

async function removeKeys(redis: Redis): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `*${prefix}*`, 'COUNT', 5000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
}

async function main(): Promise<void> {
  const url = new URL(REDIS_URL);
  const plain = new Redis(REDIS_URL);
  const pipelined = new Redis(REDIS_URL, { enableAutoPipelining: true });
  const make = (redis: Redis) =>
    new OtpService({ secret: 'bench-secret-0123456789abcdef', stores: redisOtpStores({ redis, keyPrefix: prefix }), send: async () => ({ msgId: '1' }) });
  const services = { plain: make(plain), pipelined: make(pipelined) };
  await plain.script('LOAD', CONSUME_SCRIPT.source);
  let hasBenchmark = true;
  try {
    execFileSync('redis-benchmark', ['--version'], { stdio: 'ignore' });
  } catch {
    hasBenchmark = false;
  }

  await otpRound(services.plain, 2000); // warm-up: JIT, script cache, connections
  await otpRound(services.pipelined, 2000);
  const rows: { bench: number; benchP99: number; plain: number; plainP99: number; pipelined: number; pipelinedP99: number }[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const bench = hasBenchmark ? redisBenchmarkRound(url) : { rps: Number.NaN, p99: Number.NaN };
    const a = await otpRound(services.plain, OTP_PER_ROUND);
    const b = await otpRound(services.pipelined, OTP_PER_ROUND);
    rows.push({ bench: bench.rps, benchP99: bench.p99, plain: a.rps, plainP99: a.p99, pipelined: b.rps, pipelinedP99: b.p99 });
  }
  await removeKeys(plain);
  plain.disconnect();
  pipelined.disconnect();

  const med = (pick: (row: (typeof rows)[number]) => number) => median(rows.map(pick));
  const fmt = (n: number) => Math.round(n).toLocaleString('en');
  console.log(`otp-redis — node ${process.version}; ${REDIS_URL}; concurrency ${CONCURRENCY}; medians of ${ROUNDS} alternating rounds`);
  if (hasBenchmark) console.log(`redis-benchmark EVALSHA consume (4 keys)   ${fmt(med((r) => r.bench))} calls/s   p99 ${med((r) => r.benchP99).toFixed(2)} ms`);
  else console.log('redis-benchmark not found: install redis-tools for the baseline');
  console.log(`OtpService.request, ioredis default       ${fmt(med((r) => r.plain))} req/s     p99 ${med((r) => r.plainP99).toFixed(2)} ms`);
  console.log(`OtpService.request, enableAutoPipelining  ${fmt(med((r) => r.pipelined))} req/s     p99 ${med((r) => r.pipelinedP99).toFixed(2)} ms`);
  if (!hasBenchmark) return;
  for (const side of ['plain', 'pipelined'] as const) {
    const ratio = med((r) => r[side] / r.bench);
    console.log(`${side.padEnd(9)} request / redis-benchmark script = ${ratio.toFixed(3)} (goal ≥ ${GOAL}: ${ratio >= GOAL ? 'met' : 'MISSED'})`);
  }
}

await main();
