import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { callFailureOf, sendResultOf, SmsClient, SmsError, type RequestEvent, type RetryEvent } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/index.js';
import { ACCESS_KEY, API_KEY, rejectionOf, sandboxWithClient } from './client-harness.js';

const one = { phones: ['13800138000'], templateCode: '100003' };

describe('every error the sandbox answers reaches the caller as a typed SmsError', () => {
  it.each([
    ['2001 for a wrong accessKey', {}, { accessKey: 'wrong' }, one, 2001],
    ['2001 for a clock two minutes off', {}, { now: () => Date.now() - 120_000 }, one, 2001],
    ['2000 for an IP off the whitelist', { allowedIps: ['10.1.2.3'] }, {}, one, 2000],
    ['60001 for an unknown template', {}, {}, { phones: ['13800138000'], templateCode: '999999' }, 60001],
    ['60003 for a value count the template does not have (no local template text)', {}, {}, { phones: ['13800138000'], templateCode: '100001', params: [] }, 60003],
    ['60004 for a value too long (no local template text)', {}, {}, { phones: ['13800138000'], templateCode: '100001', params: ['1234567'] }, 60004],
    ['40002 when the balance is out', { balance: 0 }, {}, one, 40002],
  ] as const)('%s', async (_name, sandboxOptions, clientOptions, input, code) => {
    const { client } = await sandboxWithClient(sandboxOptions);
    const error = await rejectionOf(client(clientOptions).send(input));
    expect(error).toBeInstanceOf(SmsError);
    expect(error).toMatchObject({ code, retryable: false });
    expect((error as SmsError).requestId).toMatch(/.+/);
    expect(sendResultOf(error)?.chunks[0]?.status).toBe('failed');
  });

  it('40005 when a template’s limit per number and day is passed', async () => {
    const { client } = await sandboxWithClient();
    const c = client();
    await c.send({ phones: ['13800138000'], templateCode: '100004', params: ['张三'] });
    await expect(c.send({ phones: ['13800138000'], templateCode: '100004', params: ['张三'] })).rejects.toMatchObject({ code: 40005 });
  });

  it('6000 past the sandbox’s limit, not waited for when its Retry-After exceeds maxDelayMs', async () => {
    const { client, requestsTo } = await sandboxWithClient({ rateLimits: undefined });
    const c = client({ pacing: false, retry: { retries: 3, minDelayMs: 5, maxDelayMs: 1000 } });
    await c.balance();
    await expect(c.balance()).rejects.toMatchObject({ code: 6000, retryable: true });
    expect(requestsTo('/sms/residueValue/qry')).toHaveLength(2);
  });

  it('the platform’s failPhones land in failedPhones (the sandbox sends the valid numbers)', async () => {
    const { client } = await sandboxWithClient();
    // Skipped locally, so the request holds only valid numbers; the sandbox has nothing to refuse:
    const result = await client({ invalidPhones: 'skip' }).send({ phones: ['13800138000', '1380013800'], templateCode: '100003' });
    expect(result.failedPhones).toEqual([]);
    expect(result.invalid).toEqual([{ input: '1380013800', index: 1, reason: 'length' }]);
  });
});

