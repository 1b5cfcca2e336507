/*
 * End to end, per provider: send through the provider's channel to the sandbox, which pushes the
 * receipt (and a reply) in that provider's format to a Koa app mounting receivePushes with the
 * provider's dialect; the handlers see normalised channel receipts, and the sandbox sees the
 * provider's own "accepted" answer (it repeats anything else).
 */
import { aliyunChannel, aliyunPushDialect, type AliyunReply } from '@smskit/aliyun';
import { ChannelReceiptBook, type ChannelReceipt, type PushDialect } from '@smskit/core';
import { receivePushes, type PushReceiver } from '@smskit/koa';
import { tencentChannel, tencentPushDialect, type TencentReply } from '@smskit/tencent';
import Koa from 'koa';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAliyunSandbox, createSandbox } from '../src/index.js';

const TOKEN = 'e2e-push-token-77aa';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A Koa app on 127.0.0.1 receiving one provider's pushes at /sms/push/<kind>/<TOKEN>. */
async function koaReceiver<U>(dialect: PushDialect<ChannelReceipt, U>) {
  const receipts: ChannelReceipt[] = [];
  const replies: U[] = [];
  const app = new Koa();
  app.silent = true;
  const receiver: PushReceiver = receivePushes({
    dialect,
    pathToken: TOKEN,
    allowedIps: ['127.0.0.1', '::ffff:127.0.0.1'],
    onReceipts: (items) => void receipts.push(...items),
    onReplies: (items) => void replies.push(...items),
  });
  app.use(receiver);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  closers.push(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms/push`;
  return { receipts, replies, receiver, receiptUrl: `${url}/receipts/${TOKEN}`, replyUrl: `${url}/replies/${TOKEN}` };
}

/** What the router would have recorded for one sent number, so the book follows it. */
function follow(book: ChannelReceiptBook, sent: { channel: string; number: string; messageId?: string; idempotencyKey: string }) {
  book.record({ status: 'sent', invalid: [], duplicates: 0, template: 'otp', numbers: [{ status: 'sent', passedOver: [], ...sent }] });
}

describe('Aliyun: channel → sandbox → SmsReport/SmsUp push → Koa with aliyunPushDialect', () => {
  it('hands the handler the delivered receipt as a channel receipt and the reply, answered {"code":0}', async () => {
    const koa = await koaReceiver<AliyunReply>(aliyunPushDialect({ channel: 'ali' }));
    const sandbox = createAliyunSandbox({ accessKeyId: 'id', accessKeySecret: 'secret', deliveryDelayMs: 0, reportUrl: koa.receiptUrl, upUrl: koa.replyUrl, pushRetryDelaysMs: [] });
    const running = await sandbox.listen({ port: 0 });
    const channel = aliyunChannel({ accessKeyId: 'id', accessKeySecret: 'secret', endpoint: running.url, name: 'ali' });
    closers.push(async () => {
      await channel.close();
      await running.close();
    });
    const sent = await channel.send({ template: { templateCode: 'SMS_465300001', signName: 'smskit', params: { name: 'who', order: 'orderId' } }, idempotencyKey: 'order-42', numbers: ['13700000001'], values: { who: '张三', orderId: 'A1' } });
    expect(sent.outcomes[0]).toMatchObject({ status: 'sent' });
    sandbox.injectReply({ phone: '13700000001', content: 'TD' });
    await sandbox.pushesIdle();
    await koa.receiver.idle();

    expect(sandbox.pushAttempts()).toEqual([expect.objectContaining({ kind: 'SmsReport', ok: true }), expect.objectContaining({ kind: 'SmsUp', ok: true })]);
    expect(koa.receipts).toEqual([expect.objectContaining({ channel: 'ali', messageId: sent.outcomes[0]?.messageId, number: '13700000001', state: 'delivered', idempotencyKey: 'order-42', at: expect.any(Date) })]);
    expect(koa.replies).toEqual([expect.objectContaining({ phone_number: '13700000001', content: 'TD' })]);
    const book = new ChannelReceiptBook();
    follow(book, { channel: 'ali', number: '13700000001', messageId: sent.outcomes[0]?.messageId, idempotencyKey: 'order-42' });
    expect(book.apply(koa.receipts[0]!)).toMatchObject({ state: 'delivered' });
  });

  it('the sandbox repeats a push refused for a wrong token, and the receiver never hands it over', async () => {
    const koa = await koaReceiver<AliyunReply>(aliyunPushDialect());
    const sandbox = createAliyunSandbox({ accessKeyId: 'id', accessKeySecret: 'secret', deliveryDelayMs: 0, reportUrl: koa.receiptUrl.replace(TOKEN, 'guessed'), pushRetryDelaysMs: [10] });
    const running = await sandbox.listen({ port: 0 });
    const channel = aliyunChannel({ accessKeyId: 'id', accessKeySecret: 'secret', endpoint: running.url });
    closers.push(async () => {
      await channel.close();
      await running.close();
    });
    await channel.send({ template: { templateCode: 'SMS_465300001', signName: 'smskit', params: { name: 'who', order: 'orderId' } }, idempotencyKey: 'k', numbers: ['13700000002'], values: { who: 'a', orderId: 'b' } });
    await sandbox.pushesIdle();
    expect(sandbox.pushAttempts().map((attempt) => attempt.ok)).toEqual([false, false]);
    expect(koa.receipts).toEqual([]);
  });
});

describe('Tencent: channel → sandbox → receipt/reply callback → Koa with tencentPushDialect', () => {
  it('hands the handler the delivered receipt as a channel receipt and the reply, answered {"result":0}', async () => {
    const koa = await koaReceiver<TencentReply>(tencentPushDialect({ channel: 'tx' }));
    const secret = { secretId: 'AKIDpush0000000000000000000000000', secretKey: 'push-secret', sdkAppId: '1400000003' };
    const attempts: unknown[] = [];
    const sandbox = createSandbox({ deliveryDelayMs: 0, rateLimits: false, tencent: { ...secret, receiptPushUrl: koa.receiptUrl, replyPushUrl: koa.replyUrl, pushTimeoutMs: 10_000, onPush: (a) => void attempts.push(a) } });
    const running = await sandbox.listen({ port: 0, host: '127.0.0.1' });
    const channel = tencentChannel({ ...secret, endpoint: running.tencentUrl, timeoutMs: 5000, name: 'tx' });
    closers.push(async () => {
      await channel.close();
      await running.close();
    });
    const sent = await channel.send({ numbers: ['13800138000'], values: { code: '1', minutes: '5' }, template: { templateId: '1110', signName: 'smskit', params: ['code', 'minutes'] }, idempotencyKey: 'order-43' });
    expect(sent.outcomes[0]).toMatchObject({ status: 'sent' });
    await sandbox.tencent!.injectReply({ phone: '13800138000', text: 'TD 退订', signName: 'smskit' });
    await sandbox.pushesIdle();
    await koa.receiver.idle();

    expect(attempts).toEqual([expect.objectContaining({ kind: 'receipts', outcome: 200, acknowledged: true }), expect.objectContaining({ kind: 'replies', outcome: 200, acknowledged: true })]);
    expect(koa.receipts).toEqual([expect.objectContaining({ channel: 'tx', messageId: sent.outcomes[0]?.messageId, number: '13800138000', state: 'delivered', providerState: 'SUCCESS', at: expect.any(Date) })]);
    expect(koa.replies).toEqual([expect.objectContaining({ number: '13800138000', text: 'TD 退订', signName: 'smskit' })]);
    const book = new ChannelReceiptBook();
    follow(book, { channel: 'tx', number: '13800138000', messageId: sent.outcomes[0]?.messageId, idempotencyKey: 'order-43' });
    expect(book.apply(koa.receipts[0]!)).toMatchObject({ state: 'delivered' });
  });
});
