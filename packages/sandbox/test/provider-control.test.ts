import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../src/index.js';

const TENCENT = { secretId: 'AKIDcontrol0000000000000000000000', secretKey: 'control-secret', sdkAppId: '1400000009' };
const ALIYUN = { accessKeyId: 'control-id', accessKeySecret: 'control-secret', deliveryDelayMs: 0 };

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

async function start(options: { allowedHosts?: readonly string[] } = {}) {
  const sandbox: Sandbox = createSandbox({ deliveryDelayMs: 60_000, rateLimits: false, tencent: TENCENT, aliyun: ALIYUN, ...options });
  const running = await sandbox.listen({ port: 0, host: '127.0.0.1' });
  closers.push(running.close);
  return { sandbox, tencentUrl: running.tencentUrl as string, aliyunUrl: running.aliyunUrl as string };
}

/** A raw HTTP call, so that `Host` can be anything (fetch would set it from the URL). */
function send(url: string, init: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method: init.method ?? 'POST', path: init.path, headers: { 'content-type': 'application/json', ...init.headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const evil = { origin: 'http://evil.example' };
const writes: [string, string][] = [
  ['/_sandbox/faults', JSON.stringify({ fail: 5 })],
  ['/_sandbox/replies', JSON.stringify({ phone: '13800138000', text: 'TD' })],
  ['/_sandbox/deliver', '{}'],
];

describe("the Tencent listener's control endpoints", () => {
  it.each(writes)('POST %s from a page at http://evil.example is refused 403, and changes nothing', async (path, body) => {
    const { sandbox, tencentUrl } = await start();
    const answer = await send(tencentUrl, { path, headers: evil, body });
    expect(answer.status).toBe(403);
    expect(answer.text).toContain('Cross-origin');
    expect(await sandbox.replies({})).toEqual([]);
    // no fault was planted: a fault answer would be Response.Error with the injected code
    const probe = await send(tencentUrl, { path: '/', headers: { 'x-tc-action': 'SendSms' }, body: '{}' });
    expect(probe.text).not.toContain('Injected fault');
  });

  it('Sec-Fetch-Site: cross-site is refused even without an Origin', async () => {
    const { tencentUrl } = await start();
    const answer = await send(tencentUrl, { path: '/_sandbox/deliver', headers: { 'sec-fetch-site': 'cross-site' }, body: '{}' });
    expect(answer.status).toBe(403);
  });

  it('a DNS-rebinding Host (a foreign name pointing at 127.0.0.1) is refused', async () => {
    const { tencentUrl } = await start();
    const answer = await send(tencentUrl, { path: '/_sandbox/faults', headers: { host: 'rebind.evil.example:9000' }, body: JSON.stringify({ fail: 1 }) });
    expect(answer.status).toBe(403);
    expect(answer.text).toContain('Host');
  });

  it('the same origin, tools without an Origin, localhost names and the allowed hosts are served', async () => {
    const { tencentUrl } = await start({ allowedHosts: ['.sandbox.test'] });
    const port = new URL(tencentUrl).port;
    expect((await send(tencentUrl, { path: '/_sandbox/deliver', body: '{}' })).status).toBe(200);
    expect((await send(tencentUrl, { path: '/_sandbox/deliver', headers: { origin: tencentUrl, 'sec-fetch-site': 'same-origin' }, body: '{}' })).status).toBe(200);
    for (const host of [`localhost:${port}`, `[::1]:${port}`, `api.sandbox.test:${port}`]) {
      expect((await send(tencentUrl, { path: '/_sandbox/deliver', headers: { host, origin: `http://${host}` }, body: '{}' })).status).toBe(200);
    }
  });

  const badBodies: [string, string, RegExp][] = [
    ['null', 'null', /JSON object/],
    ['a number', '5', /JSON object/],
    ['an array', '[{"fail":1}]', /JSON object/],
    ['a string', '"fail"', /JSON object/],
    ['not JSON', '{fail', /JSON/],
  ];
  for (const path of ['/_sandbox/faults', '/_sandbox/replies', '/_sandbox/deliver']) {
    it.each(badBodies)(`POST ${path} with %s is a 400 saying why, not a 500`, async (_, body, why) => {
      const { tencentUrl } = await start();
      const answer = await send(tencentUrl, { path, body });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text)).toEqual({ error: expect.stringMatching(why) });
    });
  }

  it.each([
    ['/_sandbox/faults', { fail: 'many' }, /^fail: .*expected number/],
    ['/_sandbox/faults', { fail: 1, failCode: 5 }, /failCode/],
    ['/_sandbox/faults', { fial: 1 }, /fial|Unrecognized/],
    ['/_sandbox/replies', { phone: '13800138000' }, /text/],
    ['/_sandbox/replies', { phone: 13800138000, text: 'hi' }, /phone/],
  ])('POST %s with malformed fields %j is a 400 naming the field', async (path, body, why) => {
    const { tencentUrl } = await start();
    const answer = await send(tencentUrl, { path, body: JSON.stringify(body) });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual({ error: expect.stringMatching(why) });
  });

  it('an oversized body is a 413, not a 500', async () => {
    const { tencentUrl } = await start();
    const answer = await send(tencentUrl, { path: '/_sandbox/replies', body: JSON.stringify({ phone: '13800138000', text: 'x'.repeat(100_000) }) });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toEqual({ error: expect.stringMatching(/larger than/) });
  });

  it('well-formed control requests still work', async () => {
    const { sandbox, tencentUrl } = await start();
    expect(await send(tencentUrl, { path: '/_sandbox/replies', body: JSON.stringify({ phone: '13800138000', text: 'TD' }) })).toMatchObject({ status: 200 });
    expect((await sandbox.replies({})).map((r) => r.content)).toEqual(['TD']);
    expect(await send(tencentUrl, { path: '/_sandbox/faults', body: JSON.stringify({ fail: 1, failCode: 'LimitExceeded.PhoneNumberDailyLimit' }) })).toMatchObject({ status: 200 });
    expect((await send(tencentUrl, { path: '/', headers: { 'x-tc-action': 'SendSms' }, body: '{}' })).text).toContain('LimitExceeded.PhoneNumberDailyLimit');
    expect(await send(tencentUrl, { path: '/_sandbox/nothing', body: '{}' })).toMatchObject({ status: 404 });
  });
});

describe("the Aliyun listener's /_sandbox paths", () => {
  it('are no control endpoints: an unsigned write, from a foreign page or Host or not, changes nothing and is refused 4xx', async () => {
    const { sandbox, aliyunUrl } = await start();
    for (const headers of [evil, { host: 'rebind.evil.example' }, {}] as Record<string, string>[]) {
      for (const [path, body] of [['/_sandbox/faults', JSON.stringify({ fail: 5 })], ['/_sandbox/reset', 'null'], ['/_sandbox/faults', '[1]']] as const) {
        const answer = await send(aliyunUrl, { path, headers, body });
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
      }
    }
    expect(sandbox.faults()).toMatchObject({ fail: 0 });
    expect(sandbox.aliyun?.messages()).toEqual([]);
  });

  it('answers a body over 1 MB with 413 saying so, instead of cutting the connection before its answer', async () => {
    const { aliyunUrl } = await start();
    const answer = await send(aliyunUrl, { path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `Action=SendSms&x=${'x'.repeat(2 * 1024 * 1024)}` });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({ Code: 'InvalidParameter', Message: expect.stringContaining('larger than 1 MB') });
  });
});
