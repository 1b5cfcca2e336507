import { ChannelRouter, MemorySendLog } from '@smskit/core';
import { OtpService, type OtpRequestResult } from '@smskit/otp';
import { describe, expect, it } from 'vitest';
import type { SmsModuleOptions } from '../../src/index.js';
import { PLATFORMS, type NestKit } from './nest-kit.js';
import { SANDBOX_ACCOUNT, startSandbox } from './sandbox.js';
import { postJson, serveApp } from './serve.js';

const SECRET = 'nest-channels-otp-secret-0123456789';
const TEMPLATE = { templateCode: '100001', params: ['code'], text: '您的验证码是{code,6}，5分钟内有效。请勿泄露给他人。' };

/** Two sandboxes as the primary and the backup channel, written as the channels config file writes them. */
async function twoPlatforms() {
  const primary = await startSandbox();
  const backup = await startSandbox();
  const env = { PRIMARY_KEY: SANDBOX_ACCOUNT.apiKey, PRIMARY_SECRET: SANDBOX_ACCOUNT.accessKey };
  const options = (sendLog: MemorySendLog): SmsModuleOptions => ({
    channels: [
      { name: 'primary', provider: 'infocloud', apiKey: { env: 'PRIMARY_KEY' }, accessKey: { env: 'PRIMARY_SECRET' }, baseUrl: primary.url, timeoutMs: 2000 },
      { name: 'backup', provider: 'infocloud', ...SANDBOX_ACCOUNT, baseUrl: backup.url, timeoutMs: 2000 },
    ],
    templates: { verification: { primary: TEMPLATE, backup: TEMPLATE } },
    routing: { env, retry: false, breaker: false },
    otp: { secret: SECRET, requireIp: false, stores: { sendLog } },
  });
  const fault = async (plan: Record<string, unknown>) => {
    const answer = await fetch(`${primary.url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(plan) });
    expect(answer.status).toBe(200);
  };
  return { primary: primary.sandbox, backup: backup.sandbox, options, fault };
}

/** The channels section: a ChannelRouter by class, OTP through it, refusals at start-up. */
export function channelsScenario(kit: NestKit): void {
  const { Body, Controller, HttpCode, Injectable, Module, Post } = kit.common;
  const { Test } = kit.testing;
  const { SmsModule } = kit.sms;

  function signInApp(imported: unknown) {
    @Controller('otp')
    class OtpController {
      constructor(
        private readonly otp: OtpService,
        private readonly router: ChannelRouter,
      ) {}

      @Post('request')
      @HttpCode(200)
      async request(@Body() body: { phone: string }): Promise<OtpRequestResult & { channels: string[] }> {
        return { ...(await this.otp.request({ phone: body.phone, scene: 'login' })), channels: this.router.channels.map((c) => c.name) };
      }

      @Post('verify')
      @HttpCode(200)
      verify(@Body() body: { phone: string; code: string }) {
        return this.otp.verify({ phone: body.phone, scene: 'login', code: body.code });
      }
    }
    @Module({ imports: [imported as never], controllers: [OtpController] })
    class SignInModule {}
    return SignInModule;
  }

  describe.each(PLATFORMS)(`SmsModule channels on Nest ${kit.major} + %s`, (platform) => {
    it('forRoot: OtpService sends through the injected ChannelRouter; with the primary down the code arrives through the backup', async () => {
      const { primary, backup, options, fault } = await twoPlatforms();
      const sendLog = new MemorySendLog();
      await fault({ fail: 1, failCode: 2001 });
      const { url } = await serveApp(kit, { module: signInApp(SmsModule.forRoot(options(sendLog))), platform });
      const answer = await postJson(`${url}/otp/request`, { phone: '13900139000' });
      expect(answer).toMatchObject({ status: 200, json: { ok: true, channel: 'backup', channels: ['primary', 'backup'] } });
      expect((await sendLog.recent())[0]).toMatchObject({ channel: 'backup', passedOver: [{ channel: 'primary', reason: 'failover', code: '2001' }] });
      expect(await primary.messages({})).toHaveLength(0);
      const [message] = await backup.messages({ phone: '13900139000' });
      const code = /\d{6}/.exec(message?.text ?? '')?.[0];
      expect((await postJson(`${url}/otp/verify`, { phone: '13900139000', code })).json).toMatchObject({ ok: true });
    });

    it('forRootAsync: the same, from a factory', async () => {
      const { primary, options } = await twoPlatforms();
      const sendLog = new MemorySendLog();
      const { url } = await serveApp(kit, { module: signInApp(SmsModule.forRootAsync({ useFactory: async () => options(sendLog) })), platform });
      expect((await postJson(`${url}/otp/request`, { phone: '13900139001' })).json).toMatchObject({ ok: true, channel: 'primary' });
      expect(await primary.messages({ phone: '13900139001' })).toHaveLength(1);
      expect((await sendLog.recent())[0]).toMatchObject({ result: 'sent', channel: 'primary', templateCode: 'verification' });
    });
  });

  describe(`SmsModule channels refuses to start misconfigured (Nest ${kit.major})`, () => {
    @Injectable()
    class UsesRouter {
      constructor(readonly router: ChannelRouter) {}
    }
    @Injectable()
    class UsesOtp {
      constructor(readonly otp: OtpService) {}
    }
    const channel = { name: 'main', provider: 'infocloud', apiKey: 'k', accessKey: 's', baseUrl: 'http://127.0.0.1:9' };

    it('names the entry at fault, never its value', async () => {
      const started = Test.createTestingModule({ imports: [SmsModule.forRoot({ channels: [channel, { name: 'backup', provider: 'infocloud', apiKey: 'secret-api-key' }] })] }).compile();
      await expect(started).rejects.toThrow(/smskit: the SmsModule channels section is wrong — channels\[1\]\.accessKey/);
      await expect(started).rejects.not.toThrow(/secret-api-key/);
    });

    it('refuses a provider that is not installed, naming the package', async () => {
      await expect(Test.createTestingModule({ imports: [SmsModule.forRoot({ channels: [{ name: 'ali', provider: 'aliyun' }] })] }).compile()).rejects.toThrow(/no provider "aliyun" is installed/);
    });

    it('refuses templates without channels, and an OTP template no templates entry defines', async () => {
      await expect(Test.createTestingModule({ imports: [SmsModule.forRoot({ templates: { verification: {} } })] }).compile()).rejects.toThrow(/has `templates` but no `channels` section/);
      const noTemplate = SmsModule.forRoot({ channels: [channel], templates: { login: { main: { templateCode: '1' } } }, otp: { secret: SECRET } });
      await expect(Test.createTestingModule({ imports: [noTemplate] }).compile()).rejects.toThrow(/logical template "verification", which the SmsModule templates section does not define \(it has: login\)/);
    });

    it('refuses an app that injects ChannelRouter without channels, or OtpService with nothing to send through', async () => {
      const routerless = await Test.createTestingModule({ imports: [SmsModule.forRoot({})], providers: [UsesRouter] }).compile();
      await expect(routerless.init()).rejects.toThrow(/ChannelRouter is injected but not configured — add a `channels` section/);
      await routerless.close().catch(() => undefined);
      const senderless = await Test.createTestingModule({ imports: [SmsModule.forRoot({ otp: { secret: SECRET } })], providers: [UsesOtp] }).compile();
      await expect(senderless.init()).rejects.toThrow(/OtpService has nothing to send codes through/);
      await senderless.close().catch(() => undefined);
    });

    it('closes the router and its channels on shutdown', async () => {
      const moduleRef = await Test.createTestingModule({ imports: [SmsModule.forRoot({ channels: [channel], templates: { verification: { main: { templateCode: '1' } } } })], providers: [UsesRouter] }).compile();
      await moduleRef.init();
      const router = moduleRef.get(UsesRouter).router;
      expect(router).toBeInstanceOf(ChannelRouter);
      await moduleRef.close();
      const result = await router.send({ template: 'verification', to: ['13800138000'] });
      // closed, not merely unreachable: the channel's client says so before any connection
      expect(result.numbers[0]).toMatchObject({ status: 'failed' });
      expect(result.numbers[0]?.passedOver[0]?.error?.message).toMatch(/closed/);
    });
  });
}
