import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isSmsError, verifyRequest } from '@smskit/core';
import { Command, CommanderError } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { registerSend } from '../src/commands/send.js';
import { UsageError, type CliIo } from '../src/io.js';

const API_KEY = 'cli-key';
const ACCESS_KEY = 'cli-secret-不要外传';

interface Seen {
  path: string;
  body: Record<string, unknown>;
  signed: boolean;
}

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  servers = [];
});

/** A stand-in for the platform: verifies signatures with core, answers by template code. */
async function platform(): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  let msgId = 1000;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      void (async () => {
        const body = JSON.parse(raw || '{}') as Record<string, unknown>;
        const verdict = await verifyRequest({ headers: req.headers, body, credentials: { [API_KEY]: { accessKey: ACCESS_KEY } } });
        seen.push({ path: req.url ?? '', body, signed: verdict.ok });
        const answer =
          body.templateCode === 'broke'
            ? { code: 40002, message: '余额不足', requestId: 'r-broke' }
            : { code: 200, message: 'OK', data: { msgId: String(++msgId), desc: null }, requestId: `r-${msgId}` };
        res.writeHead(answer.code === 200 ? 200 : 402, { 'content-type': 'application/json', connection: 'close' });
        res.end(JSON.stringify(answer));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** Runs `smskit send …` in-process, mapping failures to exit codes as the CLI's runCli does. */
async function send(argv: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t), readStdin: async () => undefined, env };
  const program = new Command('smskit').exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined });
  registerSend(program, io);
  const previous = process.exitCode;
  process.exitCode = undefined;
  try {
    await program.parseAsync(['send', ...argv], { from: 'user' });
    return { code: typeof process.exitCode === 'number' ? process.exitCode : 0, out, err };
  } catch (error) {
    if (error instanceof UsageError || error instanceof CommanderError) err += `smskit: ${error.message}\n`;
    else if (isSmsError(error)) err += `smskit: ${error.code} ${error.message} — ${error.hint}\n`;
    else throw error;
    return { code: 2, out, err };
  } finally {
    process.exitCode = previous;
  }
}

const env = (url: string) => ({ SMSKIT_API_KEY: API_KEY, SMSKIT_ACCESS_KEY: ACCESS_KEY, SMSKIT_BASE_URL: url });

describe('smskit send', () => {
  it('--json prints the aggregated result as one JSON object, after a signed request in the wire format', async () => {
    const { url, seen } = await platform();
    const { code, out, err } = await send(['--template', '100002', '--to', '13800138000,+86 139 0013 9000', '--param', '张三', '--param', 'SO-1', '--bid', 'b-1', '--json'], env(url));
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(out)).toMatchObject({ status: 'sent', msgIds: ['1001'], failedPhones: [], chunks: [{ index: 0, status: 'sent', bid: 'b-1', phones: ['13800138000', '13900139000'] }] });
    expect(seen).toEqual([{ path: '/message/send', signed: true, body: { phones: '13800138000,13900139000', templateCode: '100002', templateParam: '["张三","SO-1"]', bid: 'b-1' } }]);
  });

  it('prints a line per request and the status, exit 0', async () => {
    const { url } = await platform();
    const { code, out } = await send(['--template', '100003', '--to', '13800138000', '--to', '13900139000'], env(url));
    expect(code).toBe(0);
    expect(out).toMatch(/^request 1\/1 \(2 numbers, bid .+\): sent, msgId 1001\nsent\n$/);
  });

  it('exit 1 with the platform’s code when nothing was accepted (JSON still printed)', async () => {
    const { url } = await platform();
    const { code, out } = await send(['--template', 'broke', '--to', '13800138000', '--json'], env(url));
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ status: 'failed', failedPhones: ['13800138000'], chunks: [{ status: 'failed', error: { code: 40002, requestId: 'r-broke' } }] });
  });

  it('exit 2 naming every missing variable, nothing sent', async () => {
    const { url, seen } = await platform();
    const { code, err } = await send(['--template', '100003', '--to', '13800138000'], { SMSKIT_BASE_URL: url });
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('SMSKIT_API_KEY and SMSKIT_ACCESS_KEY');
    expect(seen).toHaveLength(0);
  });

  it('needs no SMSKIT_BASE_URL: the client then aims at the platform itself', async () => {
    // A malformed number stops the send locally, so nothing leaves this machine; what matters
    // is that the missing base URL is not what refuses it.
    const { code, err } = await send(['--template', '100003', '--to', '1234'], { SMSKIT_API_KEY: API_KEY, SMSKIT_ACCESS_KEY: ACCESS_KEY });
    expect(code).toBe(2);
    expect(err).not.toContain('SMSKIT_BASE_URL');
    expect(err).toMatch(/60007 .*"1234"/);
  });

  it('exit 2 for a malformed number (60007, checked locally), nothing sent; --skip-invalid sends the rest', async () => {
    const { url, seen } = await platform();
    const refused = await send(['--template', '100003', '--to', '13800138000,1234'], env(url));
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/60007 .*"1234"/);
    expect(seen).toHaveLength(0);
    const skipped = await send(['--template', '100003', '--to', '13800138000,1234', '--skip-invalid'], env(url));
    expect(skipped.code).toBe(1); // partial: one number was not sent
    expect(skipped.out).toContain('malformed numbers skipped: 1234');
    expect(seen.map((s) => s.body.phones)).toEqual(['13800138000']);
  });

  it('never prints the access key', async () => {
    const { url } = await platform();
    const { out, err } = await send(['--template', 'broke', '--to', '13800138000'], env(url));
    expect(out + err).not.toContain(ACCESS_KEY);
  });
});
