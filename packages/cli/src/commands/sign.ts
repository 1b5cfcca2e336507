import { isSignMethod, signRequest, SIGN_METHODS, type CanonicalDialect } from '@smskit/core';
import type { Command } from 'commander';
import { accessKeyOf, printJson, readBody, UsageError, withUserBody, type CliIo } from '../io.js';

/** The dialect flag, checked. */
export function parseDialect(value: string | undefined): CanonicalDialect {
  if (value === undefined || value === 'skip-empty' || value === 'keep-empty') return value ?? 'skip-empty';
  throw new UsageError(`--dialect must be skip-empty or keep-empty, not "${value}"`);
}

/** `smskit sign`: prints the canonical string, the signature and the headers of a request. */
export function registerSign(program: Command, io: CliIo): void {
  program
    .command('sign')
    .description('sign a request body: print the canonical string, the signature and the five x- headers')
    .requiredOption('--api-key <key>', 'the apiKey (x-api-key)')
    .option('--access-key <secret>', 'the accessKey to sign with (never printed); or set SMSKIT_ACCESS_KEY, which keeps it out of shell history')
    .option('--method <method>', `one of ${Object.keys(SIGN_METHODS).join(', ')}`, 'HmacSHA256')
    .option('--nonce <digits>', 'a fixed nonce (default: fresh, 15 digits)')
    .option('--timestamp <ms>', 'a fixed 13-digit timestamp (default: now)')
    .option('--dialect <dialect>', 'skip-empty (Python/C#/VB samples) or keep-empty (PHP/Postman)', 'skip-empty')
    .option('--body <json>', 'the JSON body')
    .option('--body-file <file>', 'read the JSON body from a file')
    .option('--json', 'print one JSON object {canonical, sign, headers}')
    .addHelpText('after', '\nWithout --body or --body-file, the body is read from standard input.')
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const method = opts.method as string;
      if (!isSignMethod(method)) throw new UsageError(`unknown --method "${method}"; use one of ${Object.keys(SIGN_METHODS).join(', ')}`);
      let timestamp: number | undefined;
      if (opts.timestamp !== undefined) {
        if (!/^\d{13}$/.test(String(opts.timestamp))) throw new UsageError('--timestamp must be 13 digits of milliseconds');
        timestamp = Number(opts.timestamp);
      }
      if (opts.nonce !== undefined && !/^\d+$/.test(String(opts.nonce))) throw new UsageError('--nonce must be digits');
      const body = await readBody({ body: opts.body as string | undefined, bodyFile: opts.bodyFile as string | undefined }, io);
      const accessKey = accessKeyOf(opts.accessKey, io);
      const dialect = parseDialect(opts.dialect as string | undefined);
      const signed = await withUserBody('signed', () =>
        signRequest({
        apiKey: String(opts.apiKey),
        accessKey,
        body,
        method,
        nonce: opts.nonce as string | undefined,
        timestamp,
        dialect,
        }),
      );
      if (opts.json) {
        printJson(io, { canonical: signed.canonical, sign: signed.sign, headers: signed.headers });
        return;
      }
      io.out(`canonical string:\n  ${signed.canonical}\nsignature:\n  ${signed.sign}\nheaders:\n`);
      for (const [name, value] of Object.entries(signed.headers)) io.out(`  ${name}: ${value}\n`);
    });
}
