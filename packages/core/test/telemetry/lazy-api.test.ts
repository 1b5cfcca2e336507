/**
 * @opentelemetry/api is required on first use, never at import: importing core and signing
 * load none of it; the first verification does (it is installed here), once.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const core = pathToFileURL(fileURLToPath(new URL('../../src/index.ts', import.meta.url))).href;

describe('loading @opentelemetry/api', () => {
  it('does not happen at import or for signing; the first verification loads it', () => {
    const script = `
      import { createRequire } from 'node:module';
      import * as core from ${JSON.stringify(core)};
      const otel = () => Object.keys(createRequire(import.meta.url).cache).filter((path) => path.includes('@opentelemetry')).length;
      const body = { phones: '13800138000', templateCode: '1' };
      const { headers } = core.signRequest({ apiKey: 'k', accessKey: 'a'.repeat(32), body });
      console.log('AFTER_SIGN ' + otel());
      await core.verifyRequest({ headers, body, credentials: { k: { accessKey: 'a'.repeat(32) } } });
      console.log('AFTER_VERIFY ' + otel());`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stdout).toContain('AFTER_SIGN 0');
    expect(Number(/AFTER_VERIFY (\d+)/.exec(run.stdout)?.[1])).toBeGreaterThan(0);
    // A bound on a child process under load (it catches a hang; it times nothing).
  }, 60_000);
});
