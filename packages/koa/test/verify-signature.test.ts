import { gzipSync } from 'node:zlib';
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { platformErrors, verifySignature, type VerifySignatureOptions } from '../src/index.js';
import { independentlySigned } from '@smskit/test-support';
import { post, serve, UUID } from './serve.js';

const API_KEY = 'a963d8ae1093';
const ACCESS_KEY = 'b9935d21-secret-8610e57d7';
const body = { phones: '13800138000,13900139000', templateCode: '574277763210051584', templateParam: '["你好","02"]' };

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

type Parser = 'none' | 'bodyparser';

async function start(options: Partial<VerifySignatureOptions> = {}, parser: Parser = 'none') {
  const app = new Koa();
  app.silent = true;
  app.use(platformErrors());
  if (parser === 'bodyparser') app.use(bodyParser());
  app.use(verifySignature({ credentials: { [API_KEY]: { accessKey: ACCESS_KEY } }, ...options }));
  app.use((ctx) => {
    ctx.body = { state: ctx.state[options.key ?? 'sms'], body: (ctx.request as unknown as { body: unknown }).body };
  });
  const server = await serve(app);
  closers.push(server.close);
  return server.url;
}

function signed(extra: Partial<Parameters<typeof independentlySigned>[0]> = {}) {
  return independentlySigned({ apiKey: API_KEY, accessKey: ACCESS_KEY, body, ...extra });
}

