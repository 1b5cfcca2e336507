import { aliyunPushDialect } from '@smskit/aliyun';
import type { ChannelReceipt, PushDialect, PushInfo } from '@smskit/core';
import { tencentPushDialect } from '@smskit/tencent';
import { describe, expect, it } from 'vitest';
import type { SmsPushOptions } from '../src/index.js';
import { nest11 as kit } from './nest11-kit.js';
import { PLATFORMS, type Platform } from './scenarios/nest-kit.js';
import { postJson, serveApp } from './scenarios/serve.js';

// Aliyun and Tencent push unsigned bodies; the secret path token stands in for a signature.
const TOKEN = 'nest-push-token-5c1d';

interface ProviderCase {
  name: string;
  dialect: () => PushDialect<ChannelReceipt, unknown>;
  receipts: unknown[];
  replies: unknown;
  ok: object;
  codeField: 'code' | 'result';
  receipt: Partial<ChannelReceipt>;
  reply: object;
}

const cases: ProviderCase[] = [
  {
    name: 'Aliyun',
    dialect: () => aliyunPushDialect(),
    receipts: [
      { phone_number: '13800138000', send_time: '2026-11-27 10:00:00', report_time: '2026-11-27 10:00:05', success: true, err_code: 'DELIVERED', err_msg: '用户接收成功', sms_size: '1', biz_id: '932702304080415357^0', out_id: 'order-1' },
      { phone_number: '13800138001', send_time: '2026-11-27 10:00:00', report_time: '2026-11-27 10:00:06', success: false, err_code: 'MK:0001', err_msg: '失败', sms_size: '1', biz_id: '932702304080415357^0' },
    ],
    replies: [{ phone_number: '13800138000', content: 'TD', send_time: '2026-11-27 10:01:00', dest_code: '1234', sequence_id: 1212121 }],
    ok: { code: 0, msg: '成功' },
    codeField: 'code',
    receipt: { channel: 'aliyun', messageId: '932702304080415357^0', number: '13800138000', state: 'delivered', idempotencyKey: 'order-1' },
    reply: { phone_number: '13800138000', content: 'TD', sequence_id: 1212121 },
  },
  {
    name: 'Tencent',
    dialect: () => tencentPushDialect(),
    receipts: [
      { user_receive_time: '2026-11-27 10:00:05', nationcode: '86', mobile: '13800138000', report_status: 'SUCCESS', errmsg: 'DELIVRD', description: '用户短信送达成功', sid: 'sid-1' },
      { user_receive_time: '2026-11-27 10:00:06', nationcode: '86', mobile: '13800138001', report_status: 'FAIL', errmsg: 'MK:0001', description: '失败', sid: 'sid-1' },
    ],
    replies: { extend: '', mobile: '13800138000', nationcode: '86', sign: 'smskit', text: 'TD', time: 1_795_000_000 },
    ok: { result: 0, errmsg: 'OK' },
    codeField: 'result',
    receipt: { channel: 'tencent', messageId: 'sid-1', number: '13800138000', state: 'delivered', providerCode: 'DELIVRD' },
    reply: { number: '13800138000', text: 'TD', signName: 'smskit' },
  },
];

/** An app whose marked methods receive the provider's pushes at /hooks/<kind>/<token>. */
function providerApp(provider: ProviderCase, push: Partial<SmsPushOptions> = {}) {
  const { Injectable, Module } = kit.common;
  const { OnSmsReceipts, OnSmsReplies, SmsModule } = kit.sms;
  const receipts: ChannelReceipt[][] = [];
  const replies: unknown[][] = [];

  @Injectable()
  class Deliveries {
    @OnSmsReceipts()
    delivered(items: ChannelReceipt[], info: PushInfo) {
      expect(info.kind).toBe('receipts');
      receipts.push(items);
    }

    @OnSmsReplies()
    replied(items: unknown[]) {
      replies.push(items);
    }
  }

  @Module({
    imports: [SmsModule.forRoot({ pushPath: '/hooks', push: { dialect: provider.dialect(), pathToken: TOKEN, allowedIps: ['127.0.0.1', '::ffff:127.0.0.1'], ...push } })],
    providers: [Deliveries],
  })
  class ProviderModule {}
  return { ProviderModule, receipts, replies };
}

