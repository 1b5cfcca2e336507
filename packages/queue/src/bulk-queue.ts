import { checkPhones, MAX_PHONES_PER_REQUEST, SmsError, type DeliveryReceipt, type SmsClient } from '@smskit/core';
import { Queue, QueueEvents, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { assertPrefix, assertSendId, chunkBid, DEFAULT_QUEUE_NAME, parseBid, sendKeys } from './keys.js';
import { chunkRecordOf, type BulkSendStatus, type ChunkJobData, type ChunkRecord, type RecordedReceipt } from './records.js';
import type { ChunkJobResult } from './bulk-worker.js';
import { RECORD_SCRIPT, SETTLE_SCRIPT } from './scripts.js';

/** Options shared by {@link BulkSendQueue} and {@link BulkSendWorker}. */
export interface BulkQueueOptions {
  /** The ioredis client; BullMQ opens its own blocking connections from it. */
  redis: Redis;
  /** The BullMQ queue's name. @defaultValue `'smskit-bulk'` */
  queueName?: string;
  /** What the send records' keys (and BullMQ's) start with. @defaultValue `'smskit'` */
  prefix?: string;
}

/** What {@link BulkSendQueue.enqueue} takes: one text to any number of numbers. */
export interface BulkSendInput {
  /** Your id for this send: enqueueing the same id again sends nothing twice. */
  sendId: string;
  /** The numbers, as typed; normalised and de-duplicated here, invalid ones left out and reported. */
  phones: readonly string[];
  /** The template. */
  templateCode: string;
  /** One value per template variable. */
  params?: readonly string[];
  /** Numbers per chunk (one platform request each). @defaultValue 1000 */
  chunkSize?: number;
  /** How often a chunk the platform surely did not take (-1, 6000…) is tried again, after the client's own retries. @defaultValue 5 */
  attempts?: number;
}

/** What {@link BulkSendQueue.enqueue} answers. */
export interface EnqueuedSend {
  /** The send. */
  sendId: string;
  /** Its chunks (jobs). */
  chunks: number;
  /** Its valid, distinct numbers. */
  numbers: number;
  /** Repeated numbers left out. */
  duplicates: number;
  /** Entries that are not mainland mobile numbers, left out, with their positions. */
  invalid: { input: string; index: number }[];
}

/** One chunk that ended, as {@link BulkSendQueue.watch} reports it. */
export interface ChunkEndEvent {
  /** The send. */
  sendId: string;
  /** The chunk's bid. */
  bid: string;
  /** How it ended. */
  status: ChunkRecord['status'];
}

const ADD_BATCH = 100;

/**
 * The producer's side of durable bulk sends, on BullMQ: {@link BulkSendQueue.enqueue} splits a
 * send into chunks of at most 1000 numbers, each a job whose id is its business id, so adding
 * the same send twice adds nothing twice; {@link BulkSendWorker}s in any number of processes
 * send them. Results and receipts are recorded in Redis per send and read back here.
 */
export class BulkSendQueue {
  /** The BullMQ queue (for its own tools: counts, pause, drain). */
  readonly queue: Queue<ChunkJobData>;
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly options: BulkQueueOptions;

  constructor(options: BulkQueueOptions) {
    this.options = options;
    this.redis = options.redis;
    this.prefix = assertPrefix(options.prefix ?? 'smskit');
    this.queue = new Queue<ChunkJobData>(options.queueName ?? DEFAULT_QUEUE_NAME, { connection: options.redis, prefix: `${this.prefix}:bull` });
  }

  /**
   * Adds a send: one job per chunk. Adding a send again (after a crash halfway through adding,
   * say) adds only the chunks missing, and a chunk that already ended is never sent again.
   *
   * @throws {@link SmsError} 40004 for a bad sendId or template, no valid number, or a sendId
   *   already used for a different list of numbers.
   */
  async enqueue(input: BulkSendInput): Promise<EnqueuedSend> {
    const sendId = assertSendId(input.sendId);
    if (typeof input.templateCode !== 'string' || input.templateCode === '') throw new SmsError({ code: 40004, message: 'templateCode is required.' });
    const size = input.chunkSize ?? MAX_PHONES_PER_REQUEST;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PHONES_PER_REQUEST) throw new SmsError({ code: 40004, message: `chunkSize must be a whole number from 1 to ${MAX_PHONES_PER_REQUEST}, not ${String(size)}.` });
    const check = checkPhones(input.phones, { max: Number.POSITIVE_INFINITY });
    if (check.phones.length === 0) throw new SmsError({ code: 40004, message: 'No valid mainland mobile number to send to.', details: { invalid: check.invalid } });
    const chunks = Math.ceil(check.phones.length / size);
    const keys = sendKeys(this.prefix, sendId);
    const created = await this.redis.hsetnx(keys.meta, 'numbers', check.phones.length);
    if (created === 0 && Number(await this.redis.hget(keys.meta, 'numbers')) !== check.phones.length) {
      throw new SmsError({ code: 40004, message: `The send "${sendId}" was already enqueued with a different list of numbers.`, hint: 'Give each send its own sendId.' });
    }
    await this.redis.hset(keys.meta, { chunks, createdAt: Date.now() });
    const options: JobsOptions = { attempts: input.attempts ?? 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: false };
    const params = input.params === undefined ? {} : { params: [...input.params] };
    for (let from = 0; from < chunks; from += ADD_BATCH) {
      const jobs = [];
      for (let index = from; index < Math.min(chunks, from + ADD_BATCH); index++) {
        const data: ChunkJobData = { sendId, index, phones: check.phones.slice(index * size, (index + 1) * size), templateCode: input.templateCode, ...params };
        jobs.push({ name: 'chunk', data, opts: { ...options, jobId: chunkBid(sendId, index) } });
      }
      await this.queue.addBulk(jobs);
    }
    return { sendId, chunks, numbers: check.phones.length, duplicates: check.duplicates, invalid: check.invalid.map(({ input: entry, index }) => ({ input: entry, index })) };
  }

  /** Where the send stands; undefined for a send never enqueued. */
  async status(sendId: string): Promise<BulkSendStatus | undefined> {
    const keys = sendKeys(this.prefix, assertSendId(sendId));
    const [meta, counts] = await Promise.all([this.redis.hgetall(keys.meta), this.redis.hgetall(keys.counts)]);
    if (meta.numbers === undefined) return undefined;
    const n = (value: string | undefined) => Number(value ?? 0);
    const ended = { sent: n(counts.sent), failed: n(counts.failed), unknown: n(counts.unknown), cancelled: n(counts.cancelled) };
    const numbers = n(meta.numbers);
    const chunks = n(meta.chunks);
    const chunksDone = n(counts.chunks);
    const state = chunksDone >= chunks ? (meta.cancelled === '1' ? 'cancelled' : 'done') : meta.cancelled === '1' ? 'cancelled' : 'running';
    return { sendId, state, chunks, chunksDone, numbers, counts: { ...ended, pending: numbers - ended.sent - ended.failed - ended.unknown - ended.cancelled } };
  }

  /** Every chunk that ended, in order. */
  async results(sendId: string): Promise<ChunkRecord[]> {
    const raw = await this.redis.hvals(sendKeys(this.prefix, assertSendId(sendId)).results);
    return raw.map(chunkRecordOf).sort((a, b) => a.index - b.index);
  }

  /** The receipts recorded for the send's numbers, by number. */
  async receipts(sendId: string): Promise<Map<string, RecordedReceipt>> {
    const raw = await this.redis.hgetall(sendKeys(this.prefix, assertSendId(sendId)).receipts);
    return new Map(Object.entries(raw).map(([phone, json]) => [phone, JSON.parse(json) as RecordedReceipt]));
  }

  /**
   * Records receipts (pulled or pushed) of bulk sends: each is kept by number, and a chunk whose
   * outcome was `unknown` becomes `sent` once a receipt shows it reached the platform. Receipts
   * of other sends are ignored.
   *
   * @returns how many unknown chunks the receipts settled.
   */
  async recordReceipts(receipts: readonly DeliveryReceipt[]): Promise<number> {
    let settled = 0;
    for (const receipt of receipts) {
      const chunk = receipt.bid === undefined ? undefined : parseBid(receipt.bid);
      if (chunk === undefined || !/^[A-Za-z0-9_.-]{1,50}$/.test(chunk.sendId)) continue;
      const keys = sendKeys(this.prefix, chunk.sendId);
      const recorded: RecordedReceipt = { phone: receipt.tel, msgId: receipt.msgId, status: receipt.status, delivered: receipt.delivered, ...(receipt.arrivedAt ? { at: receipt.arrivedAt.getTime() } : {}) };
      settled += Number(await SETTLE_SCRIPT.run(this.redis, { keys: [keys.results, keys.counts, keys.receipts], args: [receipt.bid as string, receipt.msgId, receipt.tel, JSON.stringify(recorded)] }));
    }
    return settled;
  }

  /**
   * Asks the platform for the receipts of each `unknown` chunk of the send (by its bid) and
   * records them: a chunk that reached the platform becomes `sent`; one without receipts stays
   * `unknown` — never re-sent. Receipt queries are paced by the client (3 a minute by default).
   *
   * @returns how many chunks were settled.
   */
  async settleUnknown(sendId: string, client: SmsClient): Promise<number> {
    let settled = 0;
    for (const chunk of (await this.results(sendId)).filter((record) => record.status === 'unknown')) {
      settled += await this.recordReceipts(await client.queryReceipts({ bid: chunk.bid }));
    }
    return settled;
  }

  /**
   * Cancels a send: chunks not yet taken by a worker are removed and recorded `cancelled`;
   * chunks being sent end as they would.
   *
   * @returns how many chunks were cancelled here.
   */
  async cancel(sendId: string): Promise<number> {
    const keys = sendKeys(this.prefix, assertSendId(sendId));
    await this.redis.hset(keys.meta, 'cancelled', '1');
    const chunks = Number((await this.redis.hget(keys.meta, 'chunks')) ?? 0);
    let cancelled = 0;
    for (let index = 0; index < chunks; index++) {
      const bid = chunkBid(sendId, index);
      const job = await this.queue.getJob(bid);
      // A job a worker holds is locked and stays; the worker sees the flag before sending.
      if (job === undefined || (await this.queue.remove(bid)) !== 1) continue;
      const record: ChunkRecord = { bid, index, status: 'cancelled', phones: job.data.phones, failPhones: [], channel: '', at: Date.now() };
      cancelled += Number(await RECORD_SCRIPT.run(this.redis, { keys: [keys.results, keys.counts], args: [bid, JSON.stringify(record), 0, 0, 0, job.data.phones.length] }));
    }
    return cancelled;
  }

  /**
   * Calls `listener` each time a chunk of the send ends, in any worker (BullMQ's QueueEvents).
   *
   * @returns a function that stops watching.
   */
  async watch(sendId: string, listener: (event: ChunkEndEvent) => void): Promise<() => Promise<void>> {
    const events = new QueueEvents(this.queue.name, { connection: this.options.redis.duplicate(), prefix: `${this.prefix}:bull` });
    const head = `${assertSendId(sendId)}-`;
    events.on('completed', ({ jobId, returnvalue }) => {
      if (!jobId.startsWith(head)) return;
      const value = (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as ChunkJobResult;
      if (value.alreadyRecorded) return;
      try {
        listener({ sendId, bid: jobId, status: value.status });
      } catch {
        // A listener that throws is ignored: the send goes on.
      }
    });
    await events.waitUntilReady();
    return async () => {
      await events.close();
      events.disconnect();
    };
  }

  /** Closes the queue's connections (the ioredis client passed in stays open). */
  async close(): Promise<void> {
    await this.queue.close();
  }
}
