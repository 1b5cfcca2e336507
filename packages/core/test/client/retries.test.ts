import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { callFailureOf, SmsClient, SmsError, type RetryEvent } from '../../src/index.js';
import { ACCESS_KEY, API_KEY, failed, recordingPlatform, sent } from './recording-platform.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('retries on the codes the catalogue marks retryable', () => {
  it.each([-1, 6000, 60009])('retries a send answered %i, with a fresh nonce each time, and succeeds', async (code) => {
    const platform = await recordingPlatform((_, n) => (n < 3 ? failed(code, 'try later', 503) : sent('m1')));
    const retries: RetryEvent[] = [];
    const result = await platform.client({ hooks: { onRetry: (e) => retries.push(e) } }).send({ phones: ['13800138000'], templateCode: '1', bid: 'b1' });
    expect(result.status).toBe('sent');
    expect(platform.requests).toHaveLength(3);
    expect(new Set(platform.requests.map((r) => r.headers['x-nonce'])).size).toBe(3);
    expect(platform.requests.every((r) => r.signed && r.body.bid === 'b1')).toBe(true);
    expect(retries.map((r) => [r.attempt, r.error.code])).toEqual([[1, code], [2, code]]);
  });

  it('gives up after `retries` and rejects with the last code', async () => {
    const platform = await recordingPlatform(() => failed(-1, 'busy', 503));
    const error = await platform.client({ retry: { retries: 1, minDelayMs: 1, maxDelayMs: 2 } }).balance().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: -1, retryable: true });
    expect(platform.requests).toHaveLength(2);
  });

  it('never retries a code that is not retryable', async () => {
    const platform = await recordingPlatform(() => failed(60001, 'no template'));
    await expect(platform.client().send({ phones: ['13800138000'], templateCode: '1' })).rejects.toMatchObject({ code: 60001 });
    expect(platform.requests).toHaveLength(1);
  });

  it('does not wait for a Retry-After longer than maxDelayMs: the 6000 is returned at once', async () => {
    const platform = await recordingPlatform(() => ({ ...failed(6000, 'slow down', 429), headers: { 'retry-after': '60' } }));
    const client = platform.client({ retry: { retries: 3, minDelayMs: 1, maxDelayMs: 5 } });
    await expect(client.statistics({ startDate: '2024-01-01', endDate: '2024-01-02' })).rejects.toMatchObject({ code: 6000 });
    expect(platform.requests).toHaveLength(1);
  });

  it('retry: false makes one attempt', async () => {
    const platform = await recordingPlatform(() => failed(-1, 'busy', 503));
    await expect(platform.client({ retry: false }).balance()).rejects.toMatchObject({ code: -1 });
    expect(platform.requests).toHaveLength(1);
  });
});

describe('connection failures that prove the request never left', () => {
  it('retries a send on ECONNREFUSED and reports it failed (not unknown) when the platform never comes', async () => {
    const port = await freePort();
    const retries: RetryEvent[] = [];
    const client = new SmsClient({ apiKey: API_KEY, accessKey: ACCESS_KEY, baseUrl: `http://127.0.0.1:${port}`, pacing: false, retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 }, hooks: { onRetry: (e) => retries.push(e) } });
    try {
      const error = (await client.send({ phones: ['13800138000'], templateCode: '1' }).catch((e: unknown) => e)) as SmsError;
      expect(error).toBeInstanceOf(SmsError);
      expect(callFailureOf(error)).toMatchObject({ outcome: 'failed', transport: 'connect-refused', attempts: 3 });
      expect(error.retryable).toBe(true);
      expect(retries).toHaveLength(2);
    } finally {
      await client.close();
    }
  });
});

describe('observability never leaks a secret', () => {
  it('hooks see each step; the logger sees no accessKey, no signature, and masked numbers', async () => {
    const platform = await recordingPlatform((_, n) => (n === 1 ? failed(-1, 'busy: 13800138000 rejected', 503) : sent('m1')));
    const lines: string[] = [];
    const write = (message: string, fields: Record<string, unknown>) => void lines.push(`${message} ${JSON.stringify(fields)}`);
    const seen: string[] = [];
    const client = platform.client({
      logger: { debug: write, warn: write, error: write },
      hooks: { onRequest: () => seen.push('request'), onResponse: (e) => seen.push(`response ${e.code}`), onRetry: () => seen.push('retry') },
    });
    await client.send({ phones: ['13800138000'], templateCode: '1' });
    expect(seen).toEqual(['request', 'response -1', 'retry', 'request', 'response 200']);
    const log = lines.join('\n');
    expect(log).toContain('138****8000');
    expect(log).not.toContain('13800138000');
    expect(log).not.toContain(ACCESS_KEY);
    for (const request of platform.requests) expect(log).not.toContain(String(request.headers['x-sign']));
  });

  it('a hook that throws changes nothing', async () => {
    const platform = await recordingPlatform();
    const client = platform.client({ hooks: { onRequest: () => { throw new Error('boom'); } } });
    await expect(client.send({ phones: ['13800138000'], templateCode: '1' })).resolves.toMatchObject({ status: 'sent' });
  });
});

describe('client options', () => {
  it.each([
    ['an empty apiKey', { apiKey: '' }],
    ['an empty accessKey', { accessKey: '' }],
    ['a baseUrl that is not http(s)', { baseUrl: 'ftp://x' }],
    ['an unknown sign method', { signMethod: 'HmacSHA3' }],
    ['a concurrency of 0', { concurrency: 0 }],
    ['negative retries', { retry: { retries: -1 } }],
  ])('rejects %s with 40004', (_name, options) => {
    expect(() => new SmsClient({ apiKey: API_KEY, accessKey: ACCESS_KEY, ...(options as object) })).toThrow(expect.objectContaining({ code: 40004 }));
  });

  it('keeps a path prefix of the baseUrl', async () => {
    const platform = await recordingPlatform();
    const client = new SmsClient({ apiKey: API_KEY, accessKey: ACCESS_KEY, baseUrl: `${platform.url}/sms-proxy/`, pacing: false });
    try {
      await client.balance().catch(() => undefined);
      expect(platform.requests[0]?.path).toBe('/sms-proxy/sms/residueValue/qry');
    } finally {
      await client.close();
    }
  });

  it('a closed client refuses calls', async () => {
    const platform = await recordingPlatform();
    const client = platform.client();
    await client.close();
    await expect(client.send({ phones: ['13800138000'], templateCode: '1' })).rejects.toMatchObject({ code: -1, retryable: false });
    expect(platform.requests).toHaveLength(0);
  });
});
