/*
 * `smskit send --queue redis://…` (enqueue a bulk send on BullMQ instead of sending it here) and
 * `smskit worker --queue redis://…` (send the queued chunks), on @smskit/queue.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { SmsClient } from '@smskit/core';
import { BulkSendQueue, BulkSendWorker, DEFAULT_QUEUE_NAME, type BulkSendStatus } from '@smskit/queue';
import { RedisPacerStore } from '@smskit/redis';
import { Redis } from 'ioredis';
import { InvalidArgumentError, type Command } from 'commander';
import { printJson, stopRequested, UsageError, type CliIo } from '../io.js';
import { secretValue, wholeNumber } from '../options.js';
import { credentialsFrom, PLATFORM_ENV } from './credentials.js';

/** Where the queue lives, as `--queue`, `--prefix` and `--queue-name` give it. */
export interface QueuePlace {
  queue: string;
  prefix: string;
  queueName: string;
}

/**
 * A redis:// or rediss:// URL with a host, checked. The value may hold a password
 * (redis://:secret@host): neither this message nor commander's (through `secretValue`) repeats it.
 */
export const redisUrl = secretValue((value: string): string => {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !/^rediss?:$/.test(url.protocol) || url.host === '') throw new InvalidArgumentError('--queue takes a redis:// or rediss:// URL (redis://[user:password@]host[:port][/db]).');
  return value;
});

/** How often `--wait` reads where a queued send stands. */
const POLL_MS = 250;

/** Opens Redis without retrying commands forever (BullMQ's workers need `maxRetriesPerRequest: null`). */
async function connect(url: string): Promise<Redis> {
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true, retryStrategy: (times) => (times > 3 ? null : 200 * times) });
  redis.on('error', () => undefined); // reported through the failed command or connect below
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new UsageError(`cannot reach Redis at ${new URL(url).host}: ${(error as Error).message}`);
  }
  return redis;
}

function statusLine(status: BulkSendStatus): string {
  const { sent, failed, unknown, cancelled, pending } = status.counts;
  return `send ${status.sendId}: ${status.state}, ${status.chunksDone}/${status.chunks} chunks; sent ${sent}, failed ${failed}, unknown ${unknown}, cancelled ${cancelled}, pending ${pending}`;
}

/** Reads the send's status until every chunk ended (or the user stops waiting), printing a line as it moves. */
async function waitFor(queue: BulkSendQueue, sendId: string, io: CliIo): Promise<BulkSendStatus | undefined> {
  let shown = -1;
  let status = await queue.status(sendId);
  while (status !== undefined && status.state === 'running' && !io.signal?.aborted) {
    if (status.chunksDone !== shown) io.err(`smskit: progress ${statusLine(status)}\n`);
    shown = status.chunksDone;
    await sleep(POLL_MS);
    status = await queue.status(sendId);
  }
  return status;
}

/**
 * Enqueues a send of one text to `phones` instead of sending it here; with `wait`, follows it
 * until the workers are done. Exit code 0 when enqueued (and, with `wait`, every number sent).
 */
export async function enqueueSend(flags: QueuePlace & { phones: string[]; template: string; params?: string[]; sendId?: string; wait?: boolean; json?: boolean }, io: CliIo): Promise<void> {
  const redis = await connect(flags.queue);
  const queue = new BulkSendQueue({ redis, prefix: flags.prefix, queueName: flags.queueName });
  try {
    // A send id makes enqueueing again harmless; without one a new id is made and printed, to reuse.
    const sendId = flags.sendId ?? randomUUID();
    const enqueued = await queue.enqueue({ sendId, phones: flags.phones, templateCode: flags.template, ...(flags.params === undefined ? {} : { params: flags.params }) });
    const status = flags.wait ? await waitFor(queue, sendId, io) : undefined;
    if (flags.json) printJson(io, { ...enqueued, ...(status === undefined ? {} : { status }) });
    else {
      io.out(`enqueued send ${sendId}: ${enqueued.numbers} numbers in ${enqueued.chunks} chunks${enqueued.duplicates > 0 ? `, ${enqueued.duplicates} repeats dropped` : ''}${enqueued.invalid.length > 0 ? `, ${enqueued.invalid.length} malformed left out` : ''} (enqueueing it again with --send-id ${sendId} sends nothing twice)\n`);
      if (status !== undefined) io.out(`${statusLine(status)}\n`);
    }
    if (status !== undefined && (status.state !== 'done' || status.counts.sent !== status.numbers)) process.exitCode = 1;
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

/**
 * `smskit worker --queue redis://…`: sends the chunks of queued bulk sends through the platform
 * (the account from the environment), paced account-wide through the same Redis, until SIGINT,
 * SIGTERM or `io.signal`; the chunks it holds then end and are recorded before it exits.
 */
export function registerWorker(program: Command, io: CliIo): void {
  program
    .command('worker')
    .description('send the chunks of bulk sends queued with smskit send --queue (BullMQ on Redis); run as many as you like')
    .requiredOption('--queue <url>', 'the Redis of the queue, redis://[user:password@]host:port[/db]', redisUrl)
    .option('--prefix <prefix>', "what the queue's keys start with", 'smskit')
    .option('--queue-name <name>', "the BullMQ queue's name", DEFAULT_QUEUE_NAME)
    .option('--concurrency <n>', 'chunks sent at once by this worker', wholeNumber('--concurrency', { min: 1, max: 256 }), 8)
    .option('--rps <n>', 'requests per second for the whole account, shared by every worker (default: the platform limit)', wholeNumber('--rps', { min: 1, max: 10_000 }))
    .option('--quiet', 'no line per chunk')
    .addHelpText('after', `\nReads ${PLATFORM_ENV.join(', ')} from the environment. Stop it with Ctrl-C or SIGTERM: the chunks it holds end and are recorded first.`)
    .action(async (opts: QueuePlace & { concurrency: number; rps?: number; quiet?: boolean }) => {
      const credentials = credentialsFrom(io.env, 'worker');
      const redis = await connect(opts.queue);
      const client = new SmsClient({
        ...credentials,
        pacing: { ...(opts.rps === undefined ? {} : { requestsPerSecond: opts.rps }), shared: { store: new RedisPacerStore({ redis, keyPrefix: opts.prefix }) } },
      });
      const worker = new BulkSendWorker({ redis, client, prefix: opts.prefix, queueName: opts.queueName, concurrency: opts.concurrency, onError: (error) => io.err(`smskit: worker: ${(error as Error).message}\n`) });
      try {
        if (!opts.quiet) worker.worker.on('completed', (job, result) => io.out(`${JSON.stringify({ chunk: job.id, numbers: job.data.phones.length, status: result.status, ...(result.alreadyRecorded ? { alreadyRecorded: true } : {}) })}\n`));
        await worker.ready();
        io.out(`smskit worker taking chunks from ${opts.queueName} (prefix ${opts.prefix}, concurrency ${opts.concurrency})\n`);
        await stopRequested(io.signal);
      } finally {
        await worker.close();
        await client.close();
        redis.disconnect();
      }
    });
}
