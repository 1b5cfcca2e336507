import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSandboxArgs, runSandboxCli, SANDBOX_HELP, type RunningSandbox } from '../src/index.js';
import { independentlySigned } from '@smskit/test-support';

describe('parseSandboxArgs', () => {
  it('reads every option', () => {
    const command = parseSandboxArgs([
      '--port', '0', '--host', '127.0.0.1', '--api-key', 'K', '--access-key', 'S', '--allow-ip', '127.0.0.1', '--allow-ip', '10.0.0.0/8',
      '--balance', '50', '--clock-tolerance', '30', '--delivery-delay', '0', '--state', '4=UNDELIV', '--state', '9=PENDING',
      '--push-url', 'http://127.0.0.1:1/r', '--reply-push-url', 'http://127.0.0.1:1/u', '--push-timeout', '500', '--no-rate-limits', '--quiet',
    ]);
    expect(command).toMatchObject({
      help: false,
      port: 0,
      quiet: true,
      options: {
        apiKey: 'K',
        accessKey: 'S',
        allowedIps: ['127.0.0.1', '10.0.0.0/8'],
        balance: 50,
        toleranceMs: 30_000,
        deliveryDelayMs: 0,
        deliveryRules: [{ suffix: '4', state: 'UNDELIV' }, { suffix: '9', state: 'PENDING' }],
        pushUrl: 'http://127.0.0.1:1/r',
        replyPushUrl: 'http://127.0.0.1:1/u',
        pushTimeoutMs: 500,
        rateLimits: false,
      },
    });
  });

  it('has defaults', () => {
    expect(parseSandboxArgs([])).toMatchObject({ help: false, port: 8787, host: '127.0.0.1', options: { toleranceMs: 60_000, deliveryDelayMs: 2000 } });
  });

  it.each([['--port', 'x'], ['--state', '4=GONE'], ['--push-url', 'ftp://x'], ['--bogus'], ['--api-key', '']])('refuses %s %s', (...args) => {
    expect(() => parseSandboxArgs(args)).toThrow();
  });

  it('documents every option in --help', () => {
    for (const option of ['--port', '--host', '--api-key', '--access-key', '--allow-ip', '--templates', '--balance', '--clock-tolerance', '--delivery-delay', '--state', '--push-url', '--reply-push-url', '--push-timeout', '--no-rate-limits', '--quiet', '--help']) {
      expect(SANDBOX_HELP).toContain(option);
    }
  });
});

describe('runSandboxCli', () => {
  it('prints one line once it listens, logs requests without secrets, and stops cleanly', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'smskit-sandbox-'));
    const file = join(dir, 'templates.json');
    await writeFile(file, JSON.stringify([{ code: 'T', signature: '测试', text: '验证码{c,6}' }]));
    const lines: string[] = [];
    const controller = new AbortController();
    let running: RunningSandbox | undefined;
    const exit = runSandboxCli(['--port', '0', '--api-key', 'K', '--access-key', 'very-secret', '--templates', file, '--delivery-delay', '0'], {
      out: (line) => lines.push(line),
      err: (line) => lines.push(line),
      signal: controller.signal,
      onListening: (r) => (running = r),
    });
    await expect.poll(() => running, { timeout: 10_000 }).toBeDefined();
    expect(lines[0]).toMatch(/^smskit sandbox listening on http:\/\/127\.0\.0\.1:\d+ \(apiKey K, 1 template;/);
    expect(lines[0]).toContain(`inbox ${running!.url}/_sandbox/inbox`);
    const body = { phones: '13800138000', templateCode: 'T', templateParam: '["654321"]' };
    const headers = independentlySigned({ apiKey: 'K', accessKey: 'very-secret', body });
    const response = await fetch(`${running!.url}/message/send`, { method: 'POST', headers, body: JSON.stringify(body) });
    expect(((await response.json()) as { code: number }).code).toBe(200);
    controller.abort();
    expect(await exit).toBe(0);
    const log = JSON.parse(lines[1]!) as Record<string, unknown>;
    expect(log).toMatchObject({ method: 'POST', path: '/message/send', status: 200, code: 200, apiKey: 'K' });
    const all = lines.join('\n');
    expect(all).not.toContain('very-secret');
    expect(all).not.toContain(headers['x-sign']);
    expect(all).not.toContain('654321');
  });

  it('prints help and exits 0; exits 2 on a bad option; 1 when templates are unreadable', async () => {
    const out: string[] = [];
    expect(await runSandboxCli(['--help'], { out: (l) => out.push(l) })).toBe(0);
    expect(out.join('')).toContain('Usage: smskit sandbox');
    const err: string[] = [];
    expect(await runSandboxCli(['--nope'], { err: (l) => err.push(l) })).toBe(2);
    expect(err.join('')).toContain('--help');
    expect(await runSandboxCli(['--templates', '/nonexistent/t.json', '--port', '0'], { err: (l) => err.push(l) })).toBe(1);
  });
});
