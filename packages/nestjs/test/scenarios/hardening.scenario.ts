import { gzipSync } from 'node:zlib';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { generateTestHeaders } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import { PLATFORMS, type NestKit, type Platform } from './nest-kit.js';
import { type Answer } from './serve.js';

// Holes an outside review found (issue 11 §2 a, b, c), shown over real HTTP on both platforms.

const API_KEY = 'hardening-api-key';
const ACCESS_KEY = 'hardening-access-key';

/** A logger that keeps what Nest and smskit log as errors, so a test can say "nothing was". */
function capturingLogger(): LoggerService & { errors: unknown[][] } {
  const errors: unknown[][] = [];
  return { errors, log: () => {}, warn: () => {}, debug: () => {}, verbose: () => {}, fatal: (...args: unknown[]) => void errors.push(args), error: (...args: unknown[]) => void errors.push(args) };
}

function hardenedApp(kit: NestKit) {
  const { Body, Controller, HttpCode, Module, Post, UseGuards } = kit.common;
  const { OnSmsReceipts, SmsModule, SmsSignatureGuard } = kit.sms;
  const pushed: number[] = [];

  @Controller('message')
  @UseGuards(SmsSignatureGuard)
  class MessageController {
    @Post('send')
    @HttpCode(200)
    send(@Body() body: unknown) {
      return { code: 200, fields: Object.keys(body as object).length };
    }
  }

  class Receipts {
    @OnSmsReceipts()
    delivered(items: unknown[]) {
      pushed.push(items.length);
    }
  }

  @Module({
    imports: [SmsModule.forRoot({ pushPath: '/sms/push', verify: { credentials: { [API_KEY]: { accessKey: ACCESS_KEY } } }, push: { apiKeys: API_KEY } })],
    controllers: [MessageController],
    providers: [Receipts],
  })
  class HardenedModule {}
  return { HardenedModule, pushed };
}

async function post(url: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Answer & { text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  let json: Answer['json'] = {};
  try {
    json = JSON.parse(text) as Answer['json'];
  } catch {
    // left empty: the assertions on json then fail with the text in view
  }
  return { status: response.status, json, text };
}

const deep = (levels: number, leaf = '1') => '{"a":'.repeat(levels) + leaf + '}'.repeat(levels);

/** The largest push the docs promise to take: 1,100 receipts, about 112 KB. */
function largePush(items = 1100): string {
  const data = Array.from({ length: items }, (_, i) => ({ msgId: String(577951956854276096n + BigInt(i)), tel: `1855106${String(i).padStart(4, '0')}`, arriveResult: 'DELIVRD', arriveTime: '2104091735', bid: `order-${i}` }));
  return JSON.stringify({ apiKey: API_KEY, data });
}

/** Hardening scenario: deep bodies, body-parser errors, __proto__ in pushes, large pushes. */
export function hardeningScenario(kit: NestKit): void {
  describe.each(PLATFORMS)(`hardening on Nest ${kit.major} + %s`, (platform: Platform) => {
    async function start() {
      const logger = capturingLogger();
      const built = hardenedApp(kit);
      const adapter = kit.adapter(platform);
      const app = (await kit.core.NestFactory.create(built.HardenedModule, adapter as never, { logger, forceCloseConnections: true })) as INestApplication & { useBodyParser?: (type: string, options: object) => unknown };
      // the documented setting for pushes on Express (Fastify's default of 1 MiB already fits)
      if (platform === 'express') app.useBodyParser?.('json', { limit: '2mb' });
      app.useGlobalFilters(new kit.sms.SmsExceptionFilter(app.get(kit.core.HttpAdapterHost)));
      await app.listen(0, '127.0.0.1');
      const { port } = app.getHttpServer().address() as { port: number };
      return { app, url: `http://127.0.0.1:${port}`, logger, pushed: built.pushed };
    }

    it('a signed-looking body 5000 levels deep is 40004 / 400, with nothing logged', async () => {
      const { app, url, logger } = await start();
      try {
        const headers = generateTestHeaders({ apiKey: API_KEY, accessKey: ACCESS_KEY, body: {} });
        const res = await post(`${url}/message/send`, `{"phones":"13800138000","x":${deep(5000)}}`, headers);
        expect(res.status).toBe(400);
        expect(res.json).toMatchObject({ code: 40004 });
        expect(res.text).not.toMatch(/RangeError| at /);
        expect(logger.errors).toEqual([]);
      } finally {
        await app.close();
      }
    });

    it('a push {"apiKey":…,"__proto__":{"x":1},"data":[]} is refused 40004, as on Koa', async () => {
      const { app, url } = await start();
      try {
        const res = await post(`${url}/sms/push/receipts`, `{"apiKey":"${API_KEY}","__proto__":{"x":1},"data":[]}`);
        expect(res.status).toBe(400);
        expect(res.json).toMatchObject({ code: 40004 });
      } finally {
        await app.close();
      }
    });

    it('a receipt push of 1,100 items (about 112 KB) is accepted and handled', async () => {
      const { app, url, pushed } = await start();
      try {
        const body = largePush();
        expect(body.length).toBeGreaterThan(100 * 1024);
        const res = await post(`${url}/sms/push/receipts`, body);
        expect(res).toMatchObject({ status: 200, json: { code: 200 } });
        await app.get(kit.sms.SmsPushReceiver).idle();
        expect(pushed).toEqual([1100]);
      } finally {
        await app.close();
      }
    });

    it('body-parser refusals (too large, broken gzip, bad JSON) are 40004 with their 4xx, not -1 / 503, and are not logged', async () => {
      const { app, url, logger } = await start();
      try {
        const headers = generateTestHeaders({ apiKey: API_KEY, accessKey: ACCESS_KEY, body: {} });
        const tooLarge = await post(`${url}/message/send`, JSON.stringify({ phones: 'x'.repeat(3 * 1024 * 1024) }), headers);
        expect(tooLarge).toMatchObject({ status: 413, json: { code: 40004 } });
        const brokenGzip = await post(`${url}/sms/push/receipts`, gzipSync(largePush(10)).subarray(0, 40), { 'content-encoding': 'gzip' });
        expect(brokenGzip.status).toBeGreaterThanOrEqual(400);
        expect(brokenGzip.status).toBeLessThan(500);
        expect(brokenGzip.json).toMatchObject({ code: 40004 });
        const badJson = await post(`${url}/sms/push/receipts`, '{"apiKey":');
        expect(badJson).toMatchObject({ status: 400, json: { code: 40004 } });
        if (platform === 'express') {
          const charset = await post(`${url}/sms/push/receipts`, largePush(1), { 'content-type': 'application/json; charset=latin-9' });
          expect(charset).toMatchObject({ status: 415, json: { code: 40004 } });
        }
        expect(logger.errors).toEqual([]);
      } finally {
        await app.close();
      }
    });
  });
}
