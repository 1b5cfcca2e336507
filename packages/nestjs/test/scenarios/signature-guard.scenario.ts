import type { ExecutionContext } from '@nestjs/common';
import { generateTestHeaders, SmsClient, type VerifyFailure, type VerifySuccess } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import { PLATFORMS, type NestKit } from './nest-kit.js';
import { postJson, serveApp, UUID } from './serve.js';

const API_KEY = 'guard-api-key';
const ACCESS_KEY = 'guard-access-key-不要外传';
const OFFICE_KEY = 'office-api-key';
const OFFICE_SECRET = 'office-access-key';

/** The app: a Nest server that plays the platform's side, with the guard on its routes. */
function signedApiApp(kit: NestKit) {
  const { Body, Controller, HttpCode, Injectable, Module, Post, UseGuards } = kit.common;
  const { SmsModule, SmsSignatureGuard, SmsVerified } = kit.sms;
  const handled: { caller: VerifySuccess | undefined; body: unknown }[] = [];
  const failures: VerifyFailure[] = [];

  /** A guard subclass: the caller's address from a header, failures recorded and then thrown. */
  @Injectable()
  class HeaderIpGuard extends SmsSignatureGuard {
    protected override getSourceIp(request: { headers: Record<string, unknown> }): string | undefined {
      return request.headers['x-client-ip'] as string | undefined;
    }
    protected override onFailure(failure: VerifyFailure, context: ExecutionContext): boolean | Promise<boolean> {
      failures.push(failure);
      return super.onFailure(failure, context);
    }
  }

  @Controller('message')
  @UseGuards(SmsSignatureGuard)
  class MessageController {
    @Post('send')
    @HttpCode(200)
    send(@SmsVerified() caller: VerifySuccess | undefined, @Body() body: unknown) {
      handled.push({ caller, body });
      return { code: 200, message: 'OK', data: { msgId: '574730770464800768', desc: null, failPhones: '' }, requestId: 'r-1' };
    }
  }

  @Controller('custom')
  @UseGuards(HeaderIpGuard)
  class CustomController {
    @Post()
    @HttpCode(200)
    ok() {
      return { code: 200 };
    }
  }

  @Module({
    imports: [
      SmsModule.forRoot({
        verify: {
          credentials: {
            [API_KEY]: { accessKey: ACCESS_KEY },
            [OFFICE_KEY]: { accessKey: OFFICE_SECRET, allowedIps: ['10.0.0.0/8'] },
          },
        },
      }),
    ],
    controllers: [MessageController, CustomController],
  })
  class SignedApiModule {}

  return { SignedApiModule, handled, failures };
}

const body = { phones: '15900582939', templateCode: '580467552590397440', templateParam: '["张三","02"]' };
const signed = (overrides: Partial<Parameters<typeof generateTestHeaders>[0]> = {}) => generateTestHeaders({ apiKey: API_KEY, accessKey: ACCESS_KEY, body, ...overrides });

