import { SmsError } from '@smskit/core';

/** The BullMQ queue's default name. */
export const DEFAULT_QUEUE_NAME = 'smskit-bulk';

/** The keys of one send's records. One hash tag per send: its scripts touch only its own keys. */
export interface SendKeys {
  /** Hash: chunks, numbers, createdAt, cancelled. */
  meta: string;
  /** Hash: bid → recorded chunk (JSON). */
  results: string;
  /** Hash: bid → when a worker began sending it. */
  started: string;
  /** Hash: numbers by outcome, and chunks ended. */
  counts: string;
  /** Hash: number → its receipt (JSON). */
  receipts: string;
}

/** The keys of `sendId` under `prefix`. */
export function sendKeys(prefix: string, sendId: string): SendKeys {
  const head = `{${prefix}:bulk:${sendId}}:`;
  return { meta: `${head}meta`, results: `${head}results`, started: `${head}started`, counts: `${head}counts`, receipts: `${head}receipts` };
}

/** A chunk's business id, which is also its job id. */
export function chunkBid(sendId: string, index: number): string {
  return `${sendId}-${index}`;
}

/** The send and the chunk a bid names, or undefined when it is not one of ours. */
export function parseBid(bid: string): { sendId: string; index: number } | undefined {
  const match = /^(.+)-(\d+)$/.exec(bid);
  return match ? { sendId: match[1] as string, index: Number(match[2]) } : undefined;
}

/**
 * Checks a send id: it becomes part of every chunk's bid (≤ 64 characters at the platform) and
 * job id (BullMQ forbids `:`), so letters, digits, `_`, `.` and `-`, at most 50.
 *
 * @throws {@link SmsError} 40004 otherwise.
 */
export function assertSendId(sendId: unknown): string {
  if (typeof sendId !== 'string' || !/^[A-Za-z0-9_.-]{1,50}$/.test(sendId)) {
    throw new SmsError({ code: 40004, message: `sendId must be 1–50 letters, digits, "_", "." or "-", not ${JSON.stringify(sendId)}.`, hint: 'It becomes part of each chunk\'s bid, which the platform caps at 64 characters.' });
  }
  return sendId;
}

/** Checks a key prefix (the records add their own hash tags). */
export function assertPrefix(prefix: string): string {
  if (prefix === '' || /[{}:]/.test(prefix)) throw new RangeError('prefix must be non-empty and hold no braces or colons.');
  return prefix;
}
