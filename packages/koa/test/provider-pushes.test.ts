import { aliyunPushDialect } from '@smskit/aliyun';
import { ChannelReceiptBook, type ChannelReceipt, type PushDialect } from '@smskit/core';
import { tencentPushDialect } from '@smskit/tencent';
import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { receivePushes, type ReceivePushesOptions } from '../src/index.js';
import { post, serve } from './serve.js';

// Aliyun and Tencent push unsigned bodies; the secret path token stands in for a signature.
const TOKEN = 'k3y-in-the-path-9f2';
const json = { 'content-type': 'application/json' };

interface ProviderCase {
  name: string;
  dialect: () => PushDialect<ChannelReceipt, unknown>;
  receipts: unknown;
  replies: unknown;
  ok: object;
  /** the field of the provider's answer that carries the code */
  codeField: 'code' | 'result';
  receipt: Partial<ChannelReceipt>;
  reply: object;
}

const cases: ProviderCase[] = [
  {
    name: 'Aliyun',
    dialect: () => aliyunPushDialect({ channel: 'ali' }),
    receipts: [
      { phone_number: '13800138000', send_time: '2026-11-27 10:00:00', report_time: '2026-11-27 10:00:05', success: true, err_code: 'DELIVERED', err_msg: '用户接收成功', sms_size: '1', biz_id: '932702304080415357^0', out_id: 'order-1' },
      { phone_number: '13800138001', send_time: '2026-11-27 10:00:00', report_time: '2026-11-27 10:00:06', success: false, err_code: 'MK:0001', err_msg: '失败', sms_size: 1, biz_id: '932702304080415357^0' },
    ],
    replies: [{ phone_number: '13800138000', content: 'TD', send_time: '2026-11-27 10:01:00', dest_code: '1234', sequence_id: 1212121 }],
    ok: { code: 0, msg: '成功' },
    codeField: 'code',
    receipt: { channel: 'ali', messageId: '932702304080415357^0', number: '13800138000', state: 'delivered', idempotencyKey: 'order-1', at: new Date('2026-11-27T02:00:05Z') },
    reply: { phone_number: '13800138000', content: 'TD', dest_code: '1234', sequence_id: 1212121 },
  },
  {
    name: 'Tencent',
    dialect: () => tencentPushDialect({ channel: 'tx' }),
    receipts: [
      { user_receive_time: '2026-11-27 10:00:05', nationcode: '86', mobile: '13800138000', report_status: 'SUCCESS', errmsg: 'DELIVRD', description: '用户短信送达成功', sid: 'sid-1' },
      { user_receive_time: '2026-11-27 10:00:06', nationcode: '86', mobile: '13800138001', report_status: 'FAIL', errmsg: 'MK:0001', description: '失败', sid: 'sid-1' },
    ],
    replies: { extend: '', mobile: '13800138000', nationcode: '86', sign: 'smskit', text: 'TD', time: 1_795_000_000 },
    ok: { result: 0, errmsg: 'OK' },
    codeField: 'result',
    receipt: { channel: 'tx', messageId: 'sid-1', number: '13800138000', state: 'delivered', providerCode: 'DELIVRD', at: new Date('2026-11-27T02:00:05Z') },
    reply: { number: '13800138000', text: 'TD', signName: 'smskit' },
  },
];

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

