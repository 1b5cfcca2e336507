import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { independentlySigned } from '@smskit/test-support';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../src/index.js';
import { sandboxOptionsOf, type SandboxFlags } from '../src/commands/sandbox.js';
import { run } from './run.js';

const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

/** Runs `smskit sandbox …` in-process until the test aborts it. */
function startInProcess(args: string[]) {
  const lines: string[] = [];
  let err = '';
  const controller = new AbortController();
  const io: CliIo = { out: (text) => void lines.push(...text.split('\n').filter(Boolean)), err: (text) => void (err += text), readStdin: async () => undefined, env: {}, signal: controller.signal };
  const exit = runCli(['sandbox', ...args], io);
  const url = async () => {
    await expect.poll(() => lines[0], { timeout: 10_000 }).toMatch(/listening on/);
    return /listening on (http:\/\/[^ ]+)/.exec(lines[0] as string)?.[1] as string;
  };
  return { lines, url, stop: () => controller.abort(), exit, err: () => err };
}

describe('smskit sandbox', () => {
  it('prints where it listens once it accepts connections, answers signed calls, and stops cleanly on SIGTERM', async () => {
    const child = spawn(tsx, [bin, 'sandbox', '--port', '0', '--quiet', '--api-key', 'cli-key', '--access-key', 'cli-secret'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const exited = once(child, 'exit');
    await expect.poll(() => out, { timeout: 20_000 }).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] as string;
    const headers = independentlySigned({ apiKey: 'cli-key', accessKey: 'cli-secret', body: {} });
    const response = await fetch(`${url}/sms/residueValue/qry`, { method: 'POST', headers, body: '{}' });
    expect(((await response.json()) as { code: number }).code).toBe(200);
    expect(out).not.toContain('cli-secret');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
  }, 30_000);

  it('takes its options from the one command line parser, logs requests without secrets, and stops on abort', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'smskit-sandbox-'));
    const file = join(dir, 'templates.json');
    await writeFile(file, JSON.stringify([{ code: 'T', signature: '测试', text: '验证码{c,6}' }]));
    const sandbox = startInProcess(['--port', '0', '--api-key', 'K', '--access-key', 'very-secret', '--templates', file, '--delivery-delay', '0', '--balance', '50', '--push-url', 'http://127.0.0.1:9/r', '--allow-ip', '127.0.0.0/8']);
    const url = await sandbox.url();
    expect(sandbox.lines[0]).toMatch(/^smskit sandbox listening on http:\/\/127\.0\.0\.1:\d+ \(apiKey K, 1 template;/);
    expect(sandbox.lines[0]).toContain(`inbox ${url}/_sandbox/inbox`);
    const body = { phones: '13800138000', templateCode: 'T', templateParam: '["654321"]' };
    const headers = independentlySigned({ apiKey: 'K', accessKey: 'very-secret', body });
    expect(((await (await fetch(`${url}/message/send`, { method: 'POST', headers, body: JSON.stringify(body) })).json()) as { code: number }).code).toBe(200);
    const state = ((await (await fetch(`${url}/_sandbox/state`)).json()) as { data: { accounts: { balance: Record<string, number> }[]; push: { receiptUrl?: string } } }).data;
    expect(state.accounts[0]?.balance['推广短信']).toBe(50);
    expect(state.push.receiptUrl).toBe('http://127.0.0.1:9/r');
    sandbox.stop();
    expect(await sandbox.exit).toBe(0);
    expect(JSON.parse(sandbox.lines[1] as string)).toMatchObject({ method: 'POST', path: '/message/send', status: 200, code: 200, apiKey: 'K' });
    const all = sandbox.lines.join('\n');
    expect(all).not.toContain('very-secret');
    expect(all).not.toContain(headers['x-sign']);
    expect(all).not.toContain('654321');
  });

  it('maps every flag onto the sandbox options', () => {
    const flags: SandboxFlags = {
      port: 0, host: '127.0.0.1', apiKey: 'K', accessKey: 'S', allowIp: ['10.0.0.0/8'], allowedHost: ['.test'], balance: 50, clockTolerance: 30, deliveryDelay: 0,
      state: [{ suffix: '4', state: 'UNDELIV' }], pushUrl: 'http://h/r', replyPushUrl: 'http://h/u', pushTimeout: 500, rateLimits: false,
    };
    expect(sandboxOptionsOf(flags)).toEqual({
      apiKey: 'K', accessKey: 'S', allowedIps: ['10.0.0.0/8'], allowedHosts: ['.test'], balance: 50, toleranceMs: 30_000, deliveryDelayMs: 0,
      deliveryRules: [{ suffix: '4', state: 'UNDELIV' }], pushUrl: 'http://h/r', replyPushUrl: 'http://h/u', pushTimeoutMs: 500, rateLimits: false,
    });
  });

  it.each([
    [['--allow-ip', 'foo'], /"foo" is not an IP address or CIDR range/],
    [['--allow-ip', '10.0.0.0/33'], /not an IP address or CIDR range/],
    [['--port', 'abc'], /--port takes a whole number/],
    [['--port', '70000'], /--port takes a whole number from 0 to 65535/],
    [['--state', '4=GONE'], /--state takes DIGITS=STATE/],
    [['--push-url', 'ftp://x'], /--push-url takes an http\(s\) URL/],
    [['--api-key', ''], /--api-key may not be empty/],
    [['--templates', '/nonexistent/t.json'], /cannot use --templates \/nonexistent\/t\.json: ENOENT/],
    [['--bogus'], /unknown option '--bogus'/],
  ])('a usage mistake (%j) exits 2 at start with one line, before listening', async (args, message) => {
    const result = await run(['sandbox', '--port', '0', ...args]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.out).toBe('');
  });

  it('a port already taken exits 1 with one line', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const { port } = taken.address() as AddressInfo;
    try {
      const result = await run(['sandbox', '--port', String(port), '--quiet']);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/cannot listen on 127\.0\.0\.1:\d+: EADDRINUSE/);
      expect(result.err.trim().split('\n')).toHaveLength(1);
    } finally {
      taken.close();
    }
  });

  it('--help documents the options and the control endpoints in the common help format', async () => {
    const result = await run(['sandbox', '--help']);
    expect(result.code).toBe(0);
    for (const option of ['--port', '--host', '--api-key', '--access-key', '--allow-ip', '--allowed-host', '--templates', '--balance', '--clock-tolerance', '--delivery-delay', '--state', '--push-url', '--reply-push-url', '--push-timeout', '--no-rate-limits', '--quiet', '--help']) {
      expect(result.out).toContain(option);
    }
    expect(result.out).toContain('(default: 8787)');
    expect(result.out).toContain('POST /_sandbox/replies');
  });
});

