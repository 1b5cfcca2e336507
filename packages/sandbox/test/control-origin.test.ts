import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startSandbox } from './harness.js';

/** A raw HTTP call, so that `Host` can be anything (fetch would set it from the URL). */
function send(url: string, init: { method: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; json: { code?: number; message?: string } }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method: init.method, path: init.path, headers: init.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as { code?: number } }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const evil = { origin: 'http://evil.example', 'content-type': 'text/plain' };
const attempts: [string, string, string | undefined][] = [
  ['POST', '/_sandbox/replies', JSON.stringify({ tel: '13800138000', content: 'TD' })],
  ['POST', '/_sandbox/faults', JSON.stringify({ fail: 5 })],
  ['DELETE', '/_sandbox/faults', undefined],
  ['POST', '/_sandbox/balance', JSON.stringify({ all: 0 })],
  ['POST', '/_sandbox/reset', undefined],
  ['POST', '/_sandbox/deliver', undefined],
  ['POST', '/_sandbox/pushes/resume', undefined],
];

describe('the control endpoints refuse other origins and foreign hosts', () => {
  it.each(attempts)('%s %s from a page at http://evil.example is refused, and changes nothing', async (method, path, body) => {
    const { url, admin } = await startSandbox({ faults: { fail: 1 } });
    const before = await admin('/state');
    const answer = await send(url, { method, path, headers: evil, body });
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ code: 40004, message: expect.stringContaining('Cross-origin') });
    expect(await admin('/state')).toEqual({ ...before, json: { ...before.json, requestId: expect.any(String) } });
    expect((await admin('/replies')).json.data).toEqual([]);
  });

  it('Sec-Fetch-Site: cross-site is refused even without an Origin', async () => {
    const { url } = await startSandbox();
    const answer = await send(url, { method: 'POST', path: '/_sandbox/reset', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(answer.status).toBe(403);
  });

  it('a DNS-rebinding Host (a foreign name pointing at 127.0.0.1) is refused, reads included', async () => {
    const { url } = await startSandbox();
    for (const [method, path] of [['GET', '/_sandbox/messages'], ['GET', '/_sandbox/inbox'], ['POST', '/_sandbox/reset']] as const) {
      const answer = await send(url, { method, path, headers: { host: 'rebind.evil.example:8787' } });
      expect(answer.status).toBe(403);
      expect(answer.json.message).toContain('Host');
    }
  });

  it('the same origin, tools without an Origin, localhost names and configured hosts are served', async () => {
    const { url } = await startSandbox({ allowedHosts: ['.sandbox.test'] });
    const port = new URL(url).port;
    const reply = JSON.stringify({ tel: '13800138000', content: 'TD' });
    const json = { 'content-type': 'application/json' };
    expect((await send(url, { method: 'POST', path: '/_sandbox/replies', headers: { ...json, origin: url, 'sec-fetch-site': 'same-origin' }, body: reply })).json.code).toBe(200);
    expect((await send(url, { method: 'POST', path: '/_sandbox/replies', headers: json, body: reply })).json.code).toBe(200);
    for (const host of [`localhost:${port}`, `app.localhost:${port}`, `[::1]:${port}`, `api.sandbox.test:${port}`]) {
      expect((await send(url, { method: 'POST', path: '/_sandbox/deliver', headers: { host, origin: `http://${host}` } })).json.code).toBe(200);
    }
  });

  it('the platform endpoints are not affected: they answer any host (they are signed)', async () => {
    const { url } = await startSandbox();
    const answer = await send(url, { method: 'GET', path: '/health/info', headers: { host: 'api.example.com' } });
    expect(answer).toMatchObject({ status: 200, json: { code: 200 } });
  });
});
