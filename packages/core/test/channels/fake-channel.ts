/* A scripted channel: each number's outcome on each attempt is decided by the test. */
import { SmsError, type ChannelCapabilities, type ChannelFailure, type FailureClass, type NumberOutcome, type SmsChannel, type TemplateCheckInput } from '../../src/index.js';

/** What a scripted channel does with one number on one attempt. */
export type Behaviour = 'sent' | FailureClass | 'throw';

export interface FakeCall {
  readonly numbers: string[];
  readonly key: string;
  readonly batch: boolean;
}

export interface FakeChannel extends SmsChannel {
  readonly calls: FakeCall[];
  /** Every number handed to this channel, once per time it was handed. */
  handed(): string[];
}

export function fakeChannel(options: {
  name: string;
  /** Decides a number's fate on its n-th attempt (from 0) on this channel. */
  script: (call: { number: string; attempt: number; call: number }) => Behaviour;
  capabilities?: Partial<ChannelCapabilities>;
  check?: (input: TemplateCheckInput) => ChannelFailure | undefined;
}): FakeChannel {
  const calls: FakeCall[] = [];
  const attempts = new Map<string, number>();
  const capabilities: ChannelCapabilities = { numbers: 'mainland', maxNumbersPerSend: 1000, maxMessagesPerBatch: 1000, receipts: { pull: false, push: false }, ...options.capabilities };
  const respond = async (numbers: string[], key: string, batch: boolean) => {
    calls.push({ numbers, key, batch });
    const outcomes: NumberOutcome[] = [];
    for (const number of numbers) {
      const attempt = attempts.get(number) ?? 0;
      attempts.set(number, attempt + 1);
      const behaviour = options.script({ number, attempt, call: calls.length - 1 });
      if (behaviour === 'throw') throw new Error('socket hang up after the write');
      if (behaviour === 'sent') outcomes.push({ number, status: 'sent', messageId: `${options.name}-${calls.length}`, code: 'OK' });
      else outcomes.push({ number, status: behaviour === 'unknown' ? 'unknown' : 'failed', failure: behaviour, code: `E_${behaviour}`, error: new SmsError({ code: -1, message: `${options.name}: ${behaviour}` }) });
    }
    return { outcomes };
  };
  return {
    name: options.name,
    provider: 'fake',
    capabilities,
    calls,
    handed: () => calls.flatMap((call) => call.numbers),
    checkTemplate: (input) => options.check?.(input),
    send: (input) => respond([...input.numbers], input.idempotencyKey, false),
    sendBatch: (input) => respond(input.messages.map((m) => m.number), input.idempotencyKey, true),
    close: async () => {},
  };
}

/** One template with an entry for each channel named. */
export function templateFor(...channels: string[]) {
  return [{ name: 'verification', channels: Object.fromEntries(channels.map((name) => [name, { id: name }])) }];
}

/** Router settings that make tests fast: no backoff wait, breaker off unless asked. */
export const FAST = { retry: { retries: 2, initialDelayMs: 0, maxDelayMs: 0 }, breaker: false } as const;
