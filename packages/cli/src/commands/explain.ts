import { describeCode } from '@smskit/core';
import type { Command } from 'commander';
import { printJson, UsageError, type CliIo } from '../io.js';

/** `smskit explain <code>`: prints the catalogue entry of a platform return code. */
export function registerExplain(program: Command, io: CliIo): void {
  program
    .command('explain')
    .description('explain a platform return code: what it means and how to fix it')
    .argument('<code>', 'the return code, e.g. 2001')
    .option('--json', 'print the catalogue entry as one JSON object')
    .action((codeText: string, opts: { json?: boolean }) => {
      if (!/^-?\d+$/.test(codeText)) throw new UsageError(`"${codeText}" is not a return code (a number such as 2001)`);
      const entry = describeCode(Number(codeText));
      if (opts.json) {
        printJson(io, entry);
        return;
      }
      io.out(
        `${entry.code} ${entry.message}\n` +
          `  ${entry.messageEn}\n` +
          `  retryable: ${entry.retryable ? 'yes' : 'no'}   HTTP status (sandbox/server): ${entry.httpStatus}\n` +
          `  fix: ${entry.hint}\n`,
      );
    });
}
