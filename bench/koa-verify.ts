/**
 * The cost of `verifySignature` (@smskit/koa) on a Koa route: the same route (body parser,
 * JSON answer), with and without the middleware, fed the same distinct signed requests over
 * keep-alive connections, in interleaved rounds so that noise from the shared machine falls
 * on both sides; the ratio is the median of the per-round ratios. Goal: verified ≥ 0.85 ×
 * unverified requests/s. Server CPU per request is printed too: on a busy machine it moves
 * less than requests/s.
 *
 * The server runs in a child process pinned to core 0 (taskset) and the load generator here on
 * core 1. The generator is {@link runLoad} below rather than autocannon: with a distinct signed
 * request for every call (the replay check refuses repeats) autocannon rebuilds each request
 * and spends ~75 µs of CPU per request on this machine — more than the servers under test —
 * while {@link runLoad} writes pre-built requests and reads answers for a few µs each.
 *
 * Run: `pnpm tsx bench/koa-verify.ts` (ROUNDS, ROUND_SECONDS, CONNECTIONS override; PIN=0
 * leaves both processes free to use both cores).
 */
import { createServer, type RequestListener } from 'node:http';
import { connect } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bodyParser } from '@koa/bodyparser';
import { signRequest, type SignableParams } from '@smskit/core';
import { requestIdOf, verifySignature } from '@smskit/koa';
import Koa from 'koa';
import { median } from './measure.js';
import { startPinnedServer } from './pinned-server.js';

const API_KEY = 'bench-api-key';
const ACCESS_KEY = 'bench-access-key';
const BODY = { phones: '13800138000', templateCode: '100001', templateParam: '["123456"]' };
const GOAL = 0.85;

/** What {@link runLoad} counted. */
export interface LoadResult {
  /** Answers received. */
  total: number;
  /** Answers with status 200. */
  ok: number;
  /** Answers per second. */
  rps: number;
  /** Server CPU per answer, µs (from the `/__cpu` probe). */
  cpuPerRequest: number;
  /** Pre-built requests that ran out (the pool was too small). */
  exhausted: boolean;
}

/**
 * A minimal keep-alive HTTP/1.1 load generator: `connections` sockets, each sending the next
 * pre-built request as soon as the previous answer is complete, for `seconds`.
 */
export async function runLoad(options: { port: number; connections: number; seconds: number; requests: readonly Buffer[] }): Promise<LoadResult> {
  const cpuBefore = await serverCpu(options.port);
  let next = 0;
  let total = 0;
  let ok = 0;
  let stopped = false;
  const timer = setTimeout(() => (stopped = true), options.seconds * 1000);
  const started = performance.now();
  await Promise.all(
    Array.from(
      { length: options.connections },
      () =>
        new Promise<void>((resolve, reject) => {
          const socket = connect(options.port, '127.0.0.1');
          socket.setNoDelay(true);
          let buffered: Buffer = Buffer.alloc(0);
          const send = () => {
            if (stopped || next >= options.requests.length) {
              socket.end();
              return resolve();
            }
            socket.write(options.requests[next++] as Buffer);
          };
          socket.on('connect', send);
          socket.on('error', reject);
          socket.on('data', (chunk: Buffer) => {
            buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
            for (;;) {
              const head = buffered.indexOf(HEAD_END);
              if (head < 0) return;
              const end = head + 4 + contentLength(buffered, head);
              if (buffered.length < end) return;
              total++;
              // "HTTP/1.1 200": the status code's digits are bytes 9–11
              if (buffered[9] === 50 && buffered[10] === 48 && buffered[11] === 48) ok++;
              buffered = buffered.subarray(end);
              send();
            }
          });
        }),
    ),
  );
  clearTimeout(timer);
  const elapsed = (performance.now() - started) / 1000;
  const cpu = (await serverCpu(options.port)) - cpuBefore;
  return { total, ok, rps: total / elapsed, cpuPerRequest: cpu / Math.max(1, total), exhausted: next >= options.requests.length };
}

const HEAD_END = Buffer.from('\r\n\r\n');
const LENGTH_NAME = Buffer.from('ength: '); // Content-Length or content-length

/** The Content-Length of the answer whose head ends at `head` (0 when absent). */
function contentLength(buffer: Buffer, head: number): number {
  const at = buffer.indexOf(LENGTH_NAME);
  if (at < 0 || at > head) return 0;
  let length = 0;
  for (let i = at + LENGTH_NAME.length; i < head; i++) {
    const digit = (buffer[i] as number) - 48;
    if (digit < 0 || digit > 9) break;
    length = length * 10 + digit;
  }
  return length;
}

