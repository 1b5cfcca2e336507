import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { run } from './run.js';

const PASSWORD = 'hunter2-Sup3rSecret';

describe('a refused value of an option that may hold a secret is never printed', () => {
  it('smskit send --queue with a mistyped URL carrying a password: exit 2, the password nowhere in the output (the real binary)', async () => {
    const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
    const result = await promisify(execFile)(tsx, [bin, 'send', '--template', '100001', '--to', '13800138000', '--queue', `redis//user:${PASSWORD}@cache.internal:6379`], { encoding: 'utf8' }).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^smskit: .*--queue.*redis:\/\//);
    expect(result.stdout + result.stderr).not.toContain(PASSWORD);
  }, 30_000); // a fresh process compiling TypeScript: slow on a loaded machine

  it.each([
    [['worker', '--queue', `http://default:${PASSWORD}@cache.internal`], '--queue'],
    [['send', '--template', '1', '--to', '13800138000', '--queue', `redis:/:${PASSWORD}@h`], '--queue'],
    [['sandbox', '--push-url', `ftp://u:${PASSWORD}@example.test/receipts`], '--push-url'],
    [['sandbox', '--reply-push-url', `hook.example.test/${PASSWORD}`], '--reply-push-url'],
  ])('%j: exit 2, naming %s but not its value', async (argv, flag) => {
    const { code, out, err } = await run(argv);
    expect(code).toBe(2);
    expect(err).toContain(flag);
    expect(err).toMatch(/^smskit: [^\n]+\n$/);
    expect(out + err).not.toContain(PASSWORD);
  });

  it.each([['--access-key'], ['--aliyun-access-key-secret'], ['--tencent-secret-key']])('sandbox %s "" is refused by name (exit 2)', async (flag) => {
    const { code, err } = await run(['sandbox', flag, '']);
    expect(code).toBe(2);
    expect(err).toContain(`${flag} may not be empty`);
  });

  it('a misspelt option written --name=value does not echo the value', async () => {
    const { code, out, err } = await run(['sign', '--api-key', 'k', `--acess-key=${PASSWORD}`, '--body', '{}']);
    expect(code).toBe(2);
    expect(err).toContain("unknown option '--acess-key'");
    expect(out + err).not.toContain(PASSWORD);
  });

  it('options without secrets still say what was wrong with the value', async () => {
    const { code, err } = await run(['sandbox', '--port', 'eighty']);
    expect(code).toBe(2);
    expect(err).toContain('"eighty"');
  });
});
