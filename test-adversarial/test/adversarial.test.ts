import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generatedPushInputs, generatedSignedInputs, SEED } from './generated.js';
import { send } from './http.js';
import type { Input } from './inputs.js';
import { PUSH_INPUTS } from './push-inputs.js';
import { SIGNED_INPUTS } from './signed-inputs.js';
import { koaTarget, nestTarget, sandboxTarget, type Target } from './targets.js';
import { whyNotHeld } from './verdict.js';

// Bad input of every kind, over real HTTP on 127.0.0.1, at every server smskit ships: each
// answer must carry a platform code, never a 5xx, never a stack trace (in the answer or in the
// server's log), never a hang, and accept or refuse as the input deserves. The closing line
// says how many inputs were tried and how many held.

// What the servers print (the sandbox logs unexpected errors to console.error) goes to the
// target under attack, for the verdict to read.
let logs: string[] = [];
beforeAll(() => {
  const record = (...parts: unknown[]) => void logs.push(parts.map((part) => (part instanceof Error ? part.stack : String(part))).join(' '));
  for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const) vi.spyOn(console, method).mockImplementation(record);
});

let tried = 0;
let held = 0;
afterAll(() => {
  vi.restoreAllMocks();
  process.stdout.write(`\nadversarial: ${tried} inputs tried, ${held} held (fast-check seed ${SEED})\n`);
});

/** Sends every input to `target`; answers the ones that did not hold, with why. */
async function attack(target: Target, inputs: Input[]): Promise<string[]> {
  const failures: string[] = [];
  for (const input of inputs) {
    const url = target.urls[input.to];
    if (url === undefined) continue;
    const attempt = input.build();
    const before = target.logs.length;
    const reply = await send(url, attempt);
    // what a handler logs after answering (pushes are handled after the ack) counts too
    await new Promise((resolve) => setImmediate(resolve));
    let why = whyNotHeld(reply, target.logs.slice(before), input.expect);
    if (why === undefined && input.replay) {
      const again = await send(url, attempt);
      why = whyNotHeld(again, target.logs.slice(before), 'reject');
      if (why === undefined && again.json?.code !== 2001) why = `replay answered ${String(again.json?.code)}, not 2001`;
      if (why) why = `replay: ${why}`;
    }
    tried += 1;
    if (why === undefined) held += 1;
    else failures.push(`${input.name}: ${why}`);
  }
  return failures;
}

const SIGNED = [...SIGNED_INPUTS, ...generatedSignedInputs()];
const PUSHES = [...PUSH_INPUTS, ...generatedPushInputs()];

const TARGETS: [string, (logs: string[]) => Promise<Target>][] = [
  ['the sandbox', sandboxTarget],
  ['Koa verifySignature and receivePushes', koaTarget],
  ['the Nest guard and push receivers on Express', (target) => nestTarget(target, 'express')],
  ['the Nest guard and push receivers on Fastify', (target) => nestTarget(target, 'fastify')],
];

describe('adversarial input over real HTTP', () => {
  it.each(TARGETS)('%s: every input answered with a platform code, no 5xx, no trace, no hang', async (_name, start) => {
    logs = [];
    const target = await start(logs);
    try {
      const failures = await attack(target, [...SIGNED, ...PUSHES]);
      expect(failures, `${failures.length} of the inputs did not hold on ${target.name}`).toEqual([]);
    } finally {
      await target.close();
    }
  });
});
