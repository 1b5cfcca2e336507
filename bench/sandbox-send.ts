/**
 * The sandbox's sustained rate of signed `/message/send` requests over keep-alive
 * connections. Goal: ≥ 10,000 requests/s on this 2-core machine — over 30 times the ~300/s
 * the real platform documents.
 *
 * The sandbox runs in a child process pinned to core 0 (taskset) with its defaults but for the
 * rate limits (off: the platform's 300/s would cap the run) and a large balance; the load
 * generator (`runLoad` of koa-verify.ts: pre-built requests, a few µs each) runs here on core
 * 1. Every request is a distinct pre-signed request (its own nonce), since the replay check
 * refuses repeats, and a real send: template values checked, text rendered, balance billed,
 * message stored, receipt scheduled (2 s later, as by default).
 *
 * Run: `pnpm tsx bench/sandbox-send.ts` (ROUNDS, ROUND_SECONDS, CONNECTIONS override).
 */
import { fileURLToPath } from 'node:url';
import { signRequest } from '@smskit/core';
import { createSandbox } from '@smskit/sandbox';
import { runLoad, serveWithCpuProbe, signedRequests } from './koa-verify.js';
import { median } from './measure.js';
import { startPinnedServer } from './pinned-server.js';

const BODY = { phones: '13800138000', templateCode: '100001', templateParam: '["123456"]' };
const GOAL = 10_000;

async function main(): Promise<void> {
  const rounds = Number(process.env.ROUNDS ?? 5);
  const seconds = Number(process.env.ROUND_SECONDS ?? 4);
  const connections = Number(process.env.CONNECTIONS ?? 128);
  const { port, child, pinned } = await startPinnedServer({ file: fileURLToPath(import.meta.url) });
  const pool = (rps: number) => signedRequests({ path: '/message/send', body: BODY, count: Math.ceil(rps * seconds * 1.5) + 2000 });
  try {
    // make sure the load reaches the sandbox: a send answers a msgId
    const headers = { ...signRequest({ apiKey: 'bench-api-key', accessKey: 'bench-access-key', body: BODY }).headers, 'content-type': 'application/json' };
    const first = (await (await fetch(`http://127.0.0.1:${port}/message/send`, { method: 'POST', headers, body: JSON.stringify(BODY) })).json()) as { data?: { msgId?: string } };
    if (!first.data?.msgId) throw new Error(`the server did not answer like the sandbox: ${JSON.stringify(first)}`);
    await runLoad({ port, connections, seconds: 2, requests: pool(15_000) }); // warm-up (JIT)
    const rates: number[] = [];
    const cpus: number[] = [];
    let failures = 0;
    for (let round = 1; round <= rounds; round++) {
      const r = await runLoad({ port, connections, seconds, requests: pool(Math.max(15_000, ...rates)) });
      rates.push(r.rps);
      cpus.push(r.cpuPerRequest);
      failures += r.total - r.ok + (r.exhausted ? 1 : 0);
      console.log(`round ${round}: ${r.rps.toFixed(0)} signed sends/s, ${r.cpuPerRequest.toFixed(1)} µs sandbox CPU per send, ${r.total - r.ok} not answered 200`);
    }
    const rate = median(rates);
    const cpu = median(cpus);
    console.log('');
    console.log(`sandbox /message/send, signed, ${connections} keep-alive connections: ${rate.toFixed(0)} req/s (median of ${rounds} rounds of ${seconds} s; sandbox ${pinned ? 'pinned to core 0, load on core 1' : 'not pinned'})`);
    console.log(`sandbox CPU per send: ${cpu.toFixed(1)} µs, i.e. at most ${(1e6 / cpu).toFixed(0)} sends/s on one core`);
    console.log(`goal ≥ ${GOAL} req/s: ${rate >= GOAL ? 'MET' : 'MISSED'} (${(rate / 300).toFixed(0)}× the platform's documented 300/s)`);
    console.log(`non-200 answers, or pools run out: ${failures}`);
  } finally {
    child.kill('SIGTERM');
  }
}

if (process.argv[2] === 'serve') {
  const sandbox = createSandbox({ apiKey: 'bench-api-key', accessKey: 'bench-access-key', rateLimits: false, balance: 1_000_000_000 });
  serveWithCpuProbe(sandbox.app.callback());
} else {
  await main();
}