describe('smskit sandbox --backup-port', () => {
  it('runs a second sandbox, the backup channel, with its own state, and both say which channel they play', async () => {
    const sandbox = startInProcess(['--port', '0', '--backup-port', '0', '--quiet', '--api-key', 'K', '--access-key', 'S', '--delivery-delay', '0']);
    await expect.poll(() => sandbox.lines.length, { timeout: 10_000 }).toBe(2);
    expect(sandbox.lines[0]).toMatch(/^smskit sandbox \(channel primary\) listening on http:\/\/127\.0\.0\.1:\d+ /);
    expect(sandbox.lines[1]).toMatch(/^smskit sandbox \(channel backup\) listening on http:\/\/127\.0\.0\.1:\d+ /);
    const [primaryUrl, backupUrl] = sandbox.lines.map((line) => /listening on (http:\/\/[^ ]+)/.exec(line)?.[1] as string);
    expect(primaryUrl).not.toBe(backupUrl);
    const body = { phones: '13800138000', templateCode: '100001', templateParam: '["654321"]' };
    const sent = await fetch(`${backupUrl}/message/send`, { method: 'POST', headers: independentlySigned({ apiKey: 'K', accessKey: 'S', body }), body: JSON.stringify(body) });
    expect(((await sent.json()) as { code: number }).code).toBe(200);
    const stateOf = async (url: string) => ((await (await fetch(`${url}/_sandbox/state`)).json()) as { data: { channel?: string } }).data;
    const messagesOf = async (url: string) => ((await (await fetch(`${url}/_sandbox/messages`)).json()) as { data: unknown[] }).data;
    expect((await stateOf(primaryUrl as string)).channel).toBe('primary');
    expect((await stateOf(backupUrl as string)).channel).toBe('backup');
    expect(await messagesOf(backupUrl as string)).toHaveLength(1);
    expect(await messagesOf(primaryUrl as string)).toHaveLength(0);
    sandbox.stop();
    expect(await sandbox.exit).toBe(0);
    expect(await fetch(`${backupUrl}/_sandbox/state`).then(() => 'answered', () => 'closed')).toBe('closed');
  }, 30_000);

  it('stops the primary again when the backup cannot listen, and exits 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const sandbox = startInProcess(['--port', '0', '--backup-port', String(taken), '--quiet']);
      expect(await sandbox.exit).toBe(1);
      expect(sandbox.err()).toContain(`sandbox cannot listen on 127.0.0.1:${taken}: EADDRINUSE`);
      const primaryUrl = /listening on (http:\/\/[^ ]+)/.exec(sandbox.lines[0] ?? '')?.[1] as string;
      expect(await fetch(`${primaryUrl}/_sandbox/state`).then(() => 'answered', () => 'closed')).toBe('closed');
    } finally {
      blocker.close();
    }
  }, 30_000);
});
