#!/usr/bin/env node
// Every way out prints a line: a command that ends without a word (as npx does when the command
// line is too long: exit 249, nothing printed) leaves the user nothing to go on.
function fail(error: unknown): void {
  process.stderr.write(`smskit: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
// A reader that went away (`smskit … | head`) is not a failure of the command.
process.stdout.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? process.exit(process.exitCode ?? 0) : fail(error)));

try {
  const { runCli } = await import('./index.js');
  process.exitCode = await runCli(process.argv.slice(2));
} catch (error) {
  fail(error);
}
