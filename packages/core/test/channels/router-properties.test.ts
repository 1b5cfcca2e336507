/*
 * Properties of the router over random channels and random per-number, per-attempt outcomes:
 * no number is handed on after it may have been sent, none after stop, and every number
 * ends accounted for exactly once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChannelRouter } from '../../src/index.js';
import { fakeChannel, type Behaviour } from './fake-channel.js';

const BEHAVIOURS: Behaviour[] = ['sent', 'retry', 'failover', 'stop', 'unknown', 'throw'];
const MAINLAND = fc.integer({ min: 0, max: 40 }).map((i) => `1380000${String(i).padStart(4, '0')}`);
const ABROAD = fc.integer({ min: 0, max: 10 }).map((i) => `+4477009${String(i).padStart(5, '0')}`);
const INPUT = fc.oneof({ weight: 6, arbitrary: MAINLAND }, { weight: 2, arbitrary: ABROAD }, { weight: 1, arbitrary: fc.constantFrom('', 'hello', '123') });

const scenario = fc.record({
  channels: fc.array(
    fc.record({
      international: fc.boolean(),
      max: fc.integer({ min: 1, max: 5 }),
      // a behaviour per (number seed, attempt), drawn from a table so a run is reproducible
      table: fc.array(fc.constantFrom(...BEHAVIOURS), { minLength: 16, maxLength: 16 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  to: fc.array(INPUT, { minLength: 1, maxLength: 25 }),
  batch: fc.boolean(),
});

function seed(number: string): number {
  let h = 0;
  for (const c of number) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}

describe('router properties', () => {
  it('never hands a number on after sent, unknown or stop; accounts for every number exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ channels: specs, to, batch }) => {
        // what each channel's script decided, per (channel, call, number)
        const decided = new Map<string, Behaviour>();
        const channels = specs.map((spec, i) => {
          const name = `c${i}`;
          return fakeChannel({
            name,
            capabilities: { numbers: spec.international ? 'international' : 'mainland', maxNumbersPerSend: spec.max, maxMessagesPerBatch: spec.max },
            script: ({ number, attempt, call }) => {
              const behaviour = spec.table[(seed(number) + attempt) % spec.table.length] as Behaviour;
              decided.set(`${name}/${call}/${number}`, behaviour);
              return behaviour;
            },
          });
        });
        const templates = [{ name: 't', channels: Object.fromEntries(channels.map((c) => [c.name, {}])) }];
        const router = new ChannelRouter({ channels, templates, retry: { retries: 2, initialDelayMs: 0, maxDelayMs: 0 }, breaker: false });
        const result = batch
          ? await router.sendBatch({ template: 't', messages: to.map((n) => ({ to: n, values: {} })) })
          : await router.send({ template: 't', to, values: {} });

        // Every number handed to a channel, in the order the router handed it (channels run one
        // after another; a number's retries come in later calls). A request that threw makes
        // every number of it unknown, whatever the script decided for some before throwing.
        const events = channels.flatMap((channel) =>
          channel.calls.flatMap((call, index) => {
            const threw = call.numbers.some((n) => decided.get(`${channel.name}/${index}/${n}`) === 'throw');
            return call.numbers.map((number) => ({ channel: channel.name, number, behaviour: threw ? 'unknown' : (decided.get(`${channel.name}/${index}/${number}`) as Behaviour) }));
          }),
        );
        const handedAfterFinal = new Map<string, number>();
        const finalSeen = new Set<string>();
        for (const event of events) {
          if (finalSeen.has(event.number)) handedAfterFinal.set(event.number, (handedAfterFinal.get(event.number) ?? 0) + 1);
          if (event.behaviour !== 'retry' && event.behaviour !== 'failover') finalSeen.add(event.number);
        }
        expect([...handedAfterFinal.keys()]).toEqual([]);

        // never to a channel that cannot serve it
        for (const event of events) {
          const spec = specs[Number(event.channel.slice(1))];
          if (event.number.startsWith('+')) expect(spec?.international).toBe(true);
        }

        // exactly once: distinct valid inputs = numbers in the result, and nothing else
        const numbers = result.numbers.map((n) => n.number);
        expect(new Set(numbers).size).toBe(numbers.length);
        const valid = new Set(to.filter((n) => /^(1[3-9]\d{9}|\+\d{7,15})$/.test(n)));
        expect(new Set(numbers)).toEqual(valid);
        expect(result.invalid.length + numbers.length + result.duplicates).toBe(to.length);

        // what the result says agrees with what the channels did
        for (const routed of result.numbers) {
          const mine = events.filter((e) => e.number === routed.number);
          const last = mine.at(-1);
          if (routed.status === 'sent') expect(last).toMatchObject({ channel: routed.channel, behaviour: 'sent' });
          if (routed.status === 'unknown') expect(['unknown', 'throw']).toContain(last?.behaviour);
          if (routed.status === 'failed' && routed.failure === 'stop' && last) expect(last.behaviour).toBe('stop');
          if (routed.status === 'failed' && routed.failure === 'failover') expect(['retry', 'failover', undefined]).toContain(last?.behaviour);
        }
      }),
      { numRuns: 300 },
    );
  });
});
