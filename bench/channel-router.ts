/**
 * The router's CPU per send against calling the same channel directly, side by side in one
 * run. Goal: the router adds at most 5% CPU per send.
 *
 * Both sides send one verification code to one number through one infocloud channel (its
 * client: signing, node:http, JSON) against the sandbox, which runs in a child process pinned to
 * core 0 so its CPU is not counted; this process (core 1) measures its own CPU
 * (`process.cpuUsage`, user + system) per send. Rounds interleave the two sides (direct,
 * router, direct, router, …) and the ratio is the median of per-round ratios, so load from
 * elsewhere on the shared machine lands on both alike. The router side pays for everything a
 * routed send does: number normalisation, the template check, an idempotency key, the
 * cockatiel retry and breaker around the request, and the per-number result.
 *
 * Run: `pnpm bench channel-router` (ROUNDS, SENDS, INFLIGHT override).
 */
import { fileURLToPath } from 'node:url';
import { ChannelRouter, infocloudChannel, type SmsChannel } from '@smskit/core';
import { createSandbox } from '@smskit/sandbox';
import { serveWithCpuProbe } from './koa-verify.js';
import { median } from './measure.js';
import { startPinnedServer } from './pinned-server.js';

const GOAL = 1.05;
const FIELDS = { templateCode: '100001', params: ['code'], text: '您的验证码是{code,6}，5分钟内有效。请勿泄露给他人。' };

/** The router's own CPU per send: the same routed send over a channel that answers at once. */
async function routerOwnCpu(): Promise<number> {
  const free: SmsChannel = {
    name: 'main',
    provider: 'free',
    capabilities: { numbers: 'mainland', maxNumbersPerSend: 1000, maxMessagesPerBatch: 1000, receipts: { pull: false, push: false } },
    checkTemplate: () => undefined,
    send: (input) => Promise.resolve({ outcomes: input.numbers.map((number) => ({ number, status: 'sent' as const, messageId: '1' })) }),
    sendBatch: () => Promise.resolve({ outcomes: [] }),
    close: () => Promise.resolve(),
  };
  const router = new ChannelRouter({ channels: [free], templates: [{ name: 'verification', channels: { main: FIELDS } }] });
  const run = async (n: number) => {
    const start = process.cpuUsage();
    for (let i = 0; i < n; i++) await router.send({ template: 'verification', to: ['13800138000'], values: { code: '123456' } });
    const used = process.cpuUsage(start);
    return (used.user + used.system) / n;
  };
  await run(20_000);
  return median([await run(20_000), await run(20_000), await run(20_000)]);
}

async function main(): Promise<void> {
  const rounds = Number(process.env.ROUNDS ?? 15);
  const sends = Number(process.env.SENDS ?? 400);
  const inflight = Number(process.env.INFLIGHT ?? 16);
  const { port, child, pinned } = await startPinnedServer({ file: fileURLToPath(import.meta.url) });
  const channel = infocloudChannel({ name: 'main', clientOptions: { apiKey: 'bench-api-key', accessKey: 'bench-access-key', baseUrl: `http://127.0.0.1:${port}`, pacing: false } });
  const router = new ChannelRouter({ channels: [channel], templates: [{ name: 'verification', channels: { main: FIELDS } }], });
  let serial = 0;
  const number = () => `138${String(serial++ % 100_000_000).padStart(8, '0')}`;
  const direct = async () => {
    const result = await channel.send({ template: FIELDS, numbers: [number()], values: { code: '123456' }, idempotencyKey: `direct-${serial}` });
    if (result.outcomes[0]?.status !== 'sent') throw new Error(`direct send failed: ${result.outcomes[0]?.error?.message}`);
  };
  const routed = async () => {
    const result = await router.send({ template: 'verification', to: [number()], values: { code: '123456' } });
    if (result.status !== 'sent') throw new Error(`routed send failed: ${result.numbers[0]?.error?.message}`);
  };
  // CPU µs of this process per send, `sends` sends with `inflight` at once.
  const cpuPerSend = async (send: () => Promise<void>): Promise<number> => {
    let left = sends;
    const start = process.cpuUsage();
    await Promise.all(
      Array.from({ length: inflight }, async () => {
        while (left-- > 0) await send();
      }),
    );
    const used = process.cpuUsage(start);
    return (used.user + used.system) / sends;
  };
  try {
    for (let i = 0; i < 3; i++) {
      await cpuPerSend(direct); // warm-up: JIT, connections, cockatiel loaded
      await cpuPerSend(routed);
    }
    const samples = { direct: [] as number[], router: [] as number[], ratio: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      // alternate which side goes first, so neither always runs on a warmer machine
      const [first, second] = round % 2 === 0 ? (['direct', 'router'] as const) : (['router', 'direct'] as const);
      const a = await cpuPerSend(first === 'direct' ? direct : routed);
      const b = await cpuPerSend(second === 'direct' ? direct : routed);
      const d = first === 'direct' ? a : b;
      const r = first === 'direct' ? b : a;
      samples.direct.push(d);
      samples.router.push(r);
      samples.ratio.push(r / d);
    }
    const ratio = median(samples.ratio);
    const own = await routerOwnCpu();
    console.log(`one code to one number, infocloud channel against the sandbox (${pinned ? 'sandbox pinned to core 0, this process to core 1' : 'not pinned'}), ${rounds} rounds × ${sends} sends, ${inflight} in flight`);
    console.log(`channel.send directly : ${median(samples.direct).toFixed(1)} µs CPU per send (median of rounds)`);
    console.log(`router.send           : ${median(samples.router).toFixed(1)} µs CPU per send (median of rounds)`);
    console.log(`router / direct       : ${ratio.toFixed(3)} (median of per-round ratios; +${((ratio - 1) * 100).toFixed(1)}% CPU; rounds ranged ${Math.min(...samples.ratio).toFixed(2)}–${Math.max(...samples.ratio).toFixed(2)})`);
    console.log(`the router's own CPU, over a channel that costs nothing: ${own.toFixed(1)} µs per send (${((own / median(samples.direct)) * 100).toFixed(1)}% of a direct send above)`);
    console.log(`goal ≤ ${GOAL.toFixed(2)}: ${ratio <= GOAL ? 'MET' : 'MISSED'}`);
  } finally {
    await router.close();
    child.kill('SIGTERM');
  }
}

if (process.argv[2] === 'serve') {
  const sandbox = createSandbox({ apiKey: 'bench-api-key', accessKey: 'bench-access-key', rateLimits: false, balance: 1_000_000_000 });
  serveWithCpuProbe(sandbox.app.callback());
} else {
  await main();
}
