import { setTimeout as sleep } from 'node:timers/promises';
import { callFailureOf, sendResultOf, SmsError, type ChunkResult, type SmsClient } from '@smskit/core';
import { Worker, type Job } from 'bullmq';
import type { BulkQueueOptions } from './bulk-queue.js';
import { assertPrefix, chunkBid, DEFAULT_QUEUE_NAME, sendKeys, type SendKeys } from './keys.js';
import type { ChunkJobData, ChunkRecord } from './records.js';
import { CLAIM_SCRIPT, RECORD_SCRIPT } from './scripts.js';

/** Options of {@link BulkSendWorker}. */
export interface BulkSendWorkerOptions extends BulkQueueOptions {
  /**
   * Sends the chunks. Give it `pacing.shared` (a `RedisPacerStore`) so every worker, in every
   * process, keeps to the account's rate together.
   */
  client: SmsClient;
  /** The channel's name recorded with each chunk. @defaultValue `'infocloud'` */
  channel?: string;
  /** Chunks sent at once by this worker. @defaultValue 8 */
  concurrency?: number;
  /**
   * How long a worker holds a chunk before others may take it as stalled (its process died), in
   * ms. A chunk taken that way is recorded `unknown`, never sent again. Keep it well above the
   * client's `timeoutMs`. @defaultValue 30 000 (BullMQ's)
   */
  lockDurationMs?: number;
  /** How often stalled chunks are looked for, in ms. @defaultValue `lockDurationMs` */
  stalledIntervalMs?: number;
  /** Told of a recording that had to be tried again (Redis briefly away). */
  onError?: (error: unknown) => void;
}

/** What a chunk's job answers (BullMQ keeps it as the job's return value). */
export interface ChunkJobResult {
  /** How the chunk ended. */
  status: ChunkRecord['status'];
  /** True when the chunk had ended before (the same send enqueued again): nothing was done. */
  alreadyRecorded?: boolean;
}

/**
 * Sends the chunks of bulk sends, as many at once as `concurrency`, in as many processes as you
 * start. Before sending, each chunk is marked started in the same atomic step that checks it
 * is not done or cancelled; a chunk found started — its worker died mid-send — is recorded
 * `unknown` and never sent again, whatever BullMQ's attempts say. Only a chunk the platform
 * surely did not take (the client says `failed` and retryable) goes back to BullMQ for another
 * attempt. `close()` stops taking chunks and waits for those being sent.
 */
export class BulkSendWorker {
  /** The BullMQ worker (for its events: `completed`, `failed`, `error`). */
  readonly worker: Worker<ChunkJobData, ChunkJobResult>;
  private readonly options: BulkSendWorkerOptions;
  private readonly prefix: string;

  constructor(options: BulkSendWorkerOptions) {
    this.options = options;
    this.prefix = assertPrefix(options.prefix ?? 'smskit');
    const lockDuration = options.lockDurationMs ?? 30_000;
    this.worker = new Worker<ChunkJobData, ChunkJobResult>(options.queueName ?? DEFAULT_QUEUE_NAME, (job) => this.process(job), {
      connection: options.redis,
      prefix: `${this.prefix}:bull`,
      concurrency: options.concurrency ?? 8,
      lockDuration,
      stalledInterval: options.stalledIntervalMs ?? lockDuration,
      // A stalled chunk comes back once: the claim then records it unknown instead of sending.
      maxStalledCount: 1,
    });
    this.worker.on('error', (error) => options.onError?.(error));
  }

  /** Resolves once the worker is connected and taking chunks. */
  async ready(): Promise<void> {
    await this.worker.waitUntilReady();
  }

  /** Stops taking chunks and waits for the ones being sent to end and be recorded. */
  async close(): Promise<void> {
    await this.worker.close();
  }

