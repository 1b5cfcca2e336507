/**
 * SmsClient in bulk: 1,000,000 numbers (1000 requests of 1000) sent through the client to the
 * sandbox running in a separate process; wall time, requests/s and the client process's peak
 * RSS. Goal: under 30 s and under 300 MB, pacing off. Then the pacer at 300 requests/s against
 * the sandbox with the platform's own limits on: the run takes the time the arithmetic says
 * (±5%), and the sandbox answers no 6000.
 *
 * The sandbox runs in a child process (this file with `serve`), pinned to core 0 when taskset
 * is available, this process to core 1. It keeps every message in memory; its own peak RSS is
 * printed too.
 *
 * Run: `pnpm tsx bench/client-bulk.ts` (NUMBERS, CONCURRENCY, PACED_REQUESTS override).
 */
import type { ChildProcess } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { SmsClient } from '@smskit/core';
import { createSandbox } from '@smskit/sandbox';
import { startPinnedServer } from './pinned-server.js';

const API_KEY = 'bench-api-key';
const ACCESS_KEY = 'bench-access-key';
const NUMBERS = Number(process.env.NUMBERS ?? 1_000_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const PACED_REQUESTS = Number(process.env.PACED_REQUESTS ?? 600);
const RATE = 300;

/** The server side: the sandbox with a large balance; rate limits off or the platform's. */
async function serve(limits: 'off' | 'platform'): Promise<void> {
  const sandbox = createSandbox({ apiKey: API_KEY, accessKey: ACCESS_KEY, balance: 1_000_000_000, ...(limits === 'off' ? { rateLimits: false as const } : {}) });
  const running = await sandbox.listen({ port: 0, host: '127.0.0.1' });
  let sixThousands = 0;
  const loopDelay = monitorEventLoopDelay({ resolution: 20 });
  loopDelay.enable();
  running.server.on('request', (req, res) => {
    if (req.url === '/__stats') {
      res.end(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, sixThousands, maxStallMs: loopDelay.max / 1e6 }));
      return;
    }
    res.on('finish', () => {
      if (res.statusCode === 429) sixThousands++;
    });
  });
  process.stdout.write(`${running.port}\n`);
}

async function startServer(limits: 'off' | 'platform'): Promise<{ url: string; child: ChildProcess }> {
  const { port, child } = await startPinnedServer({ file: fileURLToPath(import.meta.url), args: [limits], nodeArgs: ['--max-old-space-size=4096'] });
  return { url: `http://127.0.0.1:${port}`, child };
}

async function serverStats(url: string): Promise<{ maxRssKb: number; sixThousands: number; maxStallMs: number }> {
  return (await (await fetch(`${url}/__stats`)).json()) as { maxRssKb: number; sixThousands: number; maxStallMs: number };
}

function numbers(count: number, prefix = '13'): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(9, '0')}`);
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

async function bulk(): Promise<number> {
  const { url, child } = await startServer('off');
  const client = new SmsClient({ apiKey: API_KEY, accessKey: ACCESS_KEY, baseUrl: url, pacing: false, concurrency: CONCURRENCY, connections: CONCURRENCY });
  try {
    await client.send({ phones: numbers(20_000, '15'), templateCode: '100003' }); // warm-up (JIT, connections)
    // Forget the warm-up: past 1M stored messages the sandbox's memory store evicts the oldest,
    // and each eviction scans the receipt queue (a stall of seconds per thousand messages).
    await fetch(`${url}/_sandbox/reset`, { method: 'POST' });
    const phones = numbers(NUMBERS);
    const rssBefore = process.memoryUsage().rss / 1024;
    const started = performance.now();
    const result = await client.send({ phones, templateCode: '100003' });
    const seconds = (performance.now() - started) / 1000;
    const requests = result.chunks.length;
    const clientRss = process.resourceUsage().maxRSS;
    const server = await serverStats(url);
    console.log(`bulk, pacing off, concurrency ${CONCURRENCY}: ${NUMBERS.toLocaleString('en')} numbers in ${requests} requests`);
    console.log(`  wall time      ${seconds.toFixed(2)} s   (goal < 30 s: ${seconds < 30 ? 'MET' : 'MISSED'})`);
    console.log(`  requests/s     ${(requests / seconds).toFixed(0)}   (${((requests * 1000) / seconds).toFixed(0)} numbers/s)`);
    console.log(`  client max RSS ${mb(clientRss)}   (goal < 300 MB: ${clientRss < 300 * 1024 ? 'MET' : 'MISSED'}; ${mb(rssBefore)} before the send, with the input array built)`);
    console.log(`  sandbox max RSS ${mb(server.maxRssKb)}, longest event-loop stall ${server.maxStallMs.toFixed(0)} ms   (it keeps every message in memory)`);
    console.log(`  outcome        ${result.status}, ${result.msgIds.length} msgIds, ${result.failedPhones.length} failed, ${result.unknownPhones.length} unknown`);
    return requests / seconds;
  } finally {
    await client.close();
    child.kill();
  }
}

async function paced(unpacedRate: number): Promise<void> {
  const { url, child } = await startServer('platform');
  const client = new SmsClient({ apiKey: API_KEY, accessKey: ACCESS_KEY, baseUrl: url, pacing: { requestsPerSecond: RATE }, retry: false, concurrency: 64, connections: 64 });
  try {
    const run = async (requests: number, perRequest: number) => {
      const all = numbers(requests * perRequest, perRequest === 1000 ? '17' : '18');
      const lists = Array.from({ length: requests }, (_, i) => all.slice(i * perRequest, (i + 1) * perRequest));
      const started = performance.now();
      const settled = await Promise.allSettled(lists.map((phones) => client.send({ phones, templateCode: '100003' })));
      const seconds = (performance.now() - started) / 1000;
      const failed = settled.filter((s) => s.status === 'rejected').length;
      const arithmetic = requests / RATE;
      const deviation = seconds / arithmetic - 1;
      console.log(
        `  ${requests} requests of ${perRequest}: ${seconds.toFixed(3)} s vs ${arithmetic.toFixed(3)} s by arithmetic (${(deviation * 100).toFixed(1)}%, within ±5%: ${Math.abs(deviation) <= 0.05 ? 'YES' : 'NO'}), ${failed} failed`,
      );
    };
    console.log(`\npaced at ${RATE}/s against the sandbox with the platform's limits (300 sends/s):`);
    await run(PACED_REQUESTS, 10);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // let the sandbox's window pass
    await run(PACED_REQUESTS, 1000);
    if (unpacedRate < RATE) console.log(`    (bound by the sandbox, not the pacer: unpaced it took ${unpacedRate.toFixed(0)} requests of 1000 a second)`);
    console.log(`  sandbox answered 6000: ${(await serverStats(url)).sixThousands} times`);
  } finally {
    await client.close();
    child.kill();
  }
}

if (process.argv[2] === 'serve') {
  await serve(process.argv[3] === 'platform' ? 'platform' : 'off');
} else {
  await paced(await bulk());
}
