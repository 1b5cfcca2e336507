import { readFile } from 'node:fs/promises';
import { isSmsError } from '@smskit/core';

/** Where a command reads and writes; the real process by default, captured in tests. */
export interface CliIo {
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** Reads all of standard input, or `undefined` when it is a terminal. */
  readStdin(): Promise<string | undefined>;
  /** Environment variables. */
  env: Readonly<Record<string, string | undefined>>;
  /** Stops a long-running command (`smskit sandbox`) when aborted; SIGINT and SIGTERM always do. */
  signal?: AbortSignal;
  /**
   * A terminal to draw progress bars on (standard error, when it is one). Without it, long
   * commands print their progress as plain lines through `err`, which logs and pipes keep.
   */
  terminal?: NodeJS.WritableStream;
}

/** The process's own streams. */
export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readStdin: async () => {
    if (process.stdin.isTTY) return undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  env: process.env,
  // A getter: whether stderr is a terminal is asked when a command runs, not at import.
  get terminal() {
    return process.stderr.isTTY ? process.stderr : undefined;
  },
};

/**
 * A mistake in how the command was called (bad flag, invalid JSON…): printed as one line,
 * exit code 2, never a stack trace.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Parses JSON given on the command line, naming the flag when it is not valid JSON. */
export function parseJsonArgument(text: string, flag: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(`${flag} is nested too deeply to read`);
    throw new UsageError(`${flag} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Runs a signing or verifying step on a body the user gave, turning "this body cannot be
 * signed" (core's 40004, or the stack running out on a body nested thousands deep) into a
 * usage mistake: one line and exit code 2, never a stack-overflow message.
 */
export async function withUserBody<T>(what: string, step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(`the body cannot be ${what}: it is nested too deeply (send flat parameters)`);
    if (isSmsError(error) && error.code === 40004) throw new UsageError(`the body cannot be ${what}: ${error.message}`);
    throw error;
  }
}

/** The request body from `--body`, `--body-file` or standard input, as a JSON object. */
export async function readBody(options: { body?: string; bodyFile?: string }, io: CliIo): Promise<Record<string, unknown>> {
  let text: string | undefined;
  let source = '--body';
  if (options.body !== undefined) text = options.body;
  else if (options.bodyFile !== undefined) {
    source = '--body-file';
    try {
      text = await readFile(options.bodyFile, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read --body-file ${options.bodyFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  } else {
    source = 'standard input';
    text = await io.readStdin();
    if (text === undefined) throw new UsageError('no body: pass --body JSON, --body-file FILE, or pipe the JSON body on standard input');
  }
  if (text.trim() === '') return {};
  const value = parseJsonArgument(text, source);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`${source} must be a JSON object of body parameters`);
  }
  return value as Record<string, unknown>;
}

/** Writes a value as one line of JSON. */
export function printJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value)}\n`);
}

/** The accessKey from `--access-key`, else from `SMSKIT_ACCESS_KEY` (kept out of shell history). */
export function accessKeyOf(flag: unknown, io: CliIo): string {
  const key = typeof flag === 'string' && flag !== '' ? flag : io.env.SMSKIT_ACCESS_KEY;
  if (!key) throw new UsageError('no access key: pass --access-key or set SMSKIT_ACCESS_KEY');
  return key;
}

/**
 * Resolves when SIGINT, SIGTERM or `signal` (the tests' way) asks a long-running command — the
 * sandbox, a queue worker — to stop.
 */
export function stopRequested(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop);
  });
}
