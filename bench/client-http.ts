/**
 * Which HTTP layer SmsClient should use: Node's own `node:http` over a keep-alive Agent (what the
 * client uses since it dropped undici; `HttpTransport` is that plus the client's deadline,
 * connect timer and size limit), undici 7's `request` over a keep-alive Agent (what it used
 * before), undici 7's `fetch` over the same kind of Agent, or Node 20's global `fetch`.
 * Each posts the same signed-size JSON body and reads the same small JSON answer, with the same
 * number of requests in flight, to a plain node:http server in a child process (so the server
 * is never the bottleneck and costs the same for all). Rounds are interleaved (A, B, C, A, B, C…)
 * so load elsewhere on the shared machine hits every contender alike; figures are medians.
 *
 * Run: `pnpm tsx bench/client-http.ts` (ROUNDS, REQUESTS, IN_FLIGHT override).
 */
import type { ChildProcess } from 'node:child_process';
import { Agent as NodeAgent, createServer, request as nodeRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { HttpTransport, signRequest } from '@smskit/core';
import { Agent, fetch as undiciFetch, request } from 'undici';
import { median } from './measure.js';
import { startPinnedServer } from './pinned-server.js';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const REQUESTS = Number(process.env.REQUESTS ?? 5000);
const IN_FLIGHT = Number(process.env.IN_FLIGHT ?? 16);
const ANSWER = JSON.stringify({ code: 200, message: 'OK', data: { msgId: '574730770464800768', desc: null }, requestId: '7c3b7f7e-3c2b-4a6e-9a55-6a3e8e1e0c11' });
const BODY_FIELDS = { phones: '13800138000,13900139000', templateCode: '100001', templateParam: '["123456"]', bid: '0f8fad5b-d9cb-469f-a165-70867728950e' };

function serve(): void {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(ANSWER) });
      res.end(ANSWER);
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
  });
}


async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const { port, child } = await startPinnedServer({ file: fileURLToPath(import.meta.url) });
  return { url: `http://127.0.0.1:${port}/message/send`, child };
}

type Post = (url: string, headers: Record<string, string>, body: string) => Promise<string>;

/** The reference every ratio is taken against: what the client's transport is built on. */
const REFERENCE = 'node:http';

function contenders(url: string): Record<string, Post> {
  const agent = new Agent({ connections: IN_FLIGHT, headersTimeout: 10_000, bodyTimeout: 10_000 });
  const fetchAgent = new Agent({ connections: IN_FLIGHT, headersTimeout: 10_000, bodyTimeout: 10_000 });
  const nodeAgent = new NodeAgent({ keepAlive: true, maxSockets: IN_FLIGHT });
  const { origin, pathname } = new URL(url);
  const transport = new HttpTransport({ baseUrl: origin, timeoutMs: 10_000, connectTimeoutMs: 5_000, connections: IN_FLIGHT });
  return {
    [REFERENCE]: (target, headers, body) =>
      new Promise<string>((resolve, reject) => {
        const req = nodeRequest(target, { method: 'POST', agent: nodeAgent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      }),
    'smskit HttpTransport': async (_target, headers, body) => (await transport.post({ path: pathname, headers, body })).text,
    'undici.request': async (url, headers, body) => {
      const response = await request(url, { method: 'POST', headers, body, dispatcher: agent });
      return response.body.text();
    },
    'undici.fetch': async (url, headers, body) => {
      const response = await undiciFetch(url, { method: 'POST', headers, body, dispatcher: fetchAgent });
      return response.text();
    },
    'global fetch': async (url, headers, body) => {
      const response = await fetch(url, { method: 'POST', headers, body });
      return response.text();
    },
  };
}

/** `REQUESTS` signed posts with `IN_FLIGHT` at a time; requests/s and client CPU µs per request. */
async function round(post: Post, url: string): Promise<{ rps: number; cpuMicros: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next++ < REQUESTS) {
      const headers = { ...signRequest({ apiKey: 'bench', accessKey: 'bench-secret', body: BODY_FIELDS }).headers, 'content-type': 'application/json' };
      const text = await post(url, headers, JSON.stringify(BODY_FIELDS));
      if (text.length !== ANSWER.length) throw new Error('unexpected answer');
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { rps: REQUESTS / seconds, cpuMicros: (used.user + used.system) / REQUESTS };
}

async function main(): Promise<void> {
  const { url, child } = await startServer();
  try {
    const posts = contenders(url);
    for (const post of Object.values(posts)) await round(post, url); // warm-up
    const rps: Record<string, number[]> = Object.fromEntries(Object.keys(posts).map((name) => [name, []]));
    const cpu: Record<string, number[]> = Object.fromEntries(Object.keys(posts).map((name) => [name, []]));
    for (let r = 0; r < ROUNDS; r++) {
      for (const [name, post] of Object.entries(posts)) {
        const result = await round(post, url);
        rps[name]!.push(result.rps);
        cpu[name]!.push(result.cpuMicros);
      }
    }
    console.log(`${REQUESTS} signed POSTs per round, ${IN_FLIGHT} in flight, keep-alive, median of ${ROUNDS} interleaved rounds (Node ${process.version}):`);
    for (const name of Object.keys(posts)) {
      const ratios = rps[name]!.map((value, i) => value / rps[REFERENCE]![i]!);
      console.log(`  ${name.padEnd(20)} ${median(rps[name]!).toFixed(0).padStart(6)} req/s   ${median(cpu[name]!).toFixed(0).padStart(4)} µs client CPU per request   ×${median(ratios).toFixed(2)} of ${REFERENCE}`);
    }
  } finally {
    child.kill();
  }
}

if (process.argv[2] === 'serve') serve();
else await main();
