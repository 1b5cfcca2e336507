import type { OtpRequestResult, OtpVerifyResult } from '@smskit/otp';
import { OtpService } from '@smskit/otp';
import { describe, expect, it } from 'vitest';
import { PLATFORMS, type NestKit } from './nest-kit.js';
import { sandboxClient, startSandbox } from './sandbox.js';
import { postJson, serveApp } from './serve.js';

/** The app: sign-in by SMS code, with OtpService injected and codes sent through the module's client. */
function signInApp(kit: NestKit, baseUrl: string) {
  const { Body, Controller, HttpCode, Module, Post, Req } = kit.common;
  const { SmsException, SmsModule, smsRequestId } = kit.sms;

  @Controller('otp')
  class OtpController {
    constructor(private readonly otp: OtpService) {}

    @Post('request')
    @HttpCode(200)
    async request(@Body() body: { phone: string }, @Req() req: { ip?: string }): Promise<OtpRequestResult> {
      const result = await this.otp.request({ phone: body.phone, scene: 'login', ip: req.ip });
      if (!result.ok && result.reason === 'limit') throw new SmsException({ code: 6000, message: `${result.limit}: ${result.message}`, requestId: smsRequestId(req) });
      return result;
    }

    @Post('verify')
    @HttpCode(200)
    verify(@Body() body: { phone: string; code: string }): Promise<OtpVerifyResult> {
      return this.otp.verify({ phone: body.phone, scene: 'login', code: body.code });
    }
  }

  @Module({
    imports: [SmsModule.forRoot({ client: sandboxClient(baseUrl), otp: { secret: 'nest-e2e-otp-secret-0123456789', templateCode: '100001' } })],
    controllers: [OtpController],
  })
  class SignInModule {}
  return SignInModule;
}

/** OTP scenario: request a code, read it off the sandbox's handset, verify it; the limits hold. */
export function otpScenario(kit: NestKit): void {
  describe.each(PLATFORMS)(`OtpService injected, on Nest ${kit.major} + %s`, (platform) => {
    async function start() {
      const { sandbox, url: sandboxUrl } = await startSandbox();
      const { url } = await serveApp(kit, { module: signInApp(kit, sandboxUrl), platform });
      const codeSentTo = async (phone: string) => {
        const [message] = await sandbox.messages({ phone });
        return /\d{6}/.exec(message?.text ?? '')?.[0];
      };
      return { url, codeSentTo };
    }

    it('sends a code through the sandbox and verifies it once', async () => {
      const { url, codeSentTo } = await start();
      const requested = await postJson(`${url}/otp/request`, { phone: '13900139000' });
      expect(requested).toMatchObject({ status: 200, json: { ok: true, msgId: expect.any(String) } });
      const code = await codeSentTo('13900139000');
      expect(code).toMatch(/^\d{6}$/);
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      expect((await postJson(`${url}/otp/verify`, { phone: '13900139000', code: wrong })).json).toMatchObject({ ok: false, reason: 'mismatch' });
      expect((await postJson(`${url}/otp/verify`, { phone: '13900139000', code })).json).toMatchObject({ ok: true });
      expect((await postJson(`${url}/otp/verify`, { phone: '13900139000', code })).json).toMatchObject({ ok: false, reason: 'missing' });
    });

    it('refuses a second code for the same number within a minute (6000, 429)', async () => {
      const { url } = await start();
      expect((await postJson(`${url}/otp/request`, { phone: '13900139001' })).json).toMatchObject({ ok: true });
      const again = await postJson(`${url}/otp/request`, { phone: '13900139001' });
      expect(again).toMatchObject({ status: 429, json: { code: 6000, message: expect.stringMatching(/^phone-scene: /) } });
    });

    it('refuses the eleventh number asked for from one IP within the hour', async () => {
      const { url } = await start();
      for (let i = 0; i < 10; i++) {
        expect((await postJson(`${url}/otp/request`, { phone: `1390013910${i}` })).json).toMatchObject({ ok: true });
      }
      const eleventh = await postJson(`${url}/otp/request`, { phone: '13900139110' });
      expect(eleventh).toMatchObject({ status: 429, json: { code: 6000, message: expect.stringMatching(/^ip-hourly: /) } });
    });

    it('refuses an invalid number before anything is sent or counted', async () => {
      const { url, codeSentTo } = await start();
      expect((await postJson(`${url}/otp/request`, { phone: '12345' })).json).toMatchObject({ ok: false, reason: 'invalid', field: 'phone' });
      expect(await codeSentTo('12345')).toBeUndefined();
    });
  });
}