describe('retries against the sandbox’s injected faults', () => {
  it.each([-1, 60009, 6000])('a send answered %i twice is retried and stored once', async (failCode) => {
    const { sandbox, client } = await sandboxWithClient({ faults: { fail: 2, failCode, path: '/message/send' } });
    const retries: RetryEvent[] = [];
    const result = await client({ hooks: { onRetry: (e) => retries.push(e) } }).send(one);
    expect(result.status).toBe('sent');
    expect(retries.map((r) => r.error.code)).toEqual([failCode, failCode]);
    expect(await sandbox.messages({ phone: '13800138000' })).toHaveLength(1);
  });

  it('a query whose connection was dropped is retried', async () => {
    const { client, requestsTo } = await sandboxWithClient({ faults: { drop: 2, path: '/sms/residueValue/qry' } });
    const retries: RetryEvent[] = [];
    const balance = await client({ hooks: { onRetry: (e) => retries.push(e) } }).balance();
    expect(balance).toHaveLength(3);
    expect(retries.map((r) => callFailureOf(r.error)?.transport)).toEqual(['connection-lost', 'connection-lost']);
    expect(requestsTo('/sms/residueValue/qry').at(-1)?.code).toBe(200);
  });

  it('a send whose connection was dropped is NOT retried: outcome unknown, with its bid', async () => {
    const { sandbox, client } = await sandboxWithClient({ faults: { drop: 1, path: '/message/send' } });
    const requests: RequestEvent[] = [];
    const error = await rejectionOf(client({ hooks: { onRequest: (e) => requests.push(e) } }).send({ ...one, bid: 'dropped-1' }));
    expect(requests).toHaveLength(1);
    expect(error).toMatchObject({ code: -1, retryable: false });
    expect(callFailureOf(error)).toMatchObject({ outcome: 'unknown', transport: 'connection-lost', bid: 'dropped-1' });
    expect(sendResultOf(error)?.unknownPhones).toEqual(['13800138000']);
    expect(await sandbox.messages({ phone: '13800138000' })).toHaveLength(0);
  });

  it('a send that timed out after it was written is not sent twice, and reconciles by bid', async () => {
    const { sandbox, client } = await sandboxWithClient({ faults: { delay: 1, delayMs: 1500, path: '/message/send' } });
    const requests: RequestEvent[] = [];
    const c2 = client({ timeoutMs: 250, hooks: { onRequest: (e) => requests.push(e) } });
    const error = await rejectionOf(c2.send({ ...one, bid: 'slow-1' }));
    expect(requests).toHaveLength(1);
    expect(callFailureOf(error)).toMatchObject({ outcome: 'unknown', transport: 'response-timeout', bid: 'slow-1' });
    expect(sendResultOf(error)?.chunks[0]).toMatchObject({ status: 'unknown', bid: 'slow-1', phones: ['13800138000'] });
    const stored = await sandbox.messages({ phone: '13800138000' });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.bid).toBe('slow-1');
    await sandbox.deliverNow();
    expect((await c2.queryReceipts({ bid: 'slow-1' })).map((r) => [r.tel, r.status])).toEqual([['13800138000', 'DELIVRD']]);
  });

  it('a lost receipts answer loses its receipts: the platform returns each once, so the retry finds none', async () => {
    const { sandbox, client } = await sandboxWithClient({ faults: { delay: 1, delayMs: 1000, path: '/sms/arriveRes/qry' } });
    const c = client({ timeoutMs: 250 });
    await c.send(one);
    await sandbox.deliverNow();
    const retries: RetryEvent[] = [];
    const c2 = client({ timeoutMs: 250, hooks: { onRetry: (e) => retries.push(e) } });
    expect(await c2.queryReceipts()).toEqual([]);
    expect(retries.map((r) => callFailureOf(r.error)?.transport)).toEqual(['response-timeout']);
  });

  it('a send to a platform that refuses connections is retried until it is up, and sent once', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const sandbox = createSandbox({ apiKey: API_KEY, accessKey: ACCESS_KEY, rateLimits: false, deliveryDelayMs: 0 });
    let listening: Promise<{ close(): Promise<void> }> | undefined;
    const retries: RetryEvent[] = [];
    const client = new SmsClient({
      apiKey: API_KEY,
      accessKey: ACCESS_KEY,
      baseUrl: `http://127.0.0.1:${port}`,
      pacing: false,
      retry: { retries: 10, minDelayMs: 20, maxDelayMs: 100 },
      hooks: {
        onRetry: (e) => {
          retries.push(e);
          listening ??= sandbox.listen({ port, host: '127.0.0.1' });
        },
      },
    });
    try {
      const result = await client.send(one);
      expect(result.status).toBe('sent');
      expect(callFailureOf(retries[0]?.error)).toMatchObject({ outcome: 'failed', transport: 'connect-refused' });
      expect(await sandbox.messages({ phone: '13800138000' })).toHaveLength(1);
    } finally {
      await client.close();
      await (await listening)?.close();
    }
  });
});
