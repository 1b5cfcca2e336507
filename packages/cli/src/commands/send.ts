import { sendResultOf, SmsClient, type ChunkResult, type SendCommon, type SendResult, type SmsError } from '@smskit/core';
import type { Command } from 'commander';
import { printJson, UsageError, type CliIo } from '../io.js';
import { credentialsFrom, PLATFORM_ENV } from './credentials.js';
import { progressDisplay } from './progress.js';
import { enqueueSend, redisUrl } from './queue.js';
import { numbersOfFlag, readRecipients, TO_FILE_HINT, type Recipients } from './recipients.js';
import { sendRouted } from './send-routed.js';
import { summaryLine, writeFailedFile } from './send-summary.js';

/** The environment variables `smskit send` reads; `SMSKIT_BASE_URL` is optional (the platform by default). */
export const SEND_ENV = PLATFORM_ENV;

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The flags of `smskit send`, as commander hands them over. */
interface SendFlags {
  config?: string;
  template: string;
  to?: string[];
  toFile?: string;
  param?: string[];
  bid?: string;
  upExtendCode?: string;
  skipInvalid?: boolean;
  json?: boolean;
  progress: boolean;
  failedTo?: string;
  queue?: string;
  sendId?: string;
  prefix: string;
  queueName: string;
  wait?: boolean;
}

/** A bulk send's chunk lines stop being useful past this many requests: then only the ones that did not go well are listed. */
const LIST_EVERY_REQUEST_UP_TO = 20;

function errorJson(error: SmsError): Record<string, unknown> {
  return { code: error.code, message: error.message, hint: error.hint, ...(error.requestId === undefined ? {} : { requestId: error.requestId }) };
}

/** The result as plain JSON: each chunk's error as `{code, message, hint, requestId}`. */
export function sendResultJson(result: SendResult): Record<string, unknown> {
  return {
    ...result,
    chunks: result.chunks.map(({ error, ...chunk }) => (error === undefined ? chunk : { ...chunk, error: errorJson(error) })),
  };
}

function listed(phones: readonly string[]): string {
  const shown = phones.slice(0, 10).join(', ');
  return phones.length > 10 ? `${shown} and ${phones.length - 10} more` : shown;
}

function chunkLine(chunk: ChunkResult, total: number): string {
  const head = `request ${chunk.index + 1}/${total} (${chunk.phones.length} number${chunk.phones.length === 1 ? '' : 's'}, bid ${chunk.bid}):`;
  if (chunk.status === 'sent') return `${head} sent, msgId ${chunk.msgId ?? '(none)'}${chunk.failPhones.length > 0 ? `, not accepted: ${listed(chunk.failPhones)}` : ''}`;
  const error = chunk.error;
  const why = error ? `${error.code} ${error.message}` : '';
  return chunk.status === 'unknown' ? `${head} UNKNOWN — ${why} Check receipts for bid ${chunk.bid} before sending again.` : `${head} failed — ${why}`;
}

function printText(io: CliIo, result: SendResult): void {
  const every = result.chunks.length <= LIST_EVERY_REQUEST_UP_TO;
  for (const chunk of result.chunks) if (every || chunk.status !== 'sent') io.out(`${chunkLine(chunk, result.chunks.length)}\n`);
  if (result.duplicates > 0) io.out(`repeated numbers dropped: ${result.duplicates}\n`);
  if (result.invalid.length > 0) io.out(`malformed numbers skipped: ${listed(result.invalid.map((i) => i.input))}\n`);
  if (result.failedPhones.length > 0) io.out(`not sent: ${listed(result.failedPhones)}\n`);
  if (result.unknownPhones.length > 0) io.out(`outcome unknown: ${listed(result.unknownPhones)}\n`);
  if (result.chunks.length > 1) io.out(`${summaryLine(result)}\n`);
  io.out(`${result.status}\n`);
}

/** Who the send goes to: `--to` or `--to-file`, exactly one of them. */
async function recipientsOf(opts: SendFlags, io: CliIo): Promise<Recipients> {
  if (opts.to !== undefined && opts.toFile !== undefined) throw new UsageError('give the numbers with --to or with --to-file, not both');
  if (opts.toFile !== undefined) {
    const recipients = await readRecipients(opts.toFile, io);
    if (recipients.kind === 'rows' && opts.param !== undefined) throw new UsageError("--to-file's CSV columns give each number its values: drop --param, or give a file of numbers only");
    return recipients;
  }
  if (opts.to === undefined) throw new UsageError(`no numbers: pass --to NUMBERS or --to-file FILE (${TO_FILE_HINT})`);
  const phones = numbersOfFlag(opts.to, io);
  if (phones.length === 0) throw new UsageError('--to names no number');
  return { kind: 'numbers', phones };
}

