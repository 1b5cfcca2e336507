import { verifyRequest, type IncomingHeaders } from '@smskit/core';
import type { Command } from 'commander';
import { wholeNumber } from '../options.js';
import { accessKeyOf, parseJsonArgument, printJson, readBody, UsageError, withUserBody, type CliIo } from '../io.js';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Builds the received headers from `--headers JSON` and repeated `--header "name: value"`. */
function parseHeaders(json: string | undefined, lines: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  if (json !== undefined) {
    const value = parseJsonArgument(json, '--headers');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError('--headers must be a JSON object');
    for (const [name, v] of Object.entries(value)) headers[name.toLowerCase()] = String(v);
  }
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new UsageError(`--header "${line}" is not "name: value"`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** `smskit verify`: checks a received request as the platform would, and says which check failed. */
export function registerVerify(program: Command, io: CliIo): void {
  program
    .command('verify')
    .description('verify a received request: says which check failed, and on a bad signature shows the canonical string of each dialect')
    .option('--access-key <secret>', 'the accessKey of the apiKey in the headers (never printed); or set SMSKIT_ACCESS_KEY, which keeps it out of shell history')
    .option('--headers <json>', 'the received headers as a JSON object')
    .option('--header <line>', 'a received header as "name: value" (repeatable)', collect, [])
    .option('--body <json>', 'the received JSON body')
    .option('--body-file <file>', 'read the received JSON body from a file')
    .option('--now <ms>', 'the server clock to check x-timestamp against (default: now)')
    .option('--ignore-clock', 'skip the timestamp check (for requests captured earlier)')
    .option('--tolerance-ms <ms>', 'accepted clock skew in ms', wholeNumber('--tolerance-ms'), 60_000)
    .option('--source-ip <ip>', 'the caller’s address, checked against --allowed-ip')
    .option('--allowed-ip <ip>', 'an allowed address or CIDR range (repeatable)', collect, [])
    .option('--json', 'print the result as one JSON object')
    .action(async (opts: Record<string, unknown>) => {
      const headers: IncomingHeaders = parseHeaders(opts.headers as string | undefined, opts.header as string[]);
      const body = await readBody({ body: opts.body as string | undefined, bodyFile: opts.bodyFile as string | undefined }, io);
      const tolerance = opts.toleranceMs as number;
      const stamp = Number(headers['x-timestamp']);
      const now = opts.ignoreClock && Number.isFinite(stamp) ? stamp : opts.now !== undefined ? Number(opts.now) : Date.now();
      if (!Number.isFinite(now)) throw new UsageError('--now must be milliseconds since the epoch');
      const apiKey = String(headers['x-api-key'] ?? '');
      const allowedIps = opts.allowedIp as string[];
      const accessKey = accessKeyOf(opts.accessKey, io);
      const result = await withUserBody('verified', () =>
        verifyRequest({
        headers,
        body,
        credentials: { [apiKey]: { accessKey, allowedIps } },
        sourceIp: opts.sourceIp as string | undefined,
        toleranceMs: tolerance,
        now: () => now,
        }),
      );
      if (opts.json) printJson(io, result);
      else if (result.ok) io.out(`OK: signed by ${result.apiKey} with ${result.method} (${result.dialect} dialect)\n`);
      else {
        io.out(`FAILED ${result.code} at the ${result.check} check: ${result.reason}\n`);
        if (result.canonical) {
          io.out('The canonical strings this server signed — compare them with what your code signed:\n');
          for (const [dialect, text] of Object.entries(result.canonical)) io.out(`  ${dialect}: ${text}\n`);
        }
      }
      if (!result.ok) process.exitCode = 1;
    });
}
