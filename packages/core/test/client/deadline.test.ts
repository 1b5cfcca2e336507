import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { callFailureOf, SmsClient, sendResultOf, type RetryEvent } from '../../src/index.js';
import { rejection } from './recording-platform.js';

/**
 * A real server on 127.0.0.1 that answers the headers at once, then drips one byte of body every
 * `dripMs`, never finishing: a timeout per gap between bytes would never fire on it, only the
 * exchange's overall deadline ends it.
 */
async function drippingServer(dripMs = 200) {
  const open = new Set<{ res: ServerResponse; timer: ReturnType<typeof setInterval> }>();
  let requests = 0;
  let drips = 0;
  const server = createServer((req, res) => {
    requests++;
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{');
    const entry = { res, timer: setInterval(() => (drips++, res.write(' ')), dripMs) };
    open.add(entry);
    res.on('close', () => {
      clearInterval(entry.timer);
      open.delete(entry);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    drips: () => drips,
    /** Answers still dripping (the client hung up on the others). */
    dripping: () => open.size,
    async close() {
      for (const entry of open) clearInterval(entry.timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const servers: Awaited<ReturnType<typeof drippingServer>>[] = [];
const clients: SmsClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setup(options: { timeoutMs: number }) {
  const server = await drippingServer();
  servers.push(server);
  const retries: RetryEvent[] = [];
  const client = new SmsClient({ apiKey: 'k', accessKey: 's', baseUrl: server.url, timeoutMs: options.timeoutMs, pacing: false, retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 }, hooks: { onRetry: (e) => retries.push(e) } });
  clients.push(client);
  return { server, client, retries };
}

describe('every exchange has an overall deadline (timeoutMs), however the answer drips', () => {
  it('a send to a server dripping one byte every 200 ms ends unknown past timeoutMs, never retried', async () => {
    const { server, client, retries } = await setup({ timeoutMs: 1500 });
    const error = await rejection(client.send({ phones: ['13800138000'], templateCode: '1', bid: 'drip-1' }));
    // The server was still dripping when the client gave up: the deadline ended it, not the server.
    expect(server.drips()).toBeGreaterThan(2);
    expect(error).toMatchObject({ code: -1, retryable: false });
    expect(callFailureOf(error)).toMatchObject({ outcome: 'unknown', transport: 'response-timeout', attempts: 1, bid: 'drip-1' });
    expect(sendResultOf(error)).toMatchObject({ status: 'unknown', unknownPhones: ['13800138000'] });
    expect(retries).toHaveLength(0);
    expect(server.requests()).toBe(1);
    // The client hung up: the server's answer stops dripping.
    await expect.poll(() => server.dripping()).toBe(0);
  });

  it('a query past its deadline is retried, then fails -1 (asking again sends nothing)', async () => {
    const { server, client, retries } = await setup({ timeoutMs: 600 });
    const error = await rejection(client.balance());
    expect(callFailureOf(error)).toMatchObject({ outcome: 'failed', transport: 'response-timeout', attempts: 3 });
    expect(retries).toHaveLength(2);
    expect(server.requests()).toBe(3);
  });
});

describe('a per-call AbortSignal', () => {
  it('aborting while the answer drips ends a send unknown, with transport "aborted"', async () => {
    const { server, client } = await setup({ timeoutMs: 60_000 });
    const controller = new AbortController();
    const pending = rejection(client.send({ phones: ['13800138000'], templateCode: '1', signal: controller.signal }));
    await expect.poll(() => server.drips()).toBeGreaterThan(0);
    controller.abort();
    const error = await pending;
    expect(callFailureOf(error)).toMatchObject({ outcome: 'unknown', transport: 'aborted', attempts: 1 });
    expect(server.requests()).toBe(1);
  });

  it('a signal aborted before the call sends nothing and fails', async () => {
    const { server, client } = await setup({ timeoutMs: 60_000 });
    const error = await rejection(client.send({ phones: ['13800138000'], templateCode: '1', signal: AbortSignal.abort() }));
    expect(callFailureOf(error)).toMatchObject({ outcome: 'failed', attempts: 0 });
    expect(sendResultOf(error)?.status).toBe('failed');
    expect(server.requests()).toBe(0);
  });

  it('aborting a call that waits for its turn (pacing) sends nothing', async () => {
    const server = await drippingServer();
    servers.push(server);
    const client = new SmsClient({ apiKey: 'k', accessKey: 's', baseUrl: server.url, pacing: { balance: { max: 1, windowMs: 3_600_000 } }, timeoutMs: 300, retry: false });
    clients.push(client);
    await rejection(client.balance()); // takes the hour's only turn
    const controller = new AbortController();
    const waiting = rejection(client.balance({ signal: controller.signal }));
    controller.abort();
    const error = await waiting;
    expect(error.message).toMatch(/nothing was sent/);
    expect(callFailureOf(error)).toMatchObject({ outcome: 'failed', attempts: 0 });
    expect(server.requests()).toBe(1);
  });

  it('a signal that is not an AbortSignal is a local 40004', async () => {
    const { client } = await setup({ timeoutMs: 1000 });
    const error = await rejection(client.send({ phones: ['13800138000'], templateCode: '1', signal: 'soon' as unknown as AbortSignal }));
    expect(error.code).toBe(40004);
  });
});
