import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { run } from './run.js';

const COMMANDS = ['sign', 'verify', 'explain', 'check-template', 'segments', 'postman', 'send', 'sandbox'];

describe('smskit, the program', () => {
  it('alone prints its help on stdout and exits 0', async () => {
    const result = await run([]);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^Usage: smskit \[options\] \[command\]/);
    for (const command of COMMANDS) expect(result.out).toContain(command);
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) expect(await run([flag])).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });

  it('every command has help in one format: commander’s, with defaults as (default: …)', async () => {
    for (const command of COMMANDS) {
      const result = await run([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.out).toMatch(new RegExp(`^Usage: smskit ${command} `));
      expect(result.out).not.toMatch(/\[default:/);
    }
    expect((await run(['verify', '--help'])).out).toContain('(default: 60000)');
  });

  it("answers its exit code without leaving it on the caller's process", async () => {
    const before = process.exitCode;
    try {
      process.exitCode = undefined;
      expect((await run(['explain', '424242'])).code).toBe(1);
      expect(process.exitCode).toBeUndefined();
    } finally {
      process.exitCode = before;
    }
  });

  it('an unknown command is a usage mistake: one line, exit 2', async () => {
    const result = await run(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toContain("unknown command 'frobnicate'");
  });
});

describe('usage mistakes exit 2 with one clear line', () => {
  it('explain with a number too long to be a code (400 digits) says so, never Infinity', async () => {
    const result = await run(['explain', '9'.repeat(400)]);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).not.toContain('Infinity');
    expect(result.err).toMatch(/is not a return code/);
    expect(result.err.length).toBeLessThan(200);
  });

  it('sign with a body nested 5,000 deep says the body cannot be signed, never a stack overflow', async () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const result = await run(['sign', '--api-key', 'k', '--access-key', 's', '--body', deep]);
    expect(result.code).toBe(2);
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toMatch(/the body cannot be signed/);
    expect(result.err).not.toMatch(/Maximum call stack/);
  });
});
