import type { PushFailure, PushInfo, Receipt, Reply } from '@smskit/core';
import { SmsClient } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import type { SmsPushOptions } from '../../src/index.js';
import { PLATFORMS, type NestKit, type Platform } from './nest-kit.js';
import { SANDBOX_ACCOUNT, sandboxClient, sandboxServer } from './sandbox.js';
import { postJson, serveApp, UUID } from './serve.js';

const TOKEN = 'push-token-0f9e8d7c';

/** A gate a handler waits on, so a test can hold it mid-flight. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** The app: a delivery log whose marked methods receive the pushes. */
function deliveryApp(kit: NestKit, options: { sandboxUrl: string; push?: Partial<SmsPushOptions>; pushPath?: string; failReceipts?: boolean; holdReceipts?: Promise<void> }) {
  const { Injectable, Module } = kit.common;
  const { OnSmsReceipts, OnSmsReplies, SmsModule } = kit.sms;
  const receipts: { items: Receipt[]; info: PushInfo }[] = [];
  const replies: Reply[][] = [];
  const failures: { error: unknown; failure: PushFailure }[] = [];

  @Injectable()
  class DeliveryLog {
    @OnSmsReceipts()
    async delivered(items: Receipt[], info: PushInfo) {
      await options.holdReceipts;
      if (options.failReceipts) throw new Error('the delivery log is down');
      receipts.push({ items, info });
    }

    @OnSmsReplies()
    replied(items: Reply[]) {
      replies.push(items);
    }
  }

  @Module({
    imports: [
      SmsModule.forRoot({
        pushPath: options.pushPath ?? '/sms/push',
        client: sandboxClient(options.sandboxUrl),
        push: { apiKeys: SANDBOX_ACCOUNT.apiKey, onError: (error, failure) => void failures.push({ error, failure }), ...options.push },
      }),
    ],
    providers: [DeliveryLog],
  })
  class DeliveryModule {}
  return { DeliveryModule, receipts, replies, failures };
}

const receiptPush = (msgId = '577951956854276096') => ({
  apiKey: SANDBOX_ACCOUNT.apiKey,
  data: [{ msgId, tel: '18551067101', arriveResult: 'DELIVRD', arriveTime: '2104091735', bid: 'order-7' }],
});

