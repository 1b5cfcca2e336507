import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS } from '../src/index.js';
import { ACCESS_KEY, API_KEY, startSandbox } from './harness.js';
import { independentlySigned } from '@smskit/test-support';

const send = { phones: '13800138000', templateCode: '100003' };

describe('rate limits (6000)', () => {
  it('follows the documented limits by default', () => {
    expect(DEFAULT_RATE_LIMITS).toEqual({
      send: { max: 300, windowMs: 1000 },
      sendBatch: { max: 300, windowMs: 1000 },
      receipts: { max: 3, windowMs: 60_000 },
      statistics: { max: 4, windowMs: 60_000 },
      balance: { max: 1, windowMs: 15_000 },
    });
  });

  it('answers 6000 / 429 with Retry-After past the balance query’s once-per-15-s', async () => {
    const { call, url } = await startSandbox({ rateLimits: undefined });
    expect((await call('/sms/residueValue/qry')).json.code).toBe(200);
    const response = await fetch(url + '/sms/residueValue/qry', { method: 'POST', headers: independentlySigned({ apiKey: API_KEY, accessKey: ACCESS_KEY, body: {} }), body: '{}' });
    expect(response.status).toBe(429);
    expect(((await response.json()) as { code: number }).code).toBe(6000);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('counts receipt queries on both paths together, 3 a minute', async () => {
    const { call } = await startSandbox({ rateLimits: undefined });
    const codes = [];
    for (const path of ['/sms/arriveRes/qry', '/sms/arrive/qry', '/sms/arriveRes/qry', '/sms/arrive/qry']) codes.push((await call(path)).json.code);
    expect(codes).toEqual([200, 200, 200, 6000]);
  });

  it('limits per apiKey and per endpoint, with configurable limits', async () => {
    const { call } = await startSandbox({
      accounts: [{ apiKey: 'a', accessKey: 'sa' }, { apiKey: 'b', accessKey: 'sb' }],
      rateLimits: { send: { max: 2, windowMs: 60_000 } },
    });
    const a = { apiKey: 'a', accessKey: 'sa' };
    expect((await call('/message/send', send, a)).json.code).toBe(200);
    expect((await call('/message/send', send, a)).json.code).toBe(200);
    expect((await call('/message/send', send, a)).json.code).toBe(6000);
    expect((await call('/message/send', send, { apiKey: 'b', accessKey: 'sb' })).json.code).toBe(200);
    expect((await call('/sms/residueValue/qry', {}, a)).json.code).toBe(200);
  });

  it('does not count requests that fail verification', async () => {
    const { call } = await startSandbox({ rateLimits: { balance: { max: 1, windowMs: 60_000 } } });
    expect((await call('/sms/residueValue/qry', {}, { accessKey: 'wrong' })).json.code).toBe(2001);
    expect((await call('/sms/residueValue/qry')).json.code).toBe(200);
  });
});

describe('fault injection (/_sandbox/faults)', () => {
  it('answers -1 to the next N requests without doing anything, then recovers', async () => {
    const { call, admin, sandbox } = await startSandbox();
    expect((await admin('/faults', { fail: 2 })).json.data).toMatchObject({ fail: 2 });
    expect(await call('/message/send', send)).toMatchObject({ status: 503, json: { code: -1 } });
    expect((await call('/message/send', send)).json.code).toBe(-1);
    expect((await call('/message/send', send)).json.code).toBe(200);
    expect(await sandbox.messages({})).toHaveLength(1);
  });

  it('answers another code when asked (60009, transient)', async () => {
    const { call, admin } = await startSandbox();
    await admin('/faults', { fail: 1, failCode: 60009 });
    expect(await call('/message/send', send)).toMatchObject({ status: 423, json: { code: 60009 } });
  });

  it('drops the connection of the next N requests', async () => {
    const { call, admin, sandbox } = await startSandbox();
    await admin('/faults', { drop: 1 });
    await expect(call('/message/send', send)).rejects.toThrow();
    expect(await sandbox.messages({})).toHaveLength(0);
    expect((await call('/message/send', send)).json.code).toBe(200);
  });

  it('delays the answer after carrying the request out, so a client can time out on a sent message', async () => {
    const { url, admin, sandbox } = await startSandbox();
    await admin('/faults', { delay: 1, delayMs: 60_000 });
    const controller = new AbortController();
    const pending = fetch(url + '/message/send', {
      method: 'POST',
      headers: independentlySigned({ apiKey: API_KEY, accessKey: ACCESS_KEY, body: send }),
      body: JSON.stringify(send),
      signal: controller.signal,
    });
    await expect.poll(async () => (await sandbox.messages({})).length, { timeout: 10_000 }).toBe(1);
    controller.abort();
    await expect(pending).rejects.toThrow();
  });

  it('limits faults to one path, and leaves /_sandbox alone', async () => {
    const { call, admin } = await startSandbox();
    await admin('/faults', { fail: 5, path: '/sms/residueValue/qry' });
    expect((await admin('/state')).json.code).toBe(200);
    expect((await call('/message/send', send)).json.code).toBe(200);
    expect((await call('/sms/residueValue/qry')).json.code).toBe(-1);
  });

  it('clears with DELETE, and can be set from the options', async () => {
    const { call, admin } = await startSandbox({ faults: { fail: 3 } });
    expect((await call('/message/send', send)).json.code).toBe(-1);
    expect((await admin('/faults', undefined, 'DELETE')).json.data).toMatchObject({ fail: 0, drop: 0, delay: 0 });
    expect((await call('/message/send', send)).json.code).toBe(200);
  });

  it('refuses an unknown fault field with 40004', async () => {
    const { admin } = await startSandbox();
    expect(await admin('/faults', { explode: 1 })).toMatchObject({ status: 400, json: { code: 40004 } });
  });
});
