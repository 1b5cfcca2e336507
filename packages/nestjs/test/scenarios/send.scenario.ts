import { SmsClient, SmsError } from '@smskit/core';
import type { ErrorAnswer } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import { PLATFORMS, type NestKit } from './nest-kit.js';
import { sandboxClient, startSandbox } from './sandbox.js';
import { postJson, serveApp, UUID } from './serve.js';

/** The app: a notification endpoint that sends through the injected client. */
function notifyApp(kit: NestKit, baseUrl: string) {
  const { BadRequestException, Body, Controller, HttpCode, Injectable, Module, Post, UseFilters } = kit.common;
  const { SmsExceptionFilter, SmsModule } = kit.sms;

  @Injectable()
  class ShippingNotifier {
    constructor(private readonly sms: SmsClient) {}

    async shipped(input: { phone: string; name: string; order: string; templateCode?: string }) {
      const result = await this.sms.send({ phones: [input.phone], templateCode: input.templateCode ?? '100002', params: [input.name, input.order, '明天'], bid: input.order });
      return { status: result.status, msgIds: result.msgIds };
    }
  }

  @Controller('notify')
  @UseFilters(SmsExceptionFilter)
  class NotifyController {
    constructor(private readonly notifier: ShippingNotifier) {}

    @Post('shipped')
    @HttpCode(200)
    shipped(@Body() body: { phone: string; name: string; order: string; templateCode?: string }) {
      return this.notifier.shipped(body);
    }

    @Post('invalid')
    invalid(): never {
      throw new BadRequestException(['phone must be a mainland mobile number', 'name should not be empty']);
    }

    @Post('crash')
    crash(): never {
      throw new Error('connect ECONNREFUSED db.internal:5432 password=hunter2');
    }
  }

  /** No filter of its own: what a global filter sees. */
  @Controller('plain')
  class PlainController {
    @Post('crash')
    crash(): never {
      throw new TypeError('Cannot read properties of undefined');
    }
  }

  @Module({ imports: [SmsModule.forRoot({ client: sandboxClient(baseUrl) })], controllers: [NotifyController, PlainController], providers: [ShippingNotifier] })
  class NotifyModule {}
  return NotifyModule;
}

/** Client scenario: a service gets SmsClient injected and sends through the sandbox; errors answer in the platform shape. */
export function sendScenario(kit: NestKit): void {
  describe.each(PLATFORMS)(`SmsClient injected, on Nest ${kit.major} + %s`, (platform) => {
    async function start() {
      const { sandbox, url: sandboxUrl } = await startSandbox();
      const { url, app } = await serveApp(kit, { module: notifyApp(kit, sandboxUrl), platform });
      return { sandbox, url, app };
    }

    it('sends through the sandbox with the module-configured client', async () => {
      const { sandbox, url } = await start();
      const answer = await postJson(`${url}/notify/shipped`, { phone: '13800138000', name: '张三', order: 'A-1001' });
      expect(answer).toMatchObject({ status: 200, json: { status: 'sent', msgIds: [expect.any(String)] } });
      const messages = await sandbox.messages({ phone: '13800138000' });
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ templateCode: '100002', bid: 'A-1001', text: expect.stringContaining('张三') });
      expect(messages[0]?.msgId).toBe((answer.json as { msgIds: string[] }).msgIds[0]);
    });

    it('as a global filter: reports unexpected errors to report() and answers unknown routes as 40004 (404)', async () => {
      const { url: sandboxUrl } = await startSandbox();
      const reported: { error: unknown; code: number }[] = [];
      class RecordingFilter extends kit.sms.SmsExceptionFilter {
        protected override report(error: unknown, answer: ErrorAnswer): void {
          reported.push({ error, code: answer.body.code });
        }
      }
      const { url } = await serveApp(kit, {
        module: notifyApp(kit, sandboxUrl),
        platform,
        configure: (app) => app.useGlobalFilters(new RecordingFilter(app.get(kit.core.HttpAdapterHost))),
      });
      const missing = await postJson(`${url}/no/such/route`, {});
      expect(missing).toEqual({ status: 404, json: { code: 40004, message: expect.stringMatching(/no\/such\/route/), requestId: expect.stringMatching(UUID) } });
      expect(await postJson(`${url}/plain/crash`, {})).toMatchObject({ status: 503, json: { code: -1 } });
      expect(reported.map((r) => r.code)).toEqual([40004, -1]);
      expect(reported[1]?.error).toBeInstanceOf(TypeError);
    });

    it("answers the platform's error (unknown template, 60001) in the platform shape with its catalogue status", async () => {
      const { url } = await start();
      const answer = await postJson(`${url}/notify/shipped`, { phone: '13800138000', name: '张三', order: 'A-1002', templateCode: '999999' });
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual({ code: 60001, message: expect.any(String), requestId: expect.stringMatching(UUID) });
    });

    it("answers Nest's own 400s as 40004 with their messages", async () => {
      const { url } = await start();
      const answer = await postJson(`${url}/notify/invalid`, {});
      expect(answer).toEqual({
        status: 400,
        json: { code: 40004, message: 'phone must be a mainland mobile number; name should not be empty', requestId: expect.stringMatching(UUID) },
      });
    });

    it('answers an unexpected error as -1 (503) without its message, stack or secrets', async () => {
      const { url } = await start();
      const answer = await postJson(`${url}/notify/crash`, {});
      expect(answer).toEqual({ status: 503, json: { code: -1, message: expect.any(String), requestId: expect.stringMatching(UUID) } });
      expect(JSON.stringify(answer.json)).not.toMatch(/hunter2|ECONNREFUSED|at .*\.ts/);
    });
  });

  describe('SmsException', () => {
    it("carries the catalogue's status for each code", () => {
      const { SmsException } = kit.sms;
      const requestId = 'r';
      expect(new SmsException({ code: 2000, message: 'ip', requestId }).getStatus()).toBe(403);
      expect(new SmsException({ code: 6000, message: 'slow down', requestId }).getStatus()).toBe(429);
      expect(SmsException.fromSmsError(new SmsError({ code: 40002 }), requestId)?.getResponse()).toEqual({ code: 40002, message: expect.any(String), requestId });
      expect(SmsException.fromSmsError(new Error('x'), requestId)).toBeUndefined();
    });
  });
}
