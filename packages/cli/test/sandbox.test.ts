import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { signRequest } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import { run } from './run.js';

const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

describe('smskit sandbox', () => {
  it('prints where it listens once it accepts connections, answers signed calls, and stops cleanly on SIGTERM', async () => {
    const child = spawn(tsx, [bin, 'sandbox', '--port', '0', '--quiet', '--api-key', 'cli-key', '--access-key', 'cli-secret'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) {
          clearInterval(timer);
          resolve(m[1] as string);
        }
      }, 50);
      child.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`sandbox exited early with ${code}: ${out}`));
      });
    });
    const body = {};
    const { headers } = signRequest({ apiKey: 'cli-key', accessKey: 'cli-secret', body });
    const response = await fetch(`${url}/sms/residueValue/qry`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
    expect(((await response.json()) as { code: number }).code).toBe(200);
    expect(out).not.toContain('cli-secret');
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  }, 30_000);

  it('bad options get one line and exit code 2', async () => {
    const result = await run(['sandbox', '--port', 'abc']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--port takes a whole number/);
  });

  it('--help documents the options', async () => {
    const result = await run(['sandbox', '--help']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/--templates <file>/);
    expect(result.out).toMatch(/--push-url <url>/);
  });
});
