/**
 * Importing @smskit/core to sign, verify, explain an error or check a template does not load
 * Node's HTTP modules (node:http, node:https: TLS set-up is not free): they load when first used,
 * and undici never (core no longer depends on it). Pushes are checked by hand, so parsing one
 * loads no schema library (zod, which core once depended on for them, is still watched so that it
 * cannot creep back). Each scenario runs in a fresh Node process whose module resolution is
 * watched by a hook that reports every import of those (vi.mock cannot see a dependency that
 * vitest loads outside its graph).
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
writeFileSync(hook, `export async function resolve(specifier, context, next) {\n  if (['undici', 'zod', 'http', 'https', 'node:http', 'node:https'].includes(specifier)) console.log('LOADED ' + specifier);\n  return next(specifier, context);\n}\n`);
const register = join(dir, 'register.mjs');
writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);

/** Runs `code` (an ES module body with `core` imported) and returns the dependencies it loaded, in order. */
function loadedBy(code: string): string[] {
  const script = `import * as core from ${JSON.stringify(core)};\n${code}\nconsole.log('DONE');\n`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--import', pathToFileURL(register).href, '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  expect(run.stderr.replace(/.*ExperimentalWarning.*\n?|.*--trace-warnings.*\n?/g, '')).toBe('');
  expect(run.stdout).toContain('DONE');
  return [...run.stdout.matchAll(/^LOADED (\S+)$/gm)].map((m) => m[1] as string);
}

describe('what importing core loads', () => {
  it('signing, verification, errors and rules load neither the HTTP modules nor zod', () => {
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

  it('parsing pushes, good and malformed, loads neither zod nor the HTTP modules', () => {
    const loaded = loadedBy(`
      const error = await core.parseReceiptPush({ apiKey: 'k' }).then(() => undefined, (e) => e);
      if (error?.code !== 40004) throw new Error('expected 40004, got ' + error);
      const replies = await core.parseReplyPush({ apiKey: 'k', data: [{ srcId: '1', tel: '13800138000', content: 'hi', arriveTime: '2104091735' }] });
      if (replies.length !== 1) throw new Error('expected one reply');`);
    expect(loaded).toEqual([]);
  }, 90_000);

  it("the client's first request loads node:http (node:https for an https baseUrl), never undici", () => {
    // The platform here is a raw TCP server: node:http loaded by the script would hide the client's.
    const loaded = loadedBy(`
      const net = await import('node:net');
      const body = '{"code":200,"message":"OK","data":{},"requestId":"r"}';
      const server = net.createServer((s) => s.once('data', () => s.end('HTTP/1.1 200 OK\\r\\ncontent-type: application/json\\r\\ncontent-length: ' + body.length + '\\r\\nconnection: close\\r\\n\\r\\n' + body)));
      await new Promise((r) => server.listen(0, '127.0.0.1', r));
      const client = new core.SmsClient({ apiKey: 'k', accessKey: 'a'.repeat(32), baseUrl: 'http://127.0.0.1:' + server.address().port, retry: false, pacing: false });
      const health = await client.health();
      if (health.up !== true) throw new Error('unexpected health ' + JSON.stringify(health));
      await client.close();
      const secure = new core.SmsClient({ apiKey: 'k', accessKey: 'a'.repeat(32), baseUrl: 'https://127.0.0.1:' + server.address().port, retry: false, pacing: false, connectTimeoutMs: 200 });
      await secure.health().catch(() => undefined);
      await secure.close();
      server.close();`);
    expect(loaded).toEqual(['node:http', 'node:https']);
  }, 90_000);
});
