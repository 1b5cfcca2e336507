import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from './run.js';

const EXAMPLE = ['--api-key', '22a71bfe4f9cab1dbce7e16bd71138c2', '--access-key', '你的密钥', '--nonce', '8052433127', '--timestamp', '1618810991174'];
const EXAMPLE_BODY = '{"phones":"15900582939","templateCode":"580467552590397440"}';
const EXAMPLE_SIGN = 'b0f2b573042da5047bd6543707896c31ad34fab12681a561ed99a9692e1c220f';

describe('smskit sign', () => {
  it('--json prints exactly one JSON object with canonical, sign and headers', async () => {
    const { code, out } = await run(['sign', ...EXAMPLE, '--body', EXAMPLE_BODY, '--json']);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    const parsed = JSON.parse(out) as { canonical: string; sign: string; headers: Record<string, string> };
    expect(parsed.canonical).toBe(
      'phones=15900582939&templateCode=580467552590397440&x-api-key=22a71bfe4f9cab1dbce7e16bd71138c2&x-nonce=8052433127&x-sign-method=HmacSHA256&x-timestamp=1618810991174',
    );
    expect(parsed.sign).toBe(EXAMPLE_SIGN);
    expect(parsed.headers['x-sign']).toBe(EXAMPLE_SIGN);
    expect(Object.keys(parsed)).toEqual(['canonical', 'sign', 'headers']);
  });

  it('takes the access key from SMSKIT_ACCESS_KEY, and says so when there is none', async () => {
    const withoutFlag = EXAMPLE.filter((_, i) => i !== 2 && i !== 3);
    const { out } = await run(['sign', ...withoutFlag, '--body', EXAMPLE_BODY, '--json'], undefined, { SMSKIT_ACCESS_KEY: '你的密钥' });
    expect(JSON.parse(out).sign).toBe(EXAMPLE_SIGN);
    const missing = await run(['sign', ...withoutFlag, '--body', EXAMPLE_BODY]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no access key: pass --access-key or set SMSKIT_ACCESS_KEY/);
  });

  it('reads the body from standard input', async () => {
    const { out } = await run(['sign', ...EXAMPLE, '--json'], EXAMPLE_BODY);
    expect(JSON.parse(out).sign).toBe(EXAMPLE_SIGN);
  });

  it('never prints the access key', async () => {
    const { out, err } = await run(['sign', ...EXAMPLE, '--body', EXAMPLE_BODY]);
    expect(out + err).not.toContain('你的密钥');
  });

  it.each([
    [['sign', '--api-key', 'k', '--access-key', 's', '--body', '{bad'], /--body is not valid JSON/],
    [['sign', '--api-key', 'k', '--access-key', 's', '--body', '[1]'], /must be a JSON object/],
    [['sign', '--api-key', 'k', '--access-key', 's', '--body', '{}', '--method', 'SHA256'], /unknown --method/],
    [['sign', '--api-key', 'k', '--access-key', 's', '--body', '{}', '--timestamp', '1618810991'], /13 digits/],
    [['sign', '--api-key', 'k', '--access-key', 's', '--body', '{}', '--dialect', 'php'], /--dialect must be/],
    [['sign', '--access-key', 's', '--body', '{}'], /required option '--api-key/],
    [['sign', '--api-key', 'k', '--access-key', 's', '--body-file', '/nonexistent/file.json'], /cannot read --body-file/],
    [['frobnicate'], /unknown command/],
  ])('bad input gets one line and exit code 2: %j', async (argv, message) => {
    const { code, err } = await run(argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).not.toMatch(/\n\s+at /);
  });
});

describe('smskit verify', () => {
  async function signedHeaders(body: string, extra: string[] = []) {
    const { out } = await run(['sign', '--api-key', 'k1', '--access-key', 'secret-key', '--body', body, '--json', ...extra]);
    return JSON.stringify((JSON.parse(out) as { headers: Record<string, string> }).headers);
  }

  it('accepts a request signed now', async () => {
    const headers = await signedHeaders(EXAMPLE_BODY);
    const { code, out } = await run(['verify', '--access-key', 'secret-key', '--headers', headers, '--body', EXAMPLE_BODY]);
    expect(code).toBe(0);
    expect(out).toMatch(/^OK: signed by k1 with HmacSHA256/);
  });

  it('on a bad signature shows the canonical string of each dialect, and never the key', async () => {
    const headers = await signedHeaders('{"phones":"13800138000","bid":""}');
    const { code, out } = await run(['verify', '--access-key', 'wrong-key', '--headers', headers, '--body', '{"phones":"13800138000","bid":""}']);
    expect(code).toBe(1);
    expect(out).toMatch(/FAILED 2001 at the signature check/);
    expect(out).toMatch(/skip-empty: phones=13800138000&x-api-key=k1/);
    expect(out).toMatch(/keep-empty: bid=&phones=13800138000&x-api-key=k1/);
    expect(out).not.toContain('wrong-key');
  });

  it('says which check failed: a stale timestamp, unless --ignore-clock', async () => {
    const headers = await signedHeaders(EXAMPLE_BODY, ['--timestamp', '1618810991174']);
    const stale = await run(['verify', '--access-key', 'secret-key', '--headers', headers, '--body', EXAMPLE_BODY, '--json']);
    expect(stale.code).toBe(1);
    expect(JSON.parse(stale.out)).toMatchObject({ ok: false, code: 2001, check: 'timestamp' });
    const ignored = await run(['verify', '--access-key', 'secret-key', '--headers', headers, '--body', EXAMPLE_BODY, '--ignore-clock']);
    expect(ignored.code).toBe(0);
  });

  it('takes headers as repeated --header lines and checks the allowlist', async () => {
    const headers = JSON.parse(await signedHeaders('{}')) as Record<string, string>;
    const lines = Object.entries(headers).flatMap(([k, v]) => ['--header', `${k}: ${v}`]);
    const { code, out } = await run(['verify', '--access-key', 'secret-key', ...lines, '--body', '{}', '--allowed-ip', '10.0.0.0/8', '--source-ip', '192.0.2.1']);
    expect(code).toBe(1);
    expect(out).toMatch(/FAILED 2000 at the ip check/);
  });

  it('a missing header is 40004', async () => {
    const { code, out } = await run(['verify', '--access-key', 's', '--headers', '{"x-api-key":"k"}', '--body', '{}']);
    expect(code).toBe(1);
    expect(out).toMatch(/FAILED 40004 at the headers check: Missing headers: x-sign-method, x-nonce, x-timestamp, x-sign/);
  });
});

describe('smskit explain', () => {
  it('prints the catalogue entry', async () => {
    const { code, out } = await run(['explain', '60003']);
    expect(code).toBe(0);
    expect(out).toMatch(/^60003 短信变量个数和模板变量个数不一样/);
    expect(out).toMatch(/fix: Count the \{name,maxLen\} variables/);
  });

  it('--json prints the entry', async () => {
    const known = await run(['explain', '-1', '--json']);
    expect(known.code).toBe(0);
    expect(JSON.parse(known.out)).toMatchObject({ code: -1, known: true, retryable: true });
  });

  it('a well-formed code the catalogue does not know says so, with what it can say, and exits 1', async () => {
    const unknown = await run(['explain', '424242']);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toMatch(/^424242 is not a code smskit knows/);
    expect(unknown.out).toMatch(/fix: .*requestId/);
    expect(unknown.out).not.toMatch(/retryable: no/); // nothing is known of it, not even that
    const json = await run(['explain', '424242', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ code: 424242, known: false });
  });

  it('a non-number is a usage error', async () => {
    expect((await run(['explain', 'abc'])).code).toBe(2);
  });
});

describe('the installed binary', () => {
  it('exits 2 with one line and no stack trace on bad input', () => {
    const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
    const result = spawnSync(tsx, [bin, 'sign', '--api-key', 'k', '--access-key', 's', '--body', 'not json'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(/^smskit: --body is not valid JSON/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  }, 30_000); // a fresh process compiling TypeScript: slow on a loaded machine
});