/** Guard scenario: accepts signed requests; rejects tampered, replayed, stale and unlisted ones. */
export function signatureGuardScenario(kit: NestKit): void {
  describe.each(PLATFORMS)(`SmsSignatureGuard on Nest ${kit.major} + %s`, (platform) => {
    async function start(options: { trustProxy?: boolean } = {}) {
      const app = signedApiApp(kit);
      const { url } = await serveApp(kit, { module: app.SignedApiModule, platform, ...options });
      return { ...app, url };
    }

    it('accepts a signed request and hands the handler the verified caller and the body', async () => {
      const { url, handled } = await start();
      const headers = signed();
      const answer = await postJson(`${url}/message/send`, body, headers);
      expect(answer).toMatchObject({ status: 200, json: { code: 200 } });
      expect(handled).toEqual([{ caller: { ok: true, apiKey: API_KEY, method: 'HmacSHA256', nonce: headers['x-nonce'], timestamp: Number(headers['x-timestamp']), dialect: 'skip-empty' }, body }]);
    });

    it('accepts what SmsClient sends (the client and the guard agree on the protocol)', async () => {
      const { url, handled } = await start();
      const client = new SmsClient({ apiKey: API_KEY, accessKey: ACCESS_KEY, baseUrl: url, retry: false });
      try {
        const result = await client.send({ phones: ['15900582939'], templateCode: '580467552590397440', params: ['张三', '02'] });
        expect(result.status).toBe('sent');
      } finally {
        await client.close();
      }
      expect(handled).toHaveLength(1);
      expect(handled[0]?.body).toMatchObject({ phones: '15900582939', templateCode: '580467552590397440', templateParam: '["张三","02"]' });
    });

    it('rejects a tampered body with 2001 in the platform shape, and the handler never runs', async () => {
      const { url, handled } = await start();
      const answer = await postJson(`${url}/message/send`, { ...body, phones: '13800000000' }, signed());
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual({ code: 2001, message: expect.stringMatching(/x-sign does not match/), requestId: expect.stringMatching(UUID) });
      expect(handled).toEqual([]);
    });

    it('rejects a replayed request (same nonce) with 2001', async () => {
      const { url, handled } = await start();
      const headers = signed();
      expect((await postJson(`${url}/message/send`, body, headers)).status).toBe(200);
      const replay = await postJson(`${url}/message/send`, body, headers);
      expect(replay).toMatchObject({ status: 401, json: { code: 2001, message: expect.stringMatching(/replayed/) } });
      expect(handled).toHaveLength(1);
    });

    it('rejects a stale timestamp with 2001 naming the skew', async () => {
      const { url } = await start();
      const answer = await postJson(`${url}/message/send`, body, signed({ timestamp: Date.now() - 5 * 60_000 }));
      expect(answer).toMatchObject({ status: 401, json: { code: 2001, message: expect.stringMatching(/behind the server clock/) } });
    });

    it('rejects missing signature headers with 40004 (400)', async () => {
      const { url } = await start();
      const answer = await postJson(`${url}/message/send`, body);
      expect(answer).toMatchObject({ status: 400, json: { code: 40004, message: expect.stringMatching(/Missing headers: x-api-key/) } });
    });

    it('rejects a body that is not a JSON object with 40004', async () => {
      const { url } = await start();
      const answer = await postJson(`${url}/message/send`, '[1,2]', generateTestHeaders({ apiKey: API_KEY, accessKey: ACCESS_KEY, body: {} }));
      expect(answer).toMatchObject({ status: 400, json: { code: 40004 } });
    });

    it('answers 2000 (403) when the caller is not on the apiKey allowlist', async () => {
      const { url } = await start();
      const headers = generateTestHeaders({ apiKey: OFFICE_KEY, accessKey: OFFICE_SECRET, body });
      const answer = await postJson(`${url}/message/send`, body, { ...headers, 'x-forwarded-for': '10.1.2.3' });
      expect(answer).toMatchObject({ status: 403, json: { code: 2000, message: expect.stringMatching(/127\.0\.0\.1/) } });
    });

    it('takes the address from X-Forwarded-For only when the platform trusts the proxy', async () => {
      const { url } = await start({ trustProxy: true });
      const headers = generateTestHeaders({ apiKey: OFFICE_KEY, accessKey: OFFICE_SECRET, body });
      const answer = await postJson(`${url}/message/send`, body, { ...headers, 'x-forwarded-for': '10.1.2.3' });
      expect(answer).toMatchObject({ status: 200, json: { code: 200 } });
    });

    it('lets a subclass choose the address and see every failure', async () => {
      const { url, failures } = await start();
      const headers = generateTestHeaders({ apiKey: OFFICE_KEY, accessKey: OFFICE_SECRET, body: {} });
      expect((await postJson(`${url}/custom`, {}, { ...headers, 'x-client-ip': '10.9.9.9' })).status).toBe(200);
      const refused = await postJson(`${url}/custom`, {}, { ...generateTestHeaders({ apiKey: OFFICE_KEY, accessKey: OFFICE_SECRET, body: {} }), 'x-client-ip': '192.168.1.1' });
      expect(refused).toMatchObject({ status: 403, json: { code: 2000 } });
      expect(failures).toMatchObject([{ ok: false, code: 2000, check: 'ip' }]);
    });

    it('shares one nonce store across routes, so a nonce used on one route is refused on another', async () => {
      const { url } = await start();
      const headers = generateTestHeaders({ apiKey: API_KEY, accessKey: ACCESS_KEY, body: {} });
      expect((await postJson(`${url}/message/send`, {}, headers)).status).toBe(200);
      expect((await postJson(`${url}/custom`, {}, headers)).json).toMatchObject({ code: 2001, message: expect.stringMatching(/replayed/) });
    });
  });
}