describe.each(cases)('Nest push receiver with the $name dialect', (provider) => {
  const refusal = (code: number) => ({ [provider.codeField]: code });

  describe.each(PLATFORMS)('on %s', (platform: Platform) => {
    async function start(push: Partial<SmsPushOptions> = {}) {
      const app = providerApp(provider, push);
      const { url, app: nest } = await serveApp(kit, { module: app.ProviderModule, platform });
      return { ...app, url, receiver: nest.get(kit.sms.SmsPushReceiver) };
    }

    it("accepts receipts and replies in the provider's shape and hands the marked methods channel receipts", async () => {
      const { url, receiver, receipts, replies } = await start();
      expect(await postJson(`${url}/hooks/receipts/${TOKEN}`, provider.receipts)).toMatchObject({ status: 200, json: provider.ok });
      expect(await postJson(`${url}/hooks/replies/${TOKEN}`, provider.replies)).toMatchObject({ status: 200, json: provider.ok });
      await receiver.idle();
      expect(receipts).toHaveLength(1);
      expect(receipts[0]?.[0]).toMatchObject(provider.receipt);
      expect(receipts[0]?.[0]?.at).toEqual(new Date('2026-11-27T02:00:05Z'));
      expect(replies).toEqual([[expect.objectContaining(provider.reply)]]);
    });

    it('drops repeated items but answers every push as accepted', async () => {
      const { url, receiver, receipts } = await start();
      for (const body of [provider.receipts.slice(0, 1), provider.receipts.slice(0, 1), provider.receipts]) {
        expect(await postJson(`${url}/hooks/receipts/${TOKEN}`, body)).toMatchObject({ status: 200, json: provider.ok });
      }
      await receiver.idle();
      expect(receipts.map((batch) => batch.map((receipt) => receipt.number))).toEqual([['13800138000'], ['13800138001']]);
    });

    it("refuses a wrong or missing token and a stranger's address in the provider's shape", async () => {
      const { url, receipts } = await start();
      expect(await postJson(`${url}/hooks/receipts/wrong-token`, provider.receipts)).toMatchObject({ status: 401, json: refusal(2001) });
      expect(await postJson(`${url}/hooks/receipts`, provider.receipts)).toMatchObject({ status: 401, json: refusal(2001) });
      const fenced = await start({ allowedIps: ['10.0.0.0/8'] });
      expect(await postJson(`${fenced.url}/hooks/receipts/${TOKEN}`, provider.receipts)).toMatchObject({ status: 403, json: refusal(2000) });
      expect(receipts).toEqual([]);
      expect(fenced.receipts).toEqual([]);
    });

    it('refuses __proto__, deep nesting and a non-array receipt body with 40004 in its shape; bad JSON is refused 400 by the parser', async () => {
      const { url, receipts } = await start();
      const at = `${url}/hooks/receipts/${TOKEN}`;
      const proto = JSON.stringify(provider.receipts).replace('{', '{"__proto__":{"polluted":true},');
      const deep = '['.repeat(3000) + ']'.repeat(3000);
      // Fastify's JSON parser refuses __proto__ itself, before any route (its own 400 shape)
      const gated = platform === 'fastify' ? [deep, '{"phone_number":"13800138000"}'] : [proto, deep, '{"phone_number":"13800138000"}'];
      for (const body of gated) {
        const answer = await postJson(at, body);
        expect(answer.status, body.slice(0, 40)).toBe(400);
        expect(answer.json, body.slice(0, 40)).toMatchObject(refusal(40004));
      }
      // refused before routing, so answered by the app's global filter, never accepted
      for (const body of platform === 'fastify' ? [proto, '{'] : ['{']) {
        const answer = await fetch(at, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        expect(answer.status, body.slice(0, 40)).toBe(400);
        expect(await answer.text()).not.toContain(JSON.stringify(provider.ok).slice(1, -1));
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(receipts).toEqual([]);
    });
  });
});