describe.each(cases)('receivePushes with the $name dialect, over HTTP', (provider) => {
  async function start(options: Partial<ReceivePushesOptions<ChannelReceipt, unknown>> = {}) {
    const receipts: ChannelReceipt[][] = [];
    const replies: unknown[][] = [];
    const app = new Koa();
    app.silent = true;
    const receiver = receivePushes({
      dialect: provider.dialect(),
      pathToken: TOKEN,
      allowedIps: ['127.0.0.1', '::ffff:127.0.0.1'],
      onReceipts: (items) => void receipts.push(items),
      onReplies: (items) => void replies.push(items),
      ...options,
    });
    app.use(receiver);
    const server = await serve(app);
    closers.push(server.close);
    return { url: server.url, receipts, replies, receiver };
  }
  const refusal = (code: number) => ({ [provider.codeField]: code });
  const send = (url: string, payload: unknown) => post(url, { headers: json, body: typeof payload === 'string' ? payload : JSON.stringify(payload) });

  it("accepts receipts in the provider's answer shape and hands over channel receipts a ChannelReceiptBook takes", async () => {
    const { url, receipts, receiver } = await start();
    const res = await send(`${url}/sms/push/receipts/${TOKEN}`, provider.receipts);
    expect(res).toMatchObject({ status: 200, json: provider.ok });
    await receiver.idle();
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toHaveLength(2);
    expect(receipts[0]?.[0]).toMatchObject(provider.receipt);
    expect(receipts[0]?.[1]).toMatchObject({ number: '13800138001', state: 'failed', providerCode: 'MK:0001' });
    // a pushed receipt settles the message the router sent
    const book = new ChannelReceiptBook();
    const routed = { number: '13800138000', status: 'sent', channel: provider.receipt.channel, messageId: provider.receipt.messageId, idempotencyKey: 'order-1', passedOver: [] } as const;
    book.record({ status: 'sent', numbers: [routed], invalid: [], duplicates: 0, template: 'otp' });
    expect(book.apply(receipts[0]![0]!)).toMatchObject({ state: 'delivered' });
  });

  it('accepts replies', async () => {
    const { url, replies, receiver } = await start();
    expect(await send(`${url}/sms/push/replies/${TOKEN}`, provider.replies)).toMatchObject({ status: 200, json: provider.ok });
    await receiver.idle();
    expect(replies).toEqual([[expect.objectContaining(provider.reply)]]);
  });

  it('answers a repeated push as accepted but hands each item over once', async () => {
    const { url, receipts, receiver } = await start();
    const first = (provider.receipts as unknown[]).slice(0, 1);
    expect(await send(`${url}/sms/push/receipts/${TOKEN}`, first)).toMatchObject({ status: 200, json: provider.ok });
    expect(await send(`${url}/sms/push/receipts/${TOKEN}`, first)).toMatchObject({ status: 200, json: provider.ok });
    expect(await send(`${url}/sms/push/receipts/${TOKEN}`, provider.receipts)).toMatchObject({ status: 200, json: provider.ok });
    await receiver.idle();
    expect(receipts.map((batch) => batch.map((receipt) => receipt.number))).toEqual([['13800138000'], ['13800138001']]);
  });

  it("refuses a wrong or missing path token in the provider's shape, before reading the body", async () => {
    const { url, receipts } = await start();
    expect(await send(`${url}/sms/push/receipts/not-the-token`, provider.receipts)).toMatchObject({ status: 401, json: refusal(2001) });
    expect(await send(`${url}/sms/push/receipts`, provider.receipts)).toMatchObject({ status: 401, json: refusal(2001) });
    expect(await send(`${url}/sms/push/replies/${TOKEN}x`, provider.replies)).toMatchObject({ status: 401, json: refusal(2001) });
    expect(receipts).toEqual([]);
  });

  it('refuses an address outside the allowlist', async () => {
    const { url, receipts } = await start({ allowedIps: ['10.0.0.0/8'] });
    const res = await send(`${url}/sms/push/receipts/${TOKEN}`, provider.receipts);
    expect(res).toMatchObject({ status: 403, json: refusal(2000) });
    expect(receipts).toEqual([]);
  });

  it('refuses a __proto__ key at any depth, deep nesting, a non-array receipt body and bad JSON with 40004', async () => {
    const { url, receipts } = await start();
    const at = `${url}/sms/push/receipts/${TOKEN}`;
    const proto = JSON.stringify(provider.receipts).replace('{', '{"__proto__":{"polluted":true},');
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    for (const body of [proto, deep, '{"phone_number":"13800138000"}', '"text"', '{']) {
      const res = await send(at, body);
      expect(res.status, body.slice(0, 40)).toBe(400);
      expect(res.json, body.slice(0, 40)).toMatchObject(refusal(40004));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(receipts).toEqual([]);
  });

  it("refuses a body past the limit (413) and a GET (405) in the provider's shape", async () => {
    const { url } = await start({ bodyLimit: 1024 });
    const big = JSON.stringify(Array.from({ length: 50 }, () => (provider.receipts as unknown[])[0]));
    expect(await send(`${url}/sms/push/receipts/${TOKEN}`, big)).toMatchObject({ status: 413, json: refusal(40004) });
    expect(await post(`${url}/sms/push/receipts/${TOKEN}`, { method: 'GET' })).toMatchObject({ status: 405, json: refusal(40004) });
  });

  it('releases a failed batch when the handler runs before the answer, so the repeat is handled', async () => {
    let fail = true;
    const handled: ChannelReceipt[][] = [];
    const { url } = await start({
      ack: 'after-handler',
      onError: () => undefined,
      onReceipts: (items) => {
        if (fail) throw new Error('database down');
        handled.push(items);
      },
    });
    expect(await send(`${url}/sms/push/receipts/${TOKEN}`, provider.receipts)).toMatchObject({ status: 503, json: refusal(-1) });
    fail = false;
    expect(await send(`${url}/sms/push/receipts/${TOKEN}`, provider.receipts)).toMatchObject({ status: 200, json: provider.ok });
    expect(handled.flat()).toHaveLength(2);
  });

  it('refuses apiKeys next to a dialect: those pushes carry no key to check', () => {
    expect(() => receivePushes({ dialect: provider.dialect(), apiKeys: 'k' })).toThrow(TypeError);
  });
});
