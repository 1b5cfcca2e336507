import { describeCode } from '@smskit/core';
import type { Command } from 'commander';
import { printJson, UsageError, type CliIo } from '../io.js';

/** `smskit explain <code>`: prints the catalogue entry of a platform return code; exit code 1 when there is none. */
export function registerExplain(program: Command, io: CliIo): void {
  program
    .command('explain')
    .description('explain a platform return code: what it means and how to fix it (exit 1 for a code smskit does not know)')
    .argument('<code>', 'the return code, e.g. 2001')
    .option('--json', 'print the catalogue entry as one JSON object')
    .action((codeText: string, opts: { json?: boolean }) => {
      // Platform codes are short integers; a longer run of digits would become Infinity or lose digits.
      if (!/^-?\d{1,9}$/.test(codeText)) throw new UsageError(`"${codeText.length > 24 ? `${codeText.slice(0, 20)}…` : codeText}" is not a return code (a whole number of at most 9 digits, such as 2001)`);
      const entry = describeCode(Number(codeText));
      // A code the catalogue does not know is a failed look-up (exit 1), as a failed check is:
      // a script asking "what is 424242" must not read success.
      if (!entry.known) process.exitCode = 1;
      if (opts.json) {
        printJson(io, entry);
        return;
      }
      if (!entry.known) {
        io.out(`${entry.code} is not a code smskit knows: it is not in the catalogue of the platform's return codes.\n  fix: ${entry.hint}\n`);
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