/** `count` distinct signed POST requests for `path`, as raw HTTP/1.1 bytes. */
export function signedRequests(options: { path: string; body: SignableParams; count: number }): Buffer[] {
  const body = JSON.stringify(options.body);
  const length = Buffer.byteLength(body);
  const requests = new Array<Buffer>(options.count);
  for (let i = 0; i < options.count; i++) {
    const h = signRequest({ apiKey: API_KEY, accessKey: ACCESS_KEY, body: options.body }).headers;
    requests[i] = Buffer.from(
      `POST ${options.path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${length}\r\n` +
        `x-api-key: ${h['x-api-key']}\r\nx-sign-method: ${h['x-sign-method']}\r\nx-nonce: ${h['x-nonce']}\r\nx-timestamp: ${h['x-timestamp']}\r\nx-sign: ${h['x-sign']}\r\n\r\n${body}`,
    );
  }
  return requests;
}

/** The server's CPU time so far, in µs, from its `GET /__cpu` probe. */
export async function serverCpu(port: number): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/__cpu`);
  return ((await response.json()) as { cpuMicros: number }).cpuMicros;
}

/**
 * Serves `handler` on 127.0.0.1 with a free port, answering `GET /__cpu` (the process's CPU
 * time) itself, and prints the port for {@link startServer}.
 */
export function serveWithCpuProbe(handler: RequestListener): void {
  const server = createServer((req, res) => {
    if (req.url !== '/__cpu') return void handler(req, res);
    const { user, system } = process.cpuUsage();
    res.end(JSON.stringify({ cpuMicros: user + system }));
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as { port: number }).port}\n`));
}

/** The server: one Koa app with the route at /plain and, behind verifySignature, at /verified. */
async function serve(): Promise<void> {
  const app = new Koa();
  app.use(bodyParser());
  const verify = verifySignature({ credentials: { [API_KEY]: { accessKey: ACCESS_KEY } } });
  app.use((ctx, next) => (ctx.path === '/verified' ? verify(ctx, next) : next()));
  app.use((ctx) => {
    ctx.body = { code: 200, message: 'OK', data: { fields: Object.keys(ctx.request.body as object).length }, requestId: requestIdOf(ctx) };
  });
  serveWithCpuProbe(app.callback());
}

async function main(): Promise<void> {
  const rounds = Number(process.env.ROUNDS ?? 7);
  const seconds = Number(process.env.ROUND_SECONDS ?? 3);
  const connections = Number(process.env.CONNECTIONS ?? 128);
  const { port, child, pinned } = await startPinnedServer({ file: fileURLToPath(import.meta.url) });
  try {
    const pool = (path: string, rps: number) => signedRequests({ path, body: BODY, count: Math.ceil(rps * seconds * 1.5) + 2000 });
    // warm both paths (JIT) before measuring
    await runLoad({ port, connections, seconds: 2, requests: pool('/plain', 15_000) });
    await runLoad({ port, connections, seconds: 2, requests: pool('/verified', 15_000) });
    const plain: number[] = [];
    const verified: number[] = [];
    const ratios: number[] = [];
    const cpuPlain: number[] = [];
    const cpuVerified: number[] = [];
    let failures = 0;
    for (let round = 1; round <= rounds; round++) {
      // pools sized for the fastest round so far, at least 20k/s: a pool that runs out ends a round early
      const estimate = Math.max(20_000, ...plain, ...verified);
      const p = await runLoad({ port, connections, seconds, requests: pool('/plain', estimate) });
      const v = await runLoad({ port, connections, seconds, requests: pool('/verified', estimate) });
      failures += p.total - p.ok + (v.total - v.ok) + (p.exhausted || v.exhausted ? 1 : 0);
      plain.push(p.rps);
      verified.push(v.rps);
      ratios.push(v.rps / p.rps);
      cpuPlain.push(p.cpuPerRequest);
      cpuVerified.push(v.cpuPerRequest);
      console.log(`round ${round}: plain ${p.rps.toFixed(0)} req/s (${p.cpuPerRequest.toFixed(1)} µs CPU/req), verified ${v.rps.toFixed(0)} req/s (${v.cpuPerRequest.toFixed(1)} µs CPU/req), ratio ${(v.rps / p.rps).toFixed(3)}`);
    }
    const ratio = median(ratios);
    console.log('');
    console.log(`koa route without verifySignature: ${median(plain).toFixed(0)} req/s, ${median(cpuPlain).toFixed(1)} µs server CPU per request`);
    console.log(`koa route with verifySignature:    ${median(verified).toFixed(0)} req/s, ${median(cpuVerified).toFixed(1)} µs server CPU per request`);
    console.log(`(median of ${rounds} interleaved rounds of ${seconds} s, ${connections} keep-alive connections, server ${pinned ? 'pinned to core 0, load on core 1' : 'not pinned'}; same distinct signed requests on both routes)`);
    console.log(`ratio verified/unverified, req/s:             ${ratio.toFixed(3)} (goal ≥ ${GOAL}) ${ratio >= GOAL ? 'MET' : 'MISSED'}`);
    console.log(`ratio verified/unverified, server CPU per req: ${(median(cpuPlain) / median(cpuVerified)).toFixed(3)}`);
    console.log(`non-200 answers, or pools run out: ${failures}`);
  } finally {
    child.kill('SIGTERM');
  }
}

// Only when run itself: sandbox-send.ts imports the load generator from here.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] === 'serve') await serve();
  else await main();
}
