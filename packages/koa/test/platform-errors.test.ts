import { bodyParser } from '@koa/bodyparser';
import { SmsError } from '@smskit/core';
import Koa, { type Context } from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { platformErrors, type PlatformErrorsOptions } from '../src/index.js';
import { post, serve, UUID } from './serve.js';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

async function throwing(thrower: (ctx: Context) => unknown, options?: PlatformErrorsOptions) {
  const app = new Koa();
  app.silent = true;
  app.use(platformErrors(options));
  app.use(bodyParser());
  app.use((ctx) => {
    ctx.set('x-partial', 'yes');
    thrower(ctx);
  });
  const server = await serve(app);
  closers.push(server.close);
  return server.url;
}

describe('platformErrors', () => {
  it('answers an SmsError with its code, message and the catalogue status', async () => {
    const url = await throwing(() => {
      throw new SmsError({ code: 60001, message: 'Template 42 does not exist.' });
    });
    const res = await post(url);
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: 60001, message: 'Template 42 does not exist.' });
    expect(res.json?.requestId).toMatch(UUID);
  });

  it.each([
    [40002, 402],
    [6000, 429],
    [2000, 403],
    [-1, 503],
  ])('maps code %i to HTTP %i', async (code, status) => {
    const url = await throwing(() => {
      throw new SmsError({ code });
    });
    expect(await post(url)).toMatchObject({ status, json: { code } });
  });

  it('answers an unexpected error with -1 / 503, without its message or stack', async () => {
    const url = await throwing(() => {
      throw new Error('password=hunter2 at db.js:12');
    });
    const res = await post(url);
    expect(res).toMatchObject({ status: 503, json: { code: -1 } });
    expect(res.text).not.toContain('hunter2');
    expect(res.text).not.toContain('db.js');
    expect(Object.keys(res.json ?? {}).sort()).toEqual(['code', 'message', 'requestId']);
  });

  it('drops headers the failed handler had set', async () => {
    const url = await throwing(() => {
      throw new Error('boom');
    });
    const response = await fetch(url, { method: 'POST' });
    expect(response.headers.get('x-partial')).toBeNull();
  });

  it('survives a thrown non-Error value', async () => {
    const url = await throwing(() => {
      throw 'a string';
    });
    expect(await post(url)).toMatchObject({ status: 503, json: { code: -1 } });
    expect((await post(url)).status).toBe(503);
  });

  it('turns client errors of Koa into 40004, 2001 or 6000 with their own status', async () => {
    for (const [status, code] of [
      [400, 40004],
      [404, 40004],
      [401, 2001],
      [429, 6000],
    ] as const) {
      const url = await throwing((ctx) => ctx.throw(status, 'nope'));
      expect(await post(url)).toMatchObject({ status, json: { code, message: 'nope' } });
    }
  });

  it('turns body-parser failures (bad JSON, __proto__, too large) into 40004', async () => {
    const url = await throwing(() => undefined);
    const json = { 'content-type': 'application/json' };
    expect(await post(url, { headers: json, body: '{bad' })).toMatchObject({ status: 400, json: { code: 40004 } });
    expect(await post(url, { headers: json, body: '{"__proto__":{"x":1}}' })).toMatchObject({ status: 400, json: { code: 40004 } });
    expect(await post(url, { headers: json, body: JSON.stringify({ a: 'x'.repeat(1_100_000) }) })).toMatchObject({ status: 413, json: { code: 40004 } });
  });

  it('tells onError what it answered, with the original error', async () => {
    const events: { code: number; original: unknown }[] = [];
    const original = new Error('inner');
    const url = await throwing(
      () => {
        throw original;
      },
      { onError: ({ error, answered }) => events.push({ code: answered.code, original: error }) },
    );
    await post(url);
    expect(events).toEqual([{ code: -1, original }]);
  });

  it('by default, reports -1 answers on the app’s error event', async () => {
    const app = new Koa();
    const reported: unknown[] = [];
    app.on('error', (error) => reported.push(error));
    app.use(platformErrors());
    app.use(() => {
      throw new SmsError({ code: 60001 });
    });
    app.use(() => undefined);
    const server = await serve(app);
    closers.push(server.close);
    await post(server.url);
    expect(reported).toHaveLength(0);
    const app2 = new Koa();
    app2.on('error', (error) => reported.push(error));
    app2.use(platformErrors());
    app2.use(() => {
      throw new Error('x');
    });
    const server2 = await serve(app2);
    closers.push(server2.close);
    await post(server2.url);
    expect(reported).toHaveLength(1);
  });
});