/** Sends to the recipients with a progress display, resolving with the result even when nothing was sent. */
async function sendTo(recipients: Recipients, options: { client: SmsClient; common: SendCommon & { params?: string[] }; io: CliIo; progress: boolean }): Promise<SendResult> {
  const { client, io } = options;
  const { params, ...common } = options.common;
  const count = recipients.kind === 'numbers' ? recipients.phones.length : recipients.messages.length;
  const display = progressDisplay(options.progress ? io : { ...io, terminal: undefined, err: () => undefined }, count, Math.ceil(count / 1000));
  try {
    return recipients.kind === 'numbers'
      ? await client.send({ ...common, phones: recipients.phones, ...(params === undefined ? {} : { params }), onChunk: display.onChunk })
      : await client.sendBatch({ ...common, messages: recipients.messages, onChunk: display.onChunk });
  } catch (error) {
    const partial = sendResultOf(error);
    if (!partial) throw error; // a local check: nothing was sent
    return partial;
  } finally {
    display.stop();
  }
}

/**
 * `smskit send`: sends one template to numbers from the shell through `SmsClient`, with the
 * credentials and base URL from the environment. The numbers come from `--to`, or for many of
 * them from `--to-file` (a file of numbers, a CSV of numbers and their values, or `-` for
 * standard input); a send of more than 1000 shows its progress on standard error and ends with
 * a summary. Exit code 0 when every number was accepted, 1 when some or all were not (or their
 * outcome is unknown), 2 for a usage mistake or an input the platform would refuse (checked
 * locally, nothing sent).
 */
export function registerSend(program: Command, io: CliIo): void {
  program
    .command('send')
    .description('send a template to numbers through the platform (or a sandbox)')
    .option('--config <file>', 'send through the channels of this config file (primary, then backups) instead of one platform')
    .requiredOption('--template <code>', 'the template number (templateCode); with --config, the logical template name')
    .option('--to <numbers>', 'numbers, comma-separated; repeat the flag for more (for more than a few hundred: --to-file)', collect)
    .option('--to-file <file>', 'numbers one a line, or a CSV: the number, then the values of the template (sent with sendBatch); - reads standard input')
    .option('--param <value>', "a value for the template's next variable, repeat in order; with --config, NAME=VALUE", collect)
    .option('--bid <id>', 'your business id (≤ 64 characters), echoed in receipts')
    .option('--up-extend-code <code>', 'the uplink extension code, 1–99')
    .option('--skip-invalid', 'send the valid numbers and report malformed ones, instead of refusing the send')
    .option('--failed-to <file>', 'write the numbers not sent (CSV rows for a CSV) to this file, ready for --to-file')
    .option('--no-progress', 'no progress on standard error')
    .option('--queue <url>', 'enqueue the send on this Redis (BullMQ) for smskit worker processes, instead of sending it here', redisUrl)
    .option('--send-id <id>', 'with --queue: the send\'s id (letters, digits, _.-); enqueueing the same id again sends nothing twice')
    .option('--prefix <prefix>', "with --queue: what the queue's keys start with", 'smskit')
    .option('--queue-name <name>', "with --queue: the BullMQ queue's name", 'smskit-bulk')
    .option('--wait', 'with --queue: follow the send until the workers are done')
    .option('--json', 'print the result as one JSON object')
    .addHelpText(
      'after',
      `\nReads ${SEND_ENV.join(', ')} from the environment; without SMSKIT_BASE_URL it sends to the platform itself.\n` +
        `Many numbers: ${TO_FILE_HINT}.\n` +
        'With --config FILE it reads the channels and templates from FILE instead (secrets as { "env": "VAR" }) and says, per number, which channel took it.\n' +
        'Progress goes to standard error: a bar on a terminal, else a line per 5%. Numbers whose outcome is unknown are never in --failed-to: check their receipts (smskit receipts --bid) before sending again.',
    )
    .action(async (opts: SendFlags) => {
      const recipients = await recipientsOf(opts, io);
      if (opts.config !== undefined) {
        if (recipients.kind === 'rows') throw new UsageError('with --config, --to-file takes numbers only (one a line): values per number go through the single-platform send (no --config) for now');
        return sendRouted({ ...opts, config: opts.config, phones: recipients.phones }, io);
      }
      if (opts.queue !== undefined) {
        if (recipients.kind === 'rows') throw new UsageError('--queue takes numbers only (one text for all): a CSV of values per number is sent here, without --queue');
        return enqueueSend({ queue: opts.queue, prefix: opts.prefix, queueName: opts.queueName, phones: recipients.phones, template: opts.template, ...(opts.param === undefined ? {} : { params: opts.param }), ...(opts.sendId === undefined ? {} : { sendId: opts.sendId }), ...(opts.wait ? { wait: true } : {}), ...(opts.json ? { json: true } : {}) }, io);
      }
      const credentials = credentialsFrom(io.env, 'send');
      const client = new SmsClient({ ...credentials, invalidPhones: opts.skipInvalid ? 'skip' : 'reject' });
      const common = {
        templateCode: opts.template,
        ...(opts.param === undefined ? {} : { params: opts.param }),
        ...(opts.bid === undefined ? {} : { bid: opts.bid }),
        ...(opts.upExtendCode === undefined ? {} : { upExtendCode: opts.upExtendCode }),
      };
      let result: SendResult;
      try {
        result = await sendTo(recipients, { client, common, io, progress: opts.progress });
      } finally {
        await client.close();
      }
      if (opts.json) printJson(io, sendResultJson(result));
      else printText(io, result);
      if (opts.failedTo !== undefined) await writeFailedFile({ file: opts.failedTo, result, recipients }, io);
      if (result.status !== 'sent') process.exitCode = 1;
    });
}