/** Push scenario: the sandbox's receipt and reply pushes reach the marked handlers, with the Koa package's guarantees. */
export function pushScenario(kit: NestKit): void {
  describe.each(PLATFORMS)(`push webhooks on Nest ${kit.major} + %s`, (platform: Platform) => {
    async function start(options: Omit<Parameters<typeof deliveryApp>[1], 'sandboxUrl'> & { sandboxToken?: string } = {}) {
      const sandboxAt = await sandboxServer();
      const app = deliveryApp(kit, { ...options, sandboxUrl: sandboxAt.url });
      const { url, app: nest } = await serveApp(kit, { module: app.DeliveryModule, platform });
      const suffix = options.sandboxToken === undefined ? '' : `/${options.sandboxToken}`;
      const sandbox = sandboxAt.start({ pushUrl: `${url}/sms/push/receipts${suffix}`, replyPushUrl: `${url}/sms/push/replies${suffix}` });
      const receiver = nest.get(kit.sms.SmsPushReceiver);
      return { ...app, url, nest, sandbox, receiver };
    }

    it('hands the receipts the sandbox pushes for a send to the @OnSmsReceipts method', async () => {
      const { nest, sandbox, receiver, receipts, failures } = await start();
      const sent = await nest.get(SmsClient).send({ phones: ['13800138000', '13800138001'], templateCode: '100003', bid: 'order-9' });
      await sandbox.pushesIdle();
      await receiver.idle();
      const items = receipts.flatMap((r) => r.items);
      expect(items.map((r) => r.tel).sort()).toEqual(['13800138000', '13800138001']);
      expect(items[0]).toMatchObject({ apiKey: SANDBOX_ACCOUNT.apiKey, msgId: sent.msgIds[0], status: 'DELIVRD', delivered: true, bid: 'order-9', arrivedAt: expect.any(Date) });
      expect(receipts[0]?.info).toMatchObject({ kind: 'receipts', requestId: expect.stringMatching(UUID), sourceIp: expect.stringMatching(/127\.0\.0\.1/) });
      expect(sandbox.pushAttempts().every((attempt) => attempt.status === 200)).toBe(true);
      expect(failures).toEqual([]);
    });

    it('hands replies to the @OnSmsReplies method', async () => {
      const { sandbox, receiver, replies } = await start();
      await sandbox.injectReply({ tel: '13800138000', content: '退订' });
      await sandbox.pushesIdle();
      await receiver.idle();
      expect(replies.flat()).toMatchObject([{ tel: '13800138000', content: '退订', srcId: expect.any(String), arrivedAt: expect.any(Date) }]);
    });

    it('accepts pushes only at the secret path token when one is set', async () => {
      const { url, sandbox, receiver, replies } = await start({ push: { pathToken: TOKEN }, sandboxToken: TOKEN });
      expect(await postJson(`${url}/sms/push/receipts`, receiptPush())).toMatchObject({ status: 401, json: { code: 2001, message: 'Unknown push path token.' } });
      expect(await postJson(`${url}/sms/push/receipts/wrong-token-00000000`, receiptPush())).toMatchObject({ status: 401, json: { code: 2001 } });
      await sandbox.injectReply({ tel: '13800138000', content: 'hi' });
      await sandbox.pushesIdle();
      await receiver.idle();
      expect(replies.flat()).toHaveLength(1);
    });

    it('answers 404 for a token segment when no token is configured', async () => {
      const { url } = await start();
      expect(await postJson(`${url}/sms/push/receipts/${TOKEN}`, receiptPush())).toMatchObject({ status: 404, json: { code: 40004 } });
    });

    it('hands a repeated push to the handler once, and answers both', async () => {
      const { url, receiver, receipts } = await start();
      expect((await postJson(`${url}/sms/push/receipts`, receiptPush())).json).toEqual({ code: 200, message: 'OK', requestId: expect.stringMatching(UUID) });
      expect((await postJson(`${url}/sms/push/receipts`, receiptPush())).json).toMatchObject({ code: 200 });
      await receiver.idle();
      expect(receipts.flatMap((r) => r.items)).toHaveLength(1);
    });

    it('refuses an unknown apiKey (2001), an address off the allowlist (2000) and a malformed body (40004)', async () => {
      const { url, receipts } = await start({ push: { allowedIps: ['10.0.0.0/8', '127.0.0.1'] } });
      expect(await postJson(`${url}/sms/push/receipts`, { ...receiptPush(), apiKey: 'someone-else' })).toMatchObject({ status: 401, json: { code: 2001 } });
      expect(await postJson(`${url}/sms/push/receipts`, { apiKey: SANDBOX_ACCOUNT.apiKey, data: [{ msgId: '1' }] })).toMatchObject({ status: 400, json: { code: 40004, message: expect.stringMatching(/Malformed receipt push/) } });
      const offList = await start({ push: { allowedIps: ['10.0.0.0/8'] } });
      expect(await postJson(`${offList.url}/sms/push/receipts`, receiptPush())).toMatchObject({ status: 403, json: { code: 2000 } });
      expect(receipts).toEqual([]);
    });

    it('answers before the handler finishes (ack first, handle after)', async () => {
      const held = gate();
      const { url, receiver, receipts } = await start({ holdReceipts: held.opened });
      const answer = await postJson(`${url}/sms/push/receipts`, receiptPush());
      expect(answer).toMatchObject({ status: 200, json: { code: 200 } });
      expect(receipts).toEqual([]);
      expect(receiver.pending).toBe(1);
      held.open();
      await receiver.idle();
      expect(receipts).toHaveLength(1);
    });

    it('reports a failing handler to push.onError with the items, after answering 200', async () => {
      const { url, receiver, failures } = await start({ failReceipts: true });
      expect((await postJson(`${url}/sms/push/receipts`, receiptPush('m-fail'))).status).toBe(200);
      await receiver.idle();
      expect(failures).toHaveLength(1);
      expect(failures[0]?.error).toMatchObject({ message: 'the delivery log is down' });
      expect(failures[0]?.failure).toMatchObject({ kind: 'receipts', items: [{ msgId: 'm-fail' }] });
    });

    it("with ack 'after-handler', answers -1 on failure and accepts the platform's repeat", async () => {
      const { url, failures } = await start({ failReceipts: true, push: { ack: 'after-handler' } });
      expect(await postJson(`${url}/sms/push/receipts`, receiptPush('m-again'))).toMatchObject({ status: 503, json: { code: -1 } });
      expect(await postJson(`${url}/sms/push/receipts`, receiptPush('m-again'))).toMatchObject({ status: 503, json: { code: -1 } });
      expect(failures).toHaveLength(2);
    });

    it('refuses to start with pushPath but no push section', async () => {
      const { Module } = kit.common;
      const { SmsModule } = kit.sms;
      @Module({ imports: [SmsModule.forRoot({ pushPath: '/sms/push' })] })
      class Misconfigured {}
      await expect(serveApp(kit, { module: Misconfigured, platform })).rejects.toThrow(/has no `push` section/);
    });
  });
}
