import { readFile } from 'node:fs/promises';
import type { BatchMessage } from '@smskit/core';
import { CsvError, parse } from 'csv-parse/sync';
import { UsageError, type CliIo } from '../io.js';

/**
 * Who a send goes to, as read from `--to-file`: a list of numbers (one text for all, through
 * `send`), or rows of a CSV whose columns after the number fill the template's values
 * (different values per number, through `sendBatch`).
 */
export type Recipients =
  | { kind: 'numbers'; phones: string[] }
  | { kind: 'rows'; messages: BatchMessage[]; header: string[] | undefined; rows: string[][] };

/** Past this many numbers in `--to`, the command says `--to-file` is the way (shells stop near 128 KiB). */
export const MANY_NUMBERS = 1000;

/** The hint every "too many for the command line" message carries. */
export const TO_FILE_HINT =
  'for many numbers use --to-file FILE (one number a line, or a CSV) or --to-file - to read them from standard input: ' +
  'a shell refuses a command line past about 128 KiB in one argument ("Argument list too long"), and npx past about 128 KiB in all (exit 249, silently)';

async function textOf(file: string, io: CliIo): Promise<string> {
  if (file === '-') {
    const text = await io.readStdin();
    if (text === undefined) throw new UsageError('--to-file - reads the numbers from standard input, but it is a terminal: pipe or redirect them in (smskit send … --to-file - < numbers.txt)');
    return text;
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --to-file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function rowsOf(text: string, source: string): string[][] {
  try {
    // Every value stays a string: a number's leading zeros and a code's "007" are kept as typed.
    return parse(text, { bom: true, trim: true, skip_empty_lines: true, comment: '#', comment_no_infix: true }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) throw new UsageError(`${source} is not a readable CSV: ${error.message} (every row needs the same number of columns: the number, then one value per template variable)`);
    throw error;
  }
}

/** A first row whose first cell has no digit (`phone`, `手机号`) names the columns; it is not a number. */
function isHeader(row: readonly string[] | undefined): boolean {
  return row !== undefined && !/\d/.test(row[0] ?? '');
}

/**
 * Reads `--to-file FILE` (or `-`, standard input): one number a line, or a CSV of the number
 * followed by the template's values in order, with an optional header row. Lines starting with
 * `#` are comments; blank lines are skipped.
 *
 * @throws {@link UsageError} for an unreadable file, a malformed CSV or a file without numbers.
 */
export async function readRecipients(file: string, io: CliIo): Promise<Recipients> {
  const source = file === '-' ? 'standard input' : `--to-file ${file}`;
  const all = rowsOf(await textOf(file, io), source);
  const header = isHeader(all[0]) ? all[0] : undefined;
  const rows = header === undefined ? all : all.slice(1);
  if (rows.length === 0) throw new UsageError(`${source} names no number`);
  const width = rows[0]?.length ?? 0;
  if (width <= 1) return { kind: 'numbers', phones: rows.map((row) => row[0] ?? '') };
  return { kind: 'rows', messages: rows.map(([phone = '', ...params]) => ({ phone, params })), header, rows };
}

/** The numbers of `--to`, split on commas; with a hint on stderr when there are so many that the shell is the next thing to fail. */
export function numbersOfFlag(values: readonly string[], io: CliIo): string[] {
  const phones = values.flatMap((list) => list.split(/[,，]/u)).map((phone) => phone.trim()).filter((phone) => phone !== '');
  if (phones.length > MANY_NUMBERS) io.err(`smskit: note: ${phones.length} numbers in --to; ${TO_FILE_HINT}\n`);
  return phones;
}