describe('verifySignature accepts requests signed as the protocol says', () => {
  it.each<Parser>(['none', 'bodyparser'])('with body parser: %s, and puts the caller on ctx.state.sms', async (parser) => {
    const url = await start({}, parser);
    const res = await post(url + '/message/send', { headers: signed(), body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    expect(res.json?.state).toMatchObject({ ok: true, apiKey: API_KEY, method: 'HmacSHA256', dialect: 'skip-empty' });
    expect(res.json?.body).toEqual(body);
  });

  it.each(['HmacMD5', 'HmacSHA1', 'HmacSHA224', 'HmacSHA256', 'HmacSHA384', 'HmacSHA512'])('with %s', async (method) => {
    const url = await start();
    const res = await post(url, { headers: signed({ method }), body: JSON.stringify(body) });
    expect(res.json?.state).toMatchObject({ ok: true, method });
  });

  it('in the keep-empty dialect (PHP and Postman samples) when a field is empty', async () => {
    const url = await start();
    const withEmpty = { ...body, bid: '' };
    const res = await post(url, { headers: signed({ body: withEmpty, keepEmpty: true }), body: JSON.stringify(withEmpty) });
    expect(res.json?.state).toMatchObject({ ok: true, dialect: 'keep-empty' });
  });

  it('signed over numbers, booleans and nested values as they are written', async () => {
    const url = await start();
    const odd = { page: 1, flag: true, list: ['a', 1], nested: { b: 'c' } };
    const res = await post(url, { headers: signed({ body: odd }), body: JSON.stringify(odd) });
    expect(res.json?.state).toMatchObject({ ok: true });
  });

  it('with a body-less call (the balance query signs the headers alone)', async () => {
    const url = await start();
    const res = await post(url, { headers: signed({ body: {} }) });
    expect(res.json?.state).toMatchObject({ ok: true });
  });

  it('when an earlier parser skipped the body because of its content type', async () => {
    const url = await start({}, 'bodyparser');
    const headers = { ...signed(), 'content-type': 'text/plain' };
    const res = await post(url, { headers, body: JSON.stringify(body) });
    expect(res.json?.state).toMatchObject({ ok: true });
    expect(res.json?.body).toEqual(body);
  });

  it('with a gzip-compressed body', async () => {
    const url = await start();
    const res = await post(url, { headers: { ...signed(), 'content-encoding': 'gzip' }, body: gzipSync(JSON.stringify(body)) });
    expect(res.json?.state).toMatchObject({ ok: true });
  });

  it('through an async credentials resolver, under a custom state key', async () => {
    const url = await start({ credentials: async (key) => (key === API_KEY ? { accessKey: ACCESS_KEY } : undefined), key: 'caller' });
    const res = await post(url, { headers: signed(), body: JSON.stringify(body) });
    expect(res.json?.state).toMatchObject({ ok: true, apiKey: API_KEY });
  });
});

describe('verifySignature refuses with the platform code and HTTP status', () => {
  it('a wrong signature: 2001 / 401 with a requestId', async () => {
    const url = await start();
    const res = await post(url, { headers: signed({ accessKey: 'wrong' }), body: JSON.stringify(body) });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ code: 2001 });
    expect(res.json?.requestId).toMatch(UUID);
  });

  it('a body changed after signing: 2001', async () => {
    const url = await start();
    const res = await post(url, { headers: signed(), body: JSON.stringify({ ...body, phones: '13700137000' }) });
    expect(res.json).toMatchObject({ code: 2001 });
  });

  it('an unknown apiKey: 2001', async () => {
    const url = await start();
    const res = await post(url, { headers: signed({ apiKey: 'someone-else' }), body: JSON.stringify(body) });
    expect(res).toMatchObject({ status: 401, json: { code: 2001 } });
  });

  it('a caller outside the allowlist: 2000 / 403; inside it: accepted', async () => {
    const denied = await start({ credentials: { [API_KEY]: { accessKey: ACCESS_KEY, allowedIps: ['203.0.113.0/24'] } } });
    expect(await post(denied, { headers: signed(), body: JSON.stringify(body) })).toMatchObject({ status: 403, json: { code: 2000 } });
    const allowed = await start({ credentials: { [API_KEY]: { accessKey: ACCESS_KEY, allowedIps: ['127.0.0.1'] } } });
    expect((await post(allowed, { headers: signed(), body: JSON.stringify(body) })).status).toBe(200);
  });

  it('a clock 61 s off in either direction: 2001; 59 s off: accepted', async () => {
    const now = 1_700_000_000_000;
    const url = await start({ now: () => now });
    for (const skew of [-61_000, 61_000]) {
      const res = await post(url, { headers: signed({ timestamp: now + skew }), body: JSON.stringify(body) });
      expect(res.json).toMatchObject({ code: 2001 });
      expect(String(res.json?.message)).toContain('x-timestamp');
    }
    expect((await post(url, { headers: signed({ timestamp: now - 59_000 }), body: JSON.stringify(body) })).status).toBe(200);
  });

  it('a replayed request: 2001 the second time', async () => {
    const url = await start();
    const headers = signed();
    expect((await post(url, { headers, body: JSON.stringify(body) })).status).toBe(200);
    const again = await post(url, { headers, body: JSON.stringify(body) });
    expect(again.json).toMatchObject({ code: 2001 });
    expect(String(again.json?.message)).toContain('replay');
  });

  it('replays pass when replay protection is turned off', async () => {
    const url = await start({ nonceStore: false });
    const headers = signed();
    await post(url, { headers, body: JSON.stringify(body) });
    expect((await post(url, { headers, body: JSON.stringify(body) })).status).toBe(200);
  });

  it('with passthrough: records the failure on ctx.state and calls the next middleware', async () => {
    const url = await start({ passthrough: true });
    const res = await post(url, { headers: signed({ accessKey: 'wrong' }), body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    expect(res.json?.state).toMatchObject({ ok: false, code: 2001, check: 'signature' });
  });

  it('reports each failure to onFailure without the accessKey', async () => {
    const seen: string[] = [];
    const url = await start({ onFailure: (failure) => seen.push(JSON.stringify(failure)) });
    await post(url, { headers: signed({ accessKey: 'wrong' }), body: JSON.stringify(body) });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain('signature');
    expect(seen[0]).not.toContain(ACCESS_KEY);
  });

  it('a failing credentials lookup is the server’s fault: -1 / 503, its message not shown', async () => {
    const url = await start({
      credentials: () => {
        throw new Error('connect ECONNREFUSED redis://:hunter2@10.0.0.5');
      },
    });
    const res = await post(url, { headers: signed(), body: JSON.stringify(body) });
    expect(res).toMatchObject({ status: 503, json: { code: -1 } });
    expect(res.text).not.toContain('hunter2');
  });
});

describe('verifySignature answers malformed input with 4xx and a platform code, never 500', () => {
  const cases: [string, () => { headers: Record<string, string>; body?: string | Buffer }, number, number][] = [
    ['a body that is not JSON', () => ({ headers: signed(), body: 'phones=13800138000' }), 400, 40004],
    ['a truncated JSON body', () => ({ headers: signed(), body: '{"phones":"1380' }), 400, 40004],
    ['a JSON array', () => ({ headers: signed(), body: '[1,2,3]' }), 400, 40004],
    ['a JSON string', () => ({ headers: signed(), body: '"phones"' }), 400, 40004],
    ['a JSON null', () => ({ headers: signed(), body: 'null' }), 400, 40004],
    ['a body past the limit', () => ({ headers: signed(), body: JSON.stringify({ phones: 'x'.repeat(2 * 1024 * 1024) }) }), 413, 40004],
    ['a __proto__ key', () => ({ headers: signed({ body: { a: 'b' } }), body: '{"a":"b","__proto__":{"polluted":true}}' }), 400, 40004],
    ['a nested __proto__ key', () => ({ headers: signed({ body: { a: 'b' } }), body: '{"a":{"__proto__":{"polluted":true}}}' }), 400, 40004],
    ['a body parameter named like a signed header', () => ({ headers: signed({ body: { 'x-nonce': '1' } }), body: '{"x-nonce":"1"}' }), 400, 40004],
    ['no headers at all', () => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), 400, 40004],
    ['a non-digit nonce', () => ({ headers: { ...signed(), 'x-nonce': 'H95a7XT1h6' }, body: JSON.stringify(body) }), 400, 40004],
    ['a 12-digit timestamp', () => ({ headers: { ...signed(), 'x-timestamp': '170000000000' }, body: JSON.stringify(body) }), 400, 40004],
    ['a seconds timestamp', () => ({ headers: { ...signed(), 'x-timestamp': String(Math.floor(Date.now() / 1000)) }, body: JSON.stringify(body) }), 400, 40004],
    ['a non-hex signature', () => ({ headers: { ...signed(), 'x-sign': 'zz' }, body: JSON.stringify(body) }), 400, 40004],
    ['an unsupported method', () => ({ headers: signed({ method: 'HmacSHA3' }), body: JSON.stringify(body) }), 401, 2001],
    ['an unsupported content encoding', () => ({ headers: { ...signed(), 'content-encoding': 'br2' }, body: JSON.stringify(body) }), 415, 40004],
  ];

  for (const parser of ['none', 'bodyparser'] as const) {
    describe(`body parser: ${parser}`, () => {
      it.each(cases)('%s', async (_name, make, status, code) => {
        const url = await start({ bodyLimit: '1mb' }, parser);
        const request = make();
        const res = await post(url, request);
        expect(res.status).toBe(status);
        expect(res.json).toMatchObject({ code });
        expect(res.json?.requestId).toMatch(UUID);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      });
    });
  }
});
