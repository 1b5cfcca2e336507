import { isSmsError, SmsError } from '../errors.js';
import type { InvalidPhone } from '../rules/phone.js';
import { callFailureOf, msgIdOf, type CallFailureDetails, type PlatformAnswer } from './platform-call.js';

/**
 * How one request of a send ended: `sent` — the platform accepted it (some numbers may still be
 * in `failPhones`, never all); `failed` — it did not, nothing was sent (an error code, or a
 * `failPhones` naming every number); `unknown` — the request was written and no answer came,
 * or an odd one (code 200 without a msgId), so it may or may not have been sent (reconcile by `bid`).
 */
export type ChunkStatus = 'sent' | 'failed' | 'unknown';

/** One request of a send (at most 1000 numbers) and how it ended. */
export interface ChunkResult {
  /** Its position among the send's requests, from 0. */
  index: number;
  /** Its numbers, normalised, in the order sent. */
  phones: string[];
  /** The business id it carried; receipts echo it. */
  bid: string;
  /** How it ended. */
  status: ChunkStatus;
  /** The msgId the platform answered (status `sent`; also a `failed` request whose every number was in `failPhones`). */
  msgId?: string;
  /** Numbers of this request the platform did not accept (from its `failPhones`). */
  failPhones: string[];
  /** The platform's requestId, when known. */
  requestId?: string;
  /** Why it failed or why its outcome is unknown. */
  error?: SmsError;
}

/**
 * How a send or sendBatch ended, every request of it: one request failing never hides the
 * others.
 */
export interface SendResult {
  /** `sent`: every request accepted every number; `partial`: some were; `failed` / `unknown`: none surely was. */
  status: 'sent' | 'partial' | 'failed' | 'unknown';
  /** Each request, in order. */
  chunks: ChunkResult[];
  /** The msgIds of the accepted requests, in order. */
  msgIds: string[];
  /** Numbers surely not sent: the platform's `failPhones`, and every number of a failed request. */
  failedPhones: string[];
  /** Numbers whose requests ended `unknown`. */
  unknownPhones: string[];
  /** Numbers dropped locally as malformed (with `invalidPhones: 'skip'`), with their positions. */
  invalid: InvalidPhone[];
  /** Repeated numbers dropped locally (send only; sendBatch keeps repeats). */
  duplicates: number;
}

/** What an {@link SmsError} from a send or sendBatch that sent nothing carries in `details`. */
export interface SendFailureDetails extends CallFailureDetails {
  /** The whole result, every request with its own error. */
  result: SendResult;
}

function failPhonesOf(data: unknown): string[] {
  const value = typeof data === 'object' && data !== null ? (data as { failPhones?: unknown }).failPhones : undefined;
  if (typeof value === 'string') return value.split(',').map((phone) => phone.trim()).filter((phone) => phone !== '');
  if (Array.isArray(value)) return value.filter((phone): phone is string => typeof phone === 'string' && phone !== '');
  return [];
}

/**
 * A request the platform answered with code 200 (and a msgId). When its `failPhones` names every
 * number of the request, nothing was sent: the request is `failed` (60007), as the docs promise.
 */
export function sentChunk(chunk: { index: number; phones: string[]; bid: string }, answer: PlatformAnswer): ChunkResult {
  const msgId = msgIdOf(answer.data);
  const failPhones = failPhonesOf(answer.data);
  const requestId = answer.requestId === undefined ? {} : { requestId: answer.requestId };
  if (failPhones.length > 0 && coversAll(failPhones, chunk.phones)) {
    const details: CallFailureDetails = { outcome: 'failed', attempts: 1, bid: chunk.bid };
    const error = new SmsError({
      code: 60007,
      message: `The platform accepted none of the request's ${chunk.phones.length} number(s): every one is in its failPhones.`,
      ...requestId,
      details,
      retryable: false,
    });
    return { index: chunk.index, phones: chunk.phones, bid: chunk.bid, status: 'failed', ...(msgId === undefined ? {} : { msgId }), failPhones, ...requestId, error };
  }
  return { index: chunk.index, phones: chunk.phones, bid: chunk.bid, status: 'sent', ...(msgId === undefined ? {} : { msgId }), failPhones, ...requestId };
}

