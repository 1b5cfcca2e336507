/**
 * The sandbox's sustained rate of signed `/message/send` requests over keep-alive
 * connections. Goal: ≥ 10,000 requests/s on this 2-core machine — over 30 times the ~300/s
 * the real platform documents — or, since the load generator shares the two cores, sandbox CPU
 * per send at most 1.4 × the CPU per request of a bare Koa route (body parser, JSON answer) in
 * the same process and the same run, fed the same signed requests in interleaved rounds.
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
import { bodyParser } from '@koa/bodyparser';
import { signRequest } from '@smskit/core';
import { requestIdOf } from '@smskit/koa';
import { createSandbox } from '@smskit/sandbox';
import Koa from 'koa';
import { runLoad, serveWithCpuProbe, signedRequests } from './koa-verify.js';
import { median } from './measure.js';
import { startPinnedServer } from './pinned-server.js';

const BODY = { phones: '13800138000', templateCode: '100001', templateParam: '["123456"]' };
const GOAL = 10_000;
const CPU_GOAL = 1.4;

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
    const plainPool = (rps: number) => signedRequests({ path: '/plain', body: BODY, count: Math.ceil(rps * seconds * 1.5) + 2000 });
    await runLoad({ port, connections, seconds: 2, requests: plainPool(15_000) }); // warm-up (JIT)
    await runLoad({ port, connections, seconds: 2, requests: pool(15_000) });
    const rates: number[] = [];
    const cpus: number[] = [];
    const plainCpus: number[] = [];
    const ratios: number[] = [];
    let failures = 0;
    for (let round = 1; round <= rounds; round++) {
      const estimate = Math.max(15_000, ...rates);
      const p = await runLoad({ port, connections, seconds, requests: plainPool(estimate) });
      const r = await runLoad({ port, connections, seconds, requests: pool(estimate) });
      rates.push(r.rps);
      cpus.push(r.cpuPerRequest);
      plainCpus.push(p.cpuPerRequest);
      ratios.push(r.cpuPerRequest / p.cpuPerRequest);
      failures += r.total - r.ok + (p.total - p.ok) + (r.exhausted || p.exhausted ? 1 : 0);
      console.log(
        `round ${round}: sandbox ${r.rps.toFixed(0)} signed sends/s, ${r.cpuPerRequest.toFixed(1)} µs CPU per send; bare Koa route ${p.rps.toFixed(0)} req/s, ${p.cpuPerRequest.toFixed(1)} µs CPU per request; ratio ${(r.cpuPerRequest / p.cpuPerRequest).toFixed(2)}`,
      );
    }
    const rate = median(rates);
    const cpu = median(cpus);
    const ratio = median(ratios);
    console.log('');
    console.log(`sandbox /message/send, signed, ${connections} keep-alive connections: ${rate.toFixed(0)} req/s (median of ${rounds} rounds of ${seconds} s; sandbox ${pinned ? 'pinned to core 0, load on core 1' : 'not pinned'})`);
    console.log(`sandbox CPU per send: ${cpu.toFixed(1)} µs, i.e. at most ${(1e6 / cpu).toFixed(0)} sends/s on one core`);
    console.log(`bare Koa route (body parser, JSON answer), same process, same run: ${median(plainCpus).toFixed(1)} µs CPU per request`);
    console.log(`goal ≥ ${GOAL} req/s: ${rate >= GOAL ? 'MET' : 'MISSED'} (${(rate / 300).toFixed(0)}× the platform's documented 300/s)`);
    console.log(`goal sandbox CPU per send ≤ ${CPU_GOAL} × bare Koa's (median of per-round ratios): ${ratio.toFixed(2)} ${ratio <= CPU_GOAL ? 'MET' : 'MISSED'}`);
    console.log(`non-200 answers, or pools run out: ${failures}`);
  } finally {
    child.kill('SIGTERM');
  }
}

if (process.argv[2] === 'serve') {
  const sandbox = createSandbox({ apiKey: 'bench-api-key', accessKey: 'bench-access-key', rateLimits: false, balance: 1_000_000_000 });
  // The yardstick: the route koa-verify.ts measures without verification, in the same process.
  const bare = new Koa();
  bare.use(bodyParser());
  bare.use((ctx) => {
    ctx.body = { code: 200, message: 'OK', data: { fields: Object.keys(ctx.request.body as object).length }, requestId: requestIdOf(ctx) };
  });
  const bareHandler = bare.callback();
  const sandboxHandler = sandbox.app.callback();
  serveWithCpuProbe((req, res) => void (req.url === '/plain' ? bareHandler(req, res) : sandboxHandler(req, res)));
} else {
  await main();
}
