import { bodyParser } from '@koa/bodyparser';
import { independentlySigned } from '@smskit/test-support';
import Koa from 'koa';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { platformErrors, receivePushes, verifiedCaller, verifySignature, type ReceivePushesOptions, type VerifySignatureOptions } from '../src/index.js';
import { post, serve } from './serve.js';

// Holes an outside review found (issue 11 §2 a, c, f), each shown over real HTTP.

const API_KEY = 'a963d8ae1093';
const ACCESS_KEY = 'b9935d21-secret-8610e57d7';
const json = { 'content-type': 'application/json' };

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
  vi.restoreAllMocks();
});

async function start(options: { verify?: Partial<VerifySignatureOptions>; pushes?: Partial<ReceivePushesOptions>; proxy?: boolean; parser?: boolean } = {}) {
  const app = new Koa();
  app.proxy = options.proxy ?? false;
  const errors: unknown[] = [];
  app.on('error', (error) => errors.push(error));
  app.use(platformErrors());
  if (options.parser) app.use(bodyParser());
  app.use(receivePushes({ apiKeys: API_KEY, onReceipts: () => {}, dedupeStore: false, ...options.pushes }));
  app.use(verifySignature({ credentials: { [API_KEY]: { accessKey: ACCESS_KEY, allowedIps: ['10.0.0.0/8'] }, open: { accessKey: ACCESS_KEY } }, ...options.verify }));
  app.use((ctx) => {
    // typed through @smskit/koa's module augmentation: no cast
    const state = ctx.state.sms;
    ctx.body = { caller: verifiedCaller(ctx)?.apiKey ?? null, ok: state?.ok ?? null };
  });
  const server = await serve(app);
  closers.push(server.close);
  return { url: server.url, errors };
}

const deepJson = (levels: number) => '{"data":' + '{"a":'.repeat(levels) + '1' + '}'.repeat(levels) + '}';

describe('a body nested 5000 levels deep is 40004, with no stack trace anywhere', () => {
  it.each([false, true])('verifySignature (body parser before it: %s)', async (parser) => {
    const { url, errors } = await start({ parser });
    const consoleError = vi.spyOn(console, 'error');
    const text = deepJson(5000);
    const headers = { ...independentlySigned({ apiKey: 'open', accessKey: ACCESS_KEY, body: {} }), ...json };
    const res = await post(url + '/message/send', { headers, body: text });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 40004, message: expect.stringContaining('nested deeper') });
    expect(res.text).not.toMatch(/ at |RangeError|stack/);
    expect(errors).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('receivePushes', async () => {
    const { url, errors } = await start();
    const res = await post(url + '/sms/push/receipts', { headers: json, body: `{"apiKey":"${API_KEY}","data":[${deepJson(5000)}]}` });
    expect(res).toMatchObject({ status: 400, json: { code: 40004 } });
    expect(errors).toEqual([]);
  });
});

describe('__proto__ is refused at any depth, by one rule for signed requests and pushes', () => {
  it('a push {"apiKey":…,"__proto__":{"x":1},"data":[]} is 40004', async () => {
    const { url } = await start();
    const res = await post(url + '/sms/push/receipts', { headers: json, body: `{"apiKey":"${API_KEY}","__proto__":{"x":1},"data":[]}` });
    expect(res).toMatchObject({ status: 400, json: { code: 40004 } });
  });

  it('a signed request with __proto__ 40 levels down is 40004 (the scan used to stop at 32)', async () => {
    const { url } = await start();
    const text = '{"phones":"13800138000","x":' + '{"a":'.repeat(40) + '{"__proto__":{"admin":true}}' + '}'.repeat(40) + '}';
    const headers = { ...independentlySigned({ apiKey: 'open', accessKey: ACCESS_KEY, body: { phones: '13800138000' } }), ...json };
    expect(await post(url + '/message/send', { headers, body: text })).toMatchObject({ status: 400, json: { code: 40004 } });
  });
});

describe('allowlists cannot be passed with a forged X-Forwarded-For', () => {
  const body = { phones: '13800138000' };
  const forged = { 'x-forwarded-for': '10.1.2.3, 203.0.113.9' };

  it('with app.proxy = true (the old README’s setup), a caller at 127.0.0.1 claiming 10.1.2.3 is refused 2000', async () => {
    const { url } = await start({ proxy: true });
    const headers = { ...independentlySigned({ apiKey: API_KEY, accessKey: ACCESS_KEY, body }), ...json, ...forged };
    expect(await post(url + '/message/send', { headers, body: JSON.stringify(body) })).toMatchObject({ status: 403, json: { code: 2000 } });
  });

  it('behind one trusted proxy, the address that proxy appended (rightmost) is checked, not the leftmost', async () => {
    const { url } = await start({ verify: { trustedProxies: 1 } });
    const refused = { ...independentlySigned({ apiKey: API_KEY, accessKey: ACCESS_KEY, body }), ...json, ...forged };
    expect(await post(url + '/message/send', { headers: refused, body: JSON.stringify(body) })).toMatchObject({ status: 403, json: { code: 2000 } });
    const admitted = { ...independentlySigned({ apiKey: API_KEY, accessKey: ACCESS_KEY, body }), ...json, 'x-forwarded-for': '203.0.113.9, 10.1.2.3' };
    expect(await post(url + '/message/send', { headers: admitted, body: JSON.stringify(body) })).toMatchObject({ status: 200, json: { caller: API_KEY, ok: true } });
  });

  it('receivePushes({ allowedIps }) the same way', async () => {
    const push = JSON.stringify({ apiKey: API_KEY, data: [] });
    const proxied = await start({ proxy: true, pushes: { allowedIps: ['10.0.0.0/8'] } });
    expect(await post(proxied.url + '/sms/push/receipts', { headers: { ...json, ...forged }, body: push })).toMatchObject({ status: 403, json: { code: 2000 } });
    const counted = await start({ pushes: { allowedIps: ['10.0.0.0/8'], trustedProxies: 1 } });
    expect(await post(counted.url + '/sms/push/receipts', { headers: { ...json, ...forged }, body: push })).toMatchObject({ status: 403, json: { code: 2000 } });
    expect(await post(counted.url + '/sms/push/receipts', { headers: { ...json, 'x-forwarded-for': '203.0.113.9, 10.1.2.3' }, body: push })).toMatchObject({ status: 200 });
  });

  it('a proxy count that is not a whole number fails when the middleware is made', () => {
    expect(() => verifySignature({ credentials: {}, trustedProxies: -1 })).toThrow(TypeError);
    expect(() => receivePushes({ apiKeys: 'k', trustedProxies: 0.5 })).toThrow(TypeError);
  });
});
