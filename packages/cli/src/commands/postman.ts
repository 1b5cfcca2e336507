import { isSignMethod, SIGN_METHODS } from '@smskit/core';
import { writePostmanFiles } from '@smskit/postman';
import type { Command } from 'commander';
import { UsageError, type CliIo } from '../io.js';

/** `smskit postman`: writes a Postman collection and environment that sign every request. */
export function registerPostman(program: Command, io: CliIo): void {
  program
    .command('postman')
    .description('write a Postman collection (v2.1) and environment whose pre-request script signs every request')
    .requiredOption('--base-url <url>', 'the API origin, e.g. https://opassapi.infocloud.cc or http://127.0.0.1:8080 for the sandbox')
    .option('--out <file>', 'where to write the collection', 'smskit.postman_collection.json')
    .option('--env-out <file>', 'where to write the environment', 'smskit.postman_environment.json')
    .option('--api-key <key>', 'put this apiKey in the environment')
    .option('--access-key <secret>', 'put this accessKey in the environment (marked secret; the file is made owner-readable only)')
    .option('--method <method>', `the sign method, one of ${Object.keys(SIGN_METHODS).join(', ')}`, 'HmacSHA256')
    .option('--template-code <code>', 'the template number the send examples use')
    .action(async (opts: Record<string, string | undefined>) => {
      if (!isSignMethod(opts.method)) throw new UsageError(`unknown --method "${opts.method}"`);
      try {
        new URL(String(opts.baseUrl));
      } catch {
        throw new UsageError(`--base-url "${opts.baseUrl}" is not a URL`);
      }
      const written = await writePostmanFiles({
        baseUrl: String(opts.baseUrl),
        out: opts.out,
        envOut: opts.envOut,
        apiKey: opts.apiKey,
        accessKey: opts.accessKey,
        signMethod: opts.method,
        templateCode: opts.templateCode,
      });
      io.out(`collection:  ${written.collectionPath}\nenvironment: ${written.environmentPath}\n`);
    });
}
