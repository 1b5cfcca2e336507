import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postman from 'postman-collection';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCollection, generateEnvironment, writePostmanFiles, type PostmanEnvironment } from '../src/index.js';

const { VariableScope } = postman;

function valuesOf(environment: PostmanEnvironment) {
  return Object.fromEntries(environment.values.map((value) => [value.key, value]));
}

describe('generateEnvironment', () => {
  it('holds baseUrl, apiKey, accessKey (secret) and signMethod', () => {
    const environment = generateEnvironment({ baseUrl: 'http://127.0.0.1:4010/', apiKey: 'a963d8f00e1ae1093', accessKey: 'b9935d21c0c0a1b2c3d48610e57d7', signMethod: 'HmacMD5' });
    expect(environment._postman_variable_scope).toBe('environment');
    expect(environment.values).toEqual([
      { key: 'baseUrl', value: 'http://127.0.0.1:4010', type: 'default', enabled: true },
      { key: 'apiKey', value: 'a963d8f00e1ae1093', type: 'default', enabled: true },
      { key: 'accessKey', value: 'b9935d21c0c0a1b2c3d48610e57d7', type: 'secret', enabled: true },
      { key: 'signMethod', value: 'HmacMD5', type: 'default', enabled: true },
    ]);
  });

  it('leaves the keys empty unless given, and signs with HmacSHA256 by default', () => {
    const values = valuesOf(generateEnvironment({ baseUrl: 'https://opassapi.infocloud.cc' }));
    expect(values.apiKey?.value).toBe('');
    expect(values.accessKey).toEqual({ key: 'accessKey', value: '', type: 'secret', enabled: true });
    expect(values.signMethod?.value).toBe('HmacSHA256');
  });

  it('is read by the postman-collection SDK as a variable scope', () => {
    const scope = new VariableScope(generateEnvironment({ baseUrl: 'https://opassapi.infocloud.cc', apiKey: 'k1' }) as never);
    expect(scope.get('baseUrl')).toBe('https://opassapi.infocloud.cc');
    expect(scope.get('apiKey')).toBe('k1');
  });

  it('has a stable id per name', () => {
    expect(generateEnvironment({ baseUrl: 'http://a.test' }).id).toBe(generateEnvironment({ baseUrl: 'http://b.test' }).id);
    expect(generateEnvironment({ baseUrl: 'http://a.test', name: 'staging' }).id).not.toBe(generateEnvironment({ baseUrl: 'http://a.test' }).id);
  });

  it('rejects a baseUrl that is not http(s) and an unknown sign method', () => {
    expect(() => generateEnvironment({ baseUrl: 'ftp://example.com' })).toThrow(/not http or https/);
    expect(() => generateEnvironment({ baseUrl: 'http://a.test', signMethod: 'SHA256' as never })).toThrow(/Unsupported sign method/);
  });
});

describe('writePostmanFiles (smskit postman)', () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'smskit-postman-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('writes the collection and the environment as JSON, at the paths asked for', async () => {
    const dir = await tempDir();
    const written = await writePostmanFiles({ baseUrl: 'http://127.0.0.1:4010', out: join(dir, 'c.json'), envOut: join(dir, 'e.json') });
    expect(written).toEqual({ collectionPath: join(dir, 'c.json'), environmentPath: join(dir, 'e.json') });
    expect(JSON.parse(await readFile(written.collectionPath, 'utf8'))).toEqual(generateCollection({ baseUrl: 'http://127.0.0.1:4010' }));
    expect(JSON.parse(await readFile(written.environmentPath, 'utf8'))).toEqual(generateEnvironment({ baseUrl: 'http://127.0.0.1:4010' }));
  });

  it('makes an environment file that holds the accessKey readable by its owner only', async () => {
    const dir = await tempDir();
    const written = await writePostmanFiles({ baseUrl: 'http://127.0.0.1:4010', out: join(dir, 'c.json'), envOut: join(dir, 'e.json'), apiKey: 'k1', accessKey: 'secret-value' });
    expect((await stat(written.environmentPath)).mode & 0o777).toBe(0o600);
    expect(await readFile(written.collectionPath, 'utf8')).not.toContain('secret-value');
  });

  it('writes nothing for a bad baseUrl', async () => {
    const dir = await tempDir();
    await expect(writePostmanFiles({ baseUrl: 'nope', out: join(dir, 'c.json'), envOut: join(dir, 'e.json') })).rejects.toThrow(/not an absolute URL/);
    await expect(stat(join(dir, 'c.json'))).rejects.toThrow();
  });
});
