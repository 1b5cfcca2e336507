import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from './run.js';

describe('smskit postman', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'smskit-postman-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a v2.1 collection and an environment with the base URL, never printing the key', async () => {
    const out = join(dir, 'c.json');
    const envOut = join(dir, 'e.json');
    const result = await run(['postman', '--base-url', 'http://127.0.0.1:8080', '--out', out, '--env-out', envOut, '--api-key', 'k1', '--access-key', 'sekrit-key']);
    expect(result.code).toBe(0);
    expect(result.out + result.err).not.toContain('sekrit-key');
    const collection = JSON.parse(await readFile(out, 'utf8')) as { info: { schema: string } };
    expect(collection.info.schema).toMatch(/v2\.1\.0/);
    const environment = JSON.parse(await readFile(envOut, 'utf8')) as { values: { key: string; value: string; type?: string }[] };
    expect(environment.values).toContainEqual(expect.objectContaining({ key: 'baseUrl', value: 'http://127.0.0.1:8080' }));
    expect(environment.values).toContainEqual(expect.objectContaining({ key: 'accessKey', type: 'secret' }));
    expect((await stat(envOut)).mode & 0o077).toBe(0);
  });

  it('a bad base URL is a usage error', async () => {
    const result = await run(['postman', '--base-url', 'not a url', '--out', join(dir, 'c.json')]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--base-url "not a url" is not a URL/);
  });
});