  private async process(job: Job<ChunkJobData, ChunkJobResult>): Promise<ChunkJobResult> {
    const { sendId, index, phones } = job.data;
    const bid = chunkBid(sendId, index);
    const keys = sendKeys(this.prefix, sendId);
    const channel = this.options.channel ?? 'infocloud';
    const base = { bid, index, phones, failPhones: [], channel };
    const claim = (await CLAIM_SCRIPT.run(this.options.redis, { keys: [keys.meta, keys.results, keys.started], args: [bid, Date.now()] })) as string;
    if (claim === 'done') return { status: await this.recordedStatus(keys, bid), alreadyRecorded: true };
    if (claim === 'cancelled') return this.record(keys, { ...base, status: 'cancelled', at: Date.now() });
    if (claim === 'started') {
      return this.record(keys, { ...base, status: 'unknown', reason: 'A worker began sending this chunk and stopped before its answer was recorded; it may have been sent, so it is not sent again.', at: Date.now() });
    }
    const chunk = await this.send(job.data, bid);
    if (chunk.status === 'sent') return this.record(keys, { ...base, status: 'sent', failPhones: chunk.failPhones, ...(chunk.msgId === undefined ? {} : { msgId: chunk.msgId }), at: Date.now() });
    const error = chunk.error ?? new SmsError({ code: -1, message: 'The request failed.' });
    const why = { code: error.code, reason: error.message };
    if (chunk.status === 'unknown') return this.record(keys, { ...base, status: 'unknown', ...why, at: Date.now() });
    const attemptsLeft = job.attemptsMade + 1 < (job.opts.attempts ?? 1);
    if (error.retryable && attemptsLeft) {
      // Surely not sent: unmark it, so the next attempt may send it, and let BullMQ retry.
      await this.options.redis.hdel(keys.started, bid);
      throw error;
    }
    return this.record(keys, { ...base, status: 'failed', ...why, at: Date.now() });
  }

  /** The chunk through the client; a throw becomes the chunk's outcome. */
  private async send(data: ChunkJobData, bid: string): Promise<ChunkResult> {
    try {
      const result = await this.options.client.send({ phones: data.phones, templateCode: data.templateCode, ...(data.params ? { params: data.params } : {}), bid, invalidPhones: 'skip' });
      return result.chunks[0] as ChunkResult;
    } catch (thrown) {
      const chunk = sendResultOf(thrown)?.chunks[0];
      if (chunk) return chunk;
      // Thrown before any request (a local check): nothing was sent.
      const error = thrown instanceof SmsError ? thrown : new SmsError({ code: -1, message: thrown instanceof Error ? thrown.message : 'The send failed.', cause: thrown });
      const outcome = callFailureOf(error)?.outcome === 'unknown' ? 'unknown' : 'failed';
      return { index: data.index, phones: data.phones, bid, status: outcome, failPhones: [], error };
    }
  }

  /** Records the chunk's end, trying again while Redis is briefly away: the outcome is known only here. */
  private async record(keys: SendKeys, record: ChunkRecord): Promise<ChunkJobResult> {
    const refused = new Set(record.failPhones);
    const counts =
      record.status === 'sent'
        ? [record.phones.length - refused.size, refused.size, 0, 0]
        : record.status === 'failed'
          ? [0, record.phones.length, 0, 0]
          : record.status === 'unknown'
            ? [0, 0, record.phones.length, 0]
            : [0, 0, 0, record.phones.length];
    for (let attempt = 1; ; attempt++) {
      try {
        await RECORD_SCRIPT.run(this.options.redis, { keys: [keys.results, keys.counts], args: [record.bid, JSON.stringify(record), ...counts] });
        return { status: record.status };
      } catch (error) {
        this.options.onError?.(error);
        if (attempt >= 10) throw error;
        await sleep(Math.min(200 * 2 ** attempt, 5000));
      }
    }
  }

  private async recordedStatus(keys: SendKeys, bid: string): Promise<ChunkRecord['status']> {
    const raw = await this.options.redis.hget(keys.results, bid);
    return raw === null ? 'unknown' : (JSON.parse(raw) as ChunkRecord).status;
  }
}
