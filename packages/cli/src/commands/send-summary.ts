import { writeFile } from 'node:fs/promises';
import { normalizePhone, type SendResult } from '@smskit/core';
import { stringify } from 'csv-stringify/sync';
import { UsageError, type CliIo } from '../io.js';
import type { Tally } from './progress.js';
import type { Recipients } from './recipients.js';

/** How many numbers of a send ended which way: sent, surely not sent, or unknown. */
export function tallyOf(result: SendResult): Tally & { total: number } {
  const total = result.chunks.reduce((sum, chunk) => sum + chunk.phones.length, 0);
  const failed = result.failedPhones.length;
  const unknown = result.unknownPhones.length;
  return { total, sent: total - failed - unknown, failed, unknown };
}

/** The summary line a send ends with (before its status line). */
export function summaryLine(result: SendResult): string {
  const { total, sent, failed, unknown } = tallyOf(result);
  const skipped = result.invalid.length > 0 ? `, ${result.invalid.length} malformed skipped` : '';
  const repeats = result.duplicates > 0 ? `, ${result.duplicates} repeats dropped` : '';
  return `summary: ${total} number${total === 1 ? '' : 's'} in ${result.chunks.length} request${result.chunks.length === 1 ? '' : 's'}: sent ${sent}, failed ${failed}, unknown ${unknown}${skipped}${repeats}`;
}

/**
 * The lines of `--failed-to FILE`: the numbers surely not sent, in the input's own form (one a
 * line, or the CSV rows with their values and header), so the file can be sent again with
 * `--to-file`. Numbers whose outcome is unknown are left out on purpose: sending them again
 * may send them twice; their receipts say what happened.
 */
export function failedFileText(result: SendResult, recipients: Recipients | undefined): string {
  const failed = new Set(result.failedPhones);
  if (recipients?.kind === 'rows') {
    const rows = recipients.rows.filter(([phone]) => failed.has(normalizePhone(phone) ?? ''));
    return stringify(recipients.header === undefined ? rows : [recipients.header, ...rows]);
  }
  return result.failedPhones.map((phone) => `${phone}\n`).join('');
}

/** Writes `--failed-to FILE` (even when empty, so a script can rely on it existing) and says so. */
export async function writeFailedFile(options: { file: string; result: SendResult; recipients: Recipients | undefined }, io: CliIo): Promise<void> {
  const { file, result, recipients } = options;
  try {
    await writeFile(file, failedFileText(result, recipients), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot write --failed-to ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message} (the send itself is over: ${summaryLine(result)})`);
  }
  io.err(`smskit: ${result.failedPhones.length} number${result.failedPhones.length === 1 ? '' : 's'} not sent written to ${file} (send them again with --to-file ${file})\n`);
}