function coversAll(failPhones: readonly string[], phones: readonly string[]): boolean {
  const failed = new Set(failPhones);
  return phones.every((phone) => failed.has(phone));
}

/** A request that failed or whose outcome is unknown. */
export function unsentChunk(chunk: { index: number; phones: string[]; bid: string }, thrown: unknown): ChunkResult {
  const error = thrown instanceof SmsError ? thrown : new SmsError({ code: -1, message: thrown instanceof Error ? thrown.message : 'The request failed.', cause: thrown, details: { outcome: 'unknown', attempts: 1 } });
  const status: ChunkStatus = callFailureOf(error)?.outcome === 'unknown' ? 'unknown' : 'failed';
  return { index: chunk.index, phones: chunk.phones, bid: chunk.bid, status, failPhones: [], ...(error.requestId === undefined ? {} : { requestId: error.requestId }), error };
}

/** Every request's outcome, summed up. */
export function aggregate(options: { chunks: ChunkResult[]; invalid: InvalidPhone[]; duplicates: number }): SendResult {
  const { chunks } = options;
  const msgIds: string[] = [];
  const failedPhones: string[] = [];
  const unknownPhones: string[] = [];
  let sent = 0;
  let unknown = 0;
  for (const chunk of chunks) {
    if (chunk.status === 'sent') {
      sent++;
      if (chunk.msgId !== undefined) msgIds.push(chunk.msgId);
      failedPhones.push(...chunk.failPhones);
    } else if (chunk.status === 'failed') {
      failedPhones.push(...chunk.phones);
    } else {
      unknown++;
      unknownPhones.push(...chunk.phones);
    }
  }
  const status =
    sent === chunks.length && failedPhones.length === 0 && options.invalid.length === 0
      ? 'sent'
      : sent > 0
        ? 'partial'
        : unknown > 0
          ? 'unknown'
          : 'failed';
  return { status, chunks, msgIds, failedPhones, unknownPhones, invalid: options.invalid, duplicates: options.duplicates };
}

/**
 * The error a send that sent nothing rejects with: the first unknown request's error when there
 * is one (so that nobody retries blindly), else the first failure's, with the whole result in
 * `details.result`.
 */
export function nothingSentError(result: SendResult): SmsError {
  const first = result.chunks.find((chunk) => chunk.status === 'unknown') ?? result.chunks[0];
  const cause = first?.error ?? new SmsError({ code: -1, message: 'Nothing was sent.' });
  const base = callFailureOf(cause) ?? { outcome: first?.status === 'unknown' ? 'unknown' : 'failed', attempts: 1 };
  const details: SendFailureDetails = { ...base, result };
  const others = result.chunks.length > 1 ? ` (request ${first?.index ?? 0} of ${result.chunks.length}; every request's outcome is in details.result)` : '';
  return new SmsError({
    code: cause.code,
    message: `${cause.message}${others}`,
    hint: cause.hint,
    ...(cause.requestId === undefined ? {} : { requestId: cause.requestId }),
    retryable: cause.retryable,
    cause,
    details,
  });
}

/**
 * The {@link SendResult} an error thrown by `send` or `sendBatch` carries, when it sent nothing;
 * `undefined` for local validation errors (nothing left) and other errors.
 */
export function sendResultOf(error: unknown): SendResult | undefined {
  if (!isSmsError(error) || typeof error.details !== 'object' || error.details === null) return undefined;
  const result = (error.details as { result?: unknown }).result;
  return typeof result === 'object' && result !== null && Array.isArray((result as SendResult).chunks) ? (result as SendResult) : undefined;
}
