/**
 * Importing @smskit/core to sign, verify, explain an error or check a template loads neither
 * the HTTP client (undici) nor the push schemas (zod): they load when first used. Each scenario
 * runs in a fresh Node process whose module resolution is watched by a hook that reports every
 * import of undici or zod (vi.mock cannot see a dependency that vitest loads outside its graph).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const core = pathToFileURL(fileURLToPath(new URL('../src/index.ts', import.meta.url))).href;
const dir = mkdtempSync(join(tmpdir(), 'smskit-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hook = join(dir, 'hook.mjs');
writeFileSync(hook, `export async function resolve(specifier, context, next) {\n  if (specifier === 'undici' || specifier === 'zod') console.log('LOADED ' + specifier);\n  return next(specifier, context);\n}\n`);
const register = join(dir, 'register.mjs');
writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);

/** Runs `code` (an ES module body with `core` imported) and returns the dependencies it loaded, in order. */
function loadedBy(code: string): string[] {
  const script = `import * as core from ${JSON.stringify(core)};\n${code}\nconsole.log('DONE');\n`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--import', pathToFileURL(register).href, '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  expect(run.stderr.replace(/.*ExperimentalWarning.*\n?|.*--trace-warnings.*\n?/g, '')).toBe('');
  expect(run.stdout).toContain('DONE');
  return [...run.stdout.matchAll(/^LOADED (\w+)$/gm)].map((m) => m[1] as string);
}

describe('what importing core loads', () => {
  it('signing, verification, errors and rules load neither undici nor zod', () => {
    const loaded = loadedBy(`
      const body = { phones: '13800138000', templateCode: '1' };
      const { headers } = core.signRequest({ apiKey: 'k', accessKey: 'a'.repeat(32), body });
      const result = await core.verifyRequest({ headers, body, credentials: { k: { accessKey: 'a'.repeat(32) } }, sourceIp: '127.0.0.1', nonceStore: new core.MemoryNonceStore() });
      if (!result.ok) throw new Error('verification failed');
      core.describeCode(2001);
      core.checkTemplate('您的验证码是{code,6}');
      new core.SmsClient({ apiKey: 'k', accessKey: 'a'.repeat(32) });`);
    expect(loaded).toEqual([]);
  }, 90_000);

  it('the first push parsed loads zod (a malformed one still rejects with 40004), not undici', () => {
    const loaded = loadedBy(`
      const error = await core.parseReceiptPush({ apiKey: 'k' }).then(() => undefined, (e) => e);
      if (error?.code !== 40004) throw new Error('expected 40004, got ' + error);`);
    expect(loaded).toEqual(['zod']);
  }, 90_000);

  it("the client's first request loads undici", () => {
    const loaded = loadedBy(`
      const http = await import('node:http');
      const server = http.createServer((_q, s) => { s.setHeader('content-type', 'application/json'); s.end('{"code":200,"message":"OK","data":{},"requestId":"r"}'); });
      await new Promise((r) => server.listen(0, '127.0.0.1', r));
      const client = new core.SmsClient({ apiKey: 'k', accessKey: 'a'.repeat(32), baseUrl: 'http://127.0.0.1:' + server.address().port, retry: false, pacing: false });
      await client.health().catch(() => undefined);
      await client.close();
      server.close();`);
    expect(loaded).toEqual(['undici']);
  }, 90_000);
});
