/**
 * `smskit`: the command line of smskit — sign and verify requests, explain return codes,
 * check templates and count segments.
 *
 * @packageDocumentation
 */
import { isSmsError } from '@smskit/core';
import { Command, CommanderError } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { registerChannels } from './commands/channels.js';
import { registerExplain } from './commands/explain.js';
import { registerPostman } from './commands/postman.js';
import { registerQueries } from './commands/queries.js';
import { registerWorker } from './commands/queue.js';
import { registerRules } from './commands/rules.js';
import { registerSandbox } from './commands/sandbox.js';
import { registerSend } from './commands/send.js';
import { registerSign } from './commands/sign.js';
import { registerVerify } from './commands/verify.js';
import { processIo, UsageError, type CliIo } from './io.js';

export { processIo, UsageError, type CliIo } from './io.js';

/** Builds the `smskit` program, writing to `io`. */
export function createProgram(io: CliIo = processIo): Command {
  const program = new Command('smskit')
    .description('smskit: sign, verify and test requests to the HMAC-signed SMS platform API')
    .version(packageJson.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for the command')
    .addHelpCommand('help [command]', 'show help for a command')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text), outputError: () => undefined });
  registerSign(program, io);
  registerVerify(program, io);
  registerExplain(program, io);
  registerRules(program, io);
  registerPostman(program, io);
  registerSend(program, io);
  registerSandbox(program, io);
  registerQueries(program, io);
  registerWorker(program, io);
  registerChannels(program, io);
  return program;
}

/**
 * commander's message without its `error: ` prefix, and without the value of a misspelt
 * `--name=value` option (commander quotes the whole word, and `--acess-key=…` holds a secret).
 * Refused values of the options that may hold one never reach here: see `secretValue`.
 */
function commanderMessage(error: CommanderError): string {
  const message = error.message.replace(/^error: /, '');
  const misspelt = error.code === 'commander.unknownOption' ? /^unknown option '(--?[^=']*)=/.exec(message) : null;
  return misspelt ? `unknown option '${misspelt[1]}' (its value is not shown: it may hold a secret)` : message;
}

/**
 * Runs `smskit` with `argv` (without the node and script names) and resolves the exit code:
 * 0 success, 1 a check failed, 2 a usage mistake. Errors are printed as one line, never as a
 * stack trace.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const previous = process.exitCode;
  process.exitCode = undefined;
  try {
    const program = createProgram(io);
    if (argv.length === 0) {
      // Asking for nothing is asking what there is: help on stdout, success.
      io.out(program.helpInformation());
      return 0;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      io.err(`smskit: ${commanderMessage(error)}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.err(`smskit: ${error.message}\n`);
      return 2;
    }
    if (isSmsError(error)) {
      io.err(`smskit: ${error.code} ${error.message} — ${error.hint}\n`);
      return 2;
    }
    io.err(`smskit: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  } finally {
    // The caller's exit code as it was: a failed check is this function's answer, not the process's.
    process.exitCode = previous;
  }
}
