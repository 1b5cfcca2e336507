/**
 * `@smskit/queue`: durable bulk SMS sends on BullMQ (Redis). {@link BulkSendQueue} splits a
 * send into chunks of at most 1000 numbers, each a job whose id is its business id;
 * {@link BulkSendWorker}s in any number of processes send them through an `SmsClient`, which
 * paces them account-wide with `@smskit/redis`'s `RedisPacerStore`. A chunk is sent at most
 * once: one whose worker died mid-send is recorded `unknown` until receipts settle it.
 *
 * @packageDocumentation
 */
export { BulkSendQueue, type BulkQueueOptions, type BulkSendInput, type ChunkEndEvent, type EnqueuedSend } from './bulk-queue.js';
export { BulkSendWorker, type BulkSendWorkerOptions, type ChunkJobResult } from './bulk-worker.js';
export { chunkBid, DEFAULT_QUEUE_NAME } from './keys.js';
export type { BulkSendStatus, ChunkJobData, ChunkRecord, ChunkRecordStatus, NumberCounts, RecordedReceipt } from './records.js';
