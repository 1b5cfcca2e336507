import { describe, expect, it } from 'vitest';
import { ACCESS_KEY, API_KEY, startSandbox } from './harness.js';
import { independentlySigned } from '@smskit/test-support';

const body = { phones: '13800138000', templateCode: '100001', templateParam: '["123456"]' };

describe('signature checks, with the platform codes', () => {
  it.each(['HmacMD5', 'HmacSHA1', 'HmacSHA224', 'HmacSHA256', 'HmacSHA384', 'HmacSHA512'])('accepts %s', async (method) => {
    const { call } = await startSandbox();
    expect((await call('/message/send', body, { method })).json.code).toBe(200);
  });

  it('accepts both canonical dialects when a field is empty', async () => {
    const { call } = await startSandbox();
    const withEmpty = { ...body, bid: '' };
    expect((await call('/message/send', withEmpty, { keepEmpty: false })).json.code).toBe(200);
    expect((await call('/message/send', withEmpty, { keepEmpty: true })).json.code).toBe(200);
  });

  it('accepts the manual’s short nonces (the C# sample draws 5–9 digits)', async () => {
    const { call } = await startSandbox();
    expect((await call('/message/send', body, { nonce: '52433' })).json.code).toBe(200);
  });

  it('answers 2001 for a wrong accessKey, an unknown apiKey and a tampered body', async () => {
    const { call, raw } = await startSandbox();
    expect(await call('/message/send', body, { accessKey: 'wrong' })).toMatchObject({ status: 401, json: { code: 2001 } });
    expect(await call('/message/send', body, { apiKey: 'unknown' })).toMatchObject({ status: 401, json: { code: 2001 } });
    const headers = independentlySigned({ apiKey: API_KEY, accessKey: ACCESS_KEY, body });
    expect(await raw('/message/send', { headers, body: JSON.stringify({ ...body, phones: '13900139000' }) })).toMatchObject({ status: 401, json: { code: 2001 } });
  });

  it('answers 2001 for a clock more than 60 s off, and accepts 59 s', async () => {
    let clock = 1_750_000_000_000;
    const { call } = await startSandbox({ now: () => clock });
    expect((await call('/message/send', body, { timestamp: clock - 61_000 })).json.code).toBe(2001);
    expect((await call('/message/send', body, { timestamp: clock + 61_000 })).json.code).toBe(2001);
    expect((await call('/message/send', body, { timestamp: clock - 59_000 })).json.code).toBe(200);
    clock += 1000;
    expect((await call('/message/send', body, { timestamp: clock + 59_000 })).json.code).toBe(200);
  });

  it('honours a configured clock tolerance', async () => {
    const clock = 1_750_000_000_000;
    const { call } = await startSandbox({ now: () => clock, toleranceMs: 5_000 });
    expect((await call('/message/send', body, { timestamp: clock - 6_000 })).json.code).toBe(2001);
  });

  it('answers 2001 to a replayed request, and does not send twice', async () => {
    const { raw, sandbox } = await startSandbox();
    const headers = independentlySigned({ apiKey: API_KEY, accessKey: ACCESS_KEY, body });
    expect((await raw('/message/send', { headers, body: JSON.stringify(body) })).json.code).toBe(200);
    const replay = await raw('/message/send', { headers, body: JSON.stringify(body) });
    expect(replay).toMatchObject({ status: 401, json: { code: 2001 } });
    expect(replay.json.message).toContain('replay');
    expect(await sandbox.messages({})).toHaveLength(1);
  });

  it('answers 2000 to a caller outside the IP allowlist', async () => {
    const denied = await startSandbox({ allowedIps: ['10.1.0.0/16'] });
    expect(await denied.call('/message/send', body)).toMatchObject({ status: 403, json: { code: 2000 } });
    const allowed = await startSandbox({ allowedIps: ['127.0.0.1'] });
    expect((await allowed.call('/message/send', body)).json.code).toBe(200);
  });

  it('serves several accounts, each with its own key', async () => {
    const { call } = await startSandbox({ accounts: [{ apiKey: 'a', accessKey: 'sa' }, { apiKey: 'b', accessKey: 'sb' }] });
    expect((await call('/message/send', body, { apiKey: 'b', accessKey: 'sb' })).json.code).toBe(200);
    expect((await call('/message/send', body, { apiKey: 'b', accessKey: 'sa' })).json.code).toBe(2001);
  });

  it('signs every endpoint, including the body-less balance query', async () => {
    const { call, raw } = await startSandbox();
    expect((await call('/sms/residueValue/qry', {})).json.code).toBe(200);
    expect(await raw('/sms/residueValue/qry', { headers: { 'content-type': 'application/json' }, body: '{}' })).toMatchObject({ status: 400, json: { code: 40004 } });
  });

  it('leaves /health/info unsigned, as the vendor’s network check calls it', async () => {
    const { raw } = await startSandbox();
    expect((await raw('/health/info/', { headers: { 'content-type': 'application/json;charset=utf-8' } })).json.code).toBe(200);
    expect((await raw('/health/info', { method: 'GET' })).json.code).toBe(200);
  });
});

describe('malformed requests get 4xx and a platform code, never 500', () => {
  const signed = () => independentlySigned({ apiKey: API_KEY, accessKey: ACCESS_KEY, body });
  it.each<[string, () => { headers: Record<string, string>; body?: string; method?: string; path?: string }, number, number]>([
    ['no x- headers', () => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), 400, 40004],
    ['no x-sign', () => ({ headers: { ...signed(), 'x-sign': '' }, body: JSON.stringify(body) }), 400, 40004],
    ['a non-digit nonce', () => ({ headers: { ...signed(), 'x-nonce': 'H95a7XT1h6' }, body: JSON.stringify(body) }), 400, 40004],
    ['a 12-digit timestamp', () => ({ headers: { ...signed(), 'x-timestamp': '175000000000' }, body: JSON.stringify(body) }), 400, 40004],
    ['a body that is not JSON', () => ({ headers: signed(), body: 'phones=13800138000' }), 400, 40004],
    ['a JSON array', () => ({ headers: signed(), body: JSON.stringify([body]) }), 400, 40004],
    ['a JSON number', () => ({ headers: signed(), body: '42' }), 400, 40004],
    ['a __proto__ key', () => ({ headers: signed(), body: '{"phones":"13800138000","__proto__":{"admin":true}}' }), 400, 40004],
    ['a body past the limit', () => ({ headers: signed(), body: JSON.stringify({ phones: '1'.repeat(3 * 1024 * 1024) }) }), 413, 40004],
    ['wrong field types (signed correctly)', () => {
      const odd = { phones: 13800138000, templateCode: 100001 };
      return { headers: independentlySigned({ apiKey: API_KEY, accessKey: ACCESS_KEY, body: odd }), body: JSON.stringify(odd) };
    }, 400, 40004],
    ['a GET on a platform endpoint', () => ({ headers: signed(), method: 'GET' }), 405, 40004],
    ['an unknown path', () => ({ headers: signed(), body: JSON.stringify(body), path: '/message/sendAll' }), 404, 40004],
  ])('%s', async (_name, make, status, code) => {
    const { raw, sandbox } = await startSandbox();
    const request = make();
    const res = await raw(request.path ?? '/message/send', request);
    expect(res).toMatchObject({ status, json: { code } });
    expect(res.json.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await sandbox.messages({})).toHaveLength(0);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
