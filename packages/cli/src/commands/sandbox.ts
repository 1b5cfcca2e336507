import { runSandboxCli } from '@smskit/sandbox';
import type { Command } from 'commander';
import type { CliIo } from '../io.js';

/**
 * `smskit sandbox`: the whole platform, locally. Its options are parsed by `@smskit/sandbox`
 * itself (so a programmatic user gets the same parser), hence the pass-through here.
 */
export function registerSandbox(program: Command, io: CliIo): void {
  program
    .command('sandbox')
    .description('run the SMS platform API locally (sends, receipts, statistics, balance, pushes); --help lists its options')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument('[options...]')
    .action(async (args: string[]) => {
      const code = await runSandboxCli(args, { out: (line) => io.out(`${line}\n`), err: (line) => io.err(`${line}\n`) });
      process.exitCode = code;
    });
}
