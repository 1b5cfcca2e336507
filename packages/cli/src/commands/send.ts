import { sendResultOf, SmsClient, type ChunkResult, type SendResult, type SmsError } from '@smskit/core';
import type { Command } from 'commander';
import { printJson, UsageError, type CliIo } from '../io.js';
import { sendRouted } from './send-routed.js';

/** The environment variables `smskit send` reads; `SMSKIT_BASE_URL` is optional (the platform by default). */
export const SEND_ENV = ['SMSKIT_API_KEY', 'SMSKIT_ACCESS_KEY', 'SMSKIT_BASE_URL'] as const;

const REQUIRED_ENV = ['SMSKIT_API_KEY', 'SMSKIT_ACCESS_KEY'] as const;

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function credentialsFrom(env: CliIo['env']): { apiKey: string; accessKey: string; baseUrl?: string } {
  const missing = REQUIRED_ENV.filter((name) => !env[name]);
  if (missing.length > 0) throw new UsageError(`send needs ${missing.join(' and ')} in the environment`);
  const baseUrl = env.SMSKIT_BASE_URL;
  if (baseUrl) {
    try {
      new URL(baseUrl);
    } catch {
      throw new UsageError(`SMSKIT_BASE_URL "${baseUrl}" is not a URL`);
    }
  }
  // Without SMSKIT_BASE_URL the client's own default applies: the real platform.
  return { apiKey: env.SMSKIT_API_KEY as string, accessKey: env.SMSKIT_ACCESS_KEY as string, ...(baseUrl ? { baseUrl } : {}) };
}

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
  for (const chunk of result.chunks) io.out(`${chunkLine(chunk, result.chunks.length)}\n`);
  if (result.duplicates > 0) io.out(`repeated numbers dropped: ${result.duplicates}\n`);
  if (result.invalid.length > 0) io.out(`malformed numbers skipped: ${listed(result.invalid.map((i) => i.input))}\n`);
  if (result.failedPhones.length > 0) io.out(`not sent: ${listed(result.failedPhones)}\n`);
  if (result.unknownPhones.length > 0) io.out(`outcome unknown: ${listed(result.unknownPhones)}\n`);
  io.out(`${result.status}\n`);
}

/**
 * `smskit send`: sends one template to numbers from the shell through `SmsClient`, with the
 * credentials and base URL from the environment. Exit code 0 when every number was accepted,
 * 1 when some or all were not (or their outcome is unknown), 2 for a usage mistake or an input
 * the platform would refuse (checked locally, nothing sent).
 */
export function registerSend(program: Command, io: CliIo): void {
  program
    .command('send')
    .description('send a template to numbers through the platform (or a sandbox)')
    .option('--config <file>', 'send through the channels of this config file (primary, then backups) instead of one platform')
    .requiredOption('--template <code>', 'the template number (templateCode); with --config, the logical template name')
    .requiredOption('--to <numbers>', 'numbers, comma-separated; repeat the flag for more', collect)
    .option('--param <value>', "a value for the template's next variable, repeat in order; with --config, NAME=VALUE", collect)
    .option('--bid <id>', 'your business id (≤ 64 characters), echoed in receipts')
    .option('--up-extend-code <code>', 'the uplink extension code, 1–99')
    .option('--skip-invalid', 'send the valid numbers and report malformed ones, instead of refusing the send')
    .option('--json', 'print the result as one JSON object')
    .addHelpText('after', `\nReads ${SEND_ENV.join(', ')} from the environment; without SMSKIT_BASE_URL it sends to the platform itself.\nWith --config FILE it reads the channels and templates from FILE instead (secrets as { "env": "VAR" }) and says, per number, which channel took it.`)
    .action(async (opts: { config?: string; template: string; to: string[]; param?: string[]; bid?: string; upExtendCode?: string; skipInvalid?: boolean; json?: boolean }) => {
      const phones = opts.to.flatMap((list) => list.split(/[,，]/u)).map((phone) => phone.trim()).filter((phone) => phone !== '');
      if (phones.length === 0) throw new UsageError('--to names no number');
      if (opts.config !== undefined) return sendRouted({ ...opts, config: opts.config, phones }, io);
      const credentials = credentialsFrom(io.env);
      const client = new SmsClient({ ...credentials, invalidPhones: opts.skipInvalid ? 'skip' : 'reject' });
      let result: SendResult;
      try {
        result = await client.send({
          phones,
          templateCode: opts.template,
          ...(opts.param === undefined ? {} : { params: opts.param }),
          ...(opts.bid === undefined ? {} : { bid: opts.bid }),
          ...(opts.upExtendCode === undefined ? {} : { upExtendCode: opts.upExtendCode }),
        });
      } catch (error) {
        const partial = sendResultOf(error);
        if (!partial) throw error; // a local check: nothing was sent
        result = partial;
      } finally {
        await client.close();
      }
      if (opts.json) printJson(io, sendResultJson(result));
      else printText(io, result);
      if (result.status !== 'sent') process.exitCode = 1;
    });
}
