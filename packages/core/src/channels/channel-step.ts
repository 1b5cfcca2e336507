/*
 * One channel's turn in a routed send: hand it the numbers it can serve, in requests of the
 * size it takes, retry what it refused before the write, and sort every number into taken
 * (sent or unknown, final), stopped (final) or passed over (on to the next channel).
 */
import { SmsError, toSmsError } from '../errors.js';
import type { ChannelSendResult, ChannelTemplateFields, FailureClass, NumberOutcome, SmsChannel, TemplateValues } from './channel.js';
import type { ChannelGuard } from './channel-guard.js';
import type { PassedOver, RoutedNumber } from './route-result.js';

/** A number waiting for a channel, with what it has met so far. */
export interface PendingNumber {
  readonly number: string;
  readonly kind: 'mainland' | 'international';
  /** Its own values (sendBatch); the send's values otherwise. */
  readonly values?: TemplateValues;
  readonly passedOver: PassedOver[];
}

/** What one channel's turn needs. */
export interface ChannelTurn {
  readonly channel: SmsChannel;
  readonly guard: ChannelGuard;
  readonly fields: ChannelTemplateFields;
  /** The send's values; undefined for sendBatch (each number carries its own). */
  readonly values: TemplateValues | undefined;
  /** The idempotency key's stem for this channel; each request appends its index. */
  readonly keyStem: string;
  readonly concurrency: number;
}

/** How a channel's turn ended: the numbers it settled, and those to pass on. */
export interface TurnOutcome {
  readonly settled: RoutedNumber[];
  readonly passed: PendingNumber[];
}

function chunksOf(numbers: readonly PendingNumber[], channel: SmsChannel, batch: boolean): PendingNumber[][] {
  const max = Math.max(1, batch ? channel.capabilities.maxMessagesPerBatch : channel.capabilities.maxNumbersPerSend);
  const chunks: PendingNumber[][] = [];
  // A request holds one kind of number: a provider may refuse a mix (Tencent does).
  for (const kind of ['mainland', 'international'] as const) {
    const ofKind = numbers.filter((pending) => pending.kind === kind);
    for (let i = 0; i < ofKind.length; i += max) chunks.push(ofKind.slice(i, i + max));
  }
  return chunks;
}

function settle(pending: PendingNumber, outcome: NumberOutcome, extra: { channel: string; idempotencyKey: string; failure?: FailureClass }): RoutedNumber {
  const failure = outcome.status === 'sent' ? undefined : (extra.failure ?? outcome.failure);
  return {
    number: pending.number,
    status: outcome.status,
    channel: extra.channel,
    idempotencyKey: extra.idempotencyKey,
    passedOver: pending.passedOver,
    ...(failure === undefined ? {} : { failure }),
    ...(outcome.messageId === undefined ? {} : { messageId: outcome.messageId }),
    ...(outcome.code === undefined ? {} : { code: outcome.code }),
    ...(outcome.error === undefined ? {} : { error: outcome.error }),
  };
}

async function sendOnce(turn: ChannelTurn, numbers: readonly PendingNumber[], idempotencyKey: string): Promise<ChannelSendResult> {
  const { channel, fields } = turn;
  try {
    return turn.values === undefined
      ? await channel.sendBatch({ template: fields, idempotencyKey, messages: numbers.map((pending) => ({ number: pending.number, values: pending.values ?? {} })) })
      : await channel.send({ template: fields, idempotencyKey, numbers: numbers.map((pending) => pending.number), values: turn.values });
  } catch (thrown) {
    // A channel should not throw for a failed send; when one does, the request may have been
    // written, so each of its numbers is unknown: never resent anywhere.
    const error = toSmsError(thrown);
    return { outcomes: numbers.map((pending) => ({ number: pending.number, status: 'unknown', failure: 'unknown', error })) };
  }
}

function missingOutcome(number: string, channel: string): NumberOutcome {
  return {
    number,
    status: 'unknown',
    failure: 'unknown',
    error: new SmsError({ code: -1, message: `The channel "${channel}" reported no outcome for a number it was given; it may have been sent.`, retryable: false }),
  };
}

/** Sends one request (and its retries) of a channel's turn. */
async function runRequest(turn: ChannelTurn, request: { numbers: PendingNumber[]; key: string }, out: TurnOutcome): Promise<void> {
  const name = turn.channel.name;
  let remaining = request.numbers;
  let took = 0;
  let failed = 0;
  const lastRetry = new Map<string, NumberOutcome>();
  const verdict = await turn.guard.run(async () => {
    const result = await sendOnce(turn, remaining, request.key);
    const byNumber = new Map<string, NumberOutcome>();
    for (const outcome of result.outcomes) if (!byNumber.has(outcome.number)) byNumber.set(outcome.number, outcome);
    const again: PendingNumber[] = [];
    for (const pending of remaining) {
      const outcome = byNumber.get(pending.number) ?? missingOutcome(pending.number, name);
      // A failure without a class is treated as unknown: the one reading that never resends.
      const failure = outcome.status === 'sent' ? undefined : outcome.status === 'unknown' ? 'unknown' : (outcome.failure ?? 'unknown');
      if (failure === undefined || failure === 'stop') {
        took++;
        out.settled.push(settle(pending, outcome, { channel: name, idempotencyKey: request.key }));
      } else if (failure === 'unknown') {
        failed++;
        out.settled.push(settle(pending, { ...outcome, status: 'unknown' }, { channel: name, idempotencyKey: request.key, failure }));
      } else if (failure === 'retry') {
        again.push(pending);
      } else {
        failed++;
        pending.passedOver.push({ channel: name, reason: 'failover', ...(outcome.code === undefined ? {} : { code: outcome.code }), ...(outcome.error === undefined ? {} : { error: outcome.error }) });
        out.passed.push(pending);
      }
      if (failure === 'retry') lastRetry.set(pending.number, outcome);
    }
    remaining = again;
    // The breaker counts a request the channel failed as a whole, not one number it refused.
    return { retryAgain: again.length > 0, channelFailed: took === 0 && (failed > 0 || again.length > 0) };
  });
  if (verdict === 'open') {
    for (const pending of remaining) {
      pending.passedOver.push({ channel: name, reason: 'breaker-open' });
      out.passed.push(pending);
    }
    return;
  }
  for (const pending of remaining) {
    const outcome = lastRetry.get(pending.number);
    pending.passedOver.push({ channel: name, reason: 'retry-exhausted', ...(outcome?.code === undefined ? {} : { code: outcome.code }), ...(outcome?.error === undefined ? {} : { error: outcome.error }) });
    out.passed.push(pending);
  }
}

/** One channel's turn over the numbers it can serve. */
export async function runChannelTurn(turn: ChannelTurn, numbers: readonly PendingNumber[]): Promise<TurnOutcome> {
  const out: TurnOutcome = { settled: [], passed: [] };
  const requests = chunksOf(numbers, turn.channel, turn.values === undefined).map((chunk, index) => ({ numbers: chunk, key: `${turn.keyStem}-${index}` }));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) await runRequest(turn, requests[next++] as (typeof requests)[number], out);
  };
  await Promise.all(Array.from({ length: Math.min(turn.concurrency, requests.length) }, worker));
  return out;
}
