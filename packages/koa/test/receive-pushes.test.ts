import { MemoryNonceStore, type Receipt, type Reply } from '@smskit/core';
import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { platformErrors, receivePushes, type PushReceiver, type ReceivePushesOptions } from '../src/index.js';
import { post, serve } from './serve.js';

const API_KEY = '8767fd835ca3a4eb6f69129d71971760';
const json = { 'content-type': 'application/json' };
const receiptPush = {
  apiKey: API_KEY,
  data: [
    { msgId: '577951956854276096', tel: '18551067101', arriveResult: 'UNDELIV', arriveTime: '2104091735', bid: 'order-7' },
    { msgId: '577951956854276096', tel: '18551067102', arriveResult: 'DELIVRD', arriveTime: '2104091736' },
  ],
};
const replyPush = { apiKey: API_KEY, data: [{ srcId: '106900001', tel: '18551067101', content: '退订', arriveTime: '2104091735' }] };

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

async function start(options: Partial<ReceivePushesOptions> = {}) {
  const receipts: Receipt[][] = [];
  const replies: Reply[][] = [];
  const app = new Koa();
  app.silent = true;
  app.use(platformErrors());
  const receiver: PushReceiver = receivePushes({
    apiKeys: API_KEY,
    onReceipts: (items) => void receipts.push(items),
    onReplies: (items) => void replies.push(items),
    ...options,
  });
  app.use(receiver);
  app.use((ctx) => {
    ctx.body = { fellThrough: true };
  });
  const server = await serve(app);
  closers.push(server.close);
  return { url: server.url, receipts, replies, receiver };
}

const send = (url: string, payload: unknown) => post(url, { headers: json, body: JSON.stringify(payload) });

describe('receivePushes: receipts and replies', () => {
  it('acknowledges a receipt push and hands over typed receipts', async () => {
    const { url, receipts, receiver } = await start();
    const res = await send(url + '/sms/push/receipts', receiptPush);
    expect(res).toMatchObject({ status: 200, json: { code: 200 } });
    await receiver.idle();
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.[0]).toEqual({
      apiKey: API_KEY,
      msgId: '577951956854276096',
      tel: '18551067101',
      status: 'UNDELIV',
      arriveResult: 'UNDELIV',
      delivered: false,
      arriveTime: '2104091735',
      arrivedAt: new Date('2021-04-09T09:35:00.000Z'),
      bid: 'order-7',
    });
    expect(receipts[0]?.[1]).toMatchObject({ status: 'DELIVRD', delivered: true });
  });

  it('acknowledges a reply push and hands over typed replies', async () => {
    const { url, replies, receiver } = await start();
    expect((await send(url + '/sms/push/replies', replyPush)).json).toMatchObject({ code: 200 });
    await receiver.idle();
    expect(replies[0]).toEqual([{ apiKey: API_KEY, srcId: '106900001', tel: '18551067101', content: '退订', arriveTime: '2104091735', arrivedAt: new Date('2021-04-09T09:35:00.000Z') }]);
  });

  it('reports a state it does not know as UNKNOWN, keeping the pushed text', async () => {
    const { url, receipts, receiver } = await start();
    await send(url + '/sms/push/receipts', { apiKey: API_KEY, data: [{ ...receiptPush.data[0], arriveResult: 'MK:0001' }] });
    await receiver.idle();
    expect(receipts[0]?.[0]).toMatchObject({ status: 'UNKNOWN', arriveResult: 'MK:0001', delivered: false });
  });

  it('passes other paths on to the next middleware', async () => {
    const { url } = await start();
    expect((await send(url + '/other', receiptPush)).json).toEqual({ fellThrough: true });
  });

  it('answers before a slow handler has finished', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let finished = false;
    const { url, receiver } = await start({
      onReceipts: async () => {
        await gate;
        finished = true;
      },
    });
    const res = await send(url + '/sms/push/receipts', receiptPush);
    expect(res.json).toMatchObject({ code: 200 });
    expect(finished).toBe(false);
    expect(receiver.pending).toBe(1);
    release();
    await receiver.idle();
    expect(finished).toBe(true);
  });
});

describe('receivePushes: repeats reach the handler once', () => {
  it('drops a repeated push and the repeated items of a partly new one', async () => {
    const { url, receipts, receiver } = await start();
    await send(url + '/sms/push/receipts', receiptPush);
    expect((await send(url + '/sms/push/receipts', receiptPush)).json).toMatchObject({ code: 200 });
    const third = { apiKey: API_KEY, data: [...receiptPush.data, { msgId: '1', tel: '13800138000', arriveResult: 'DELIVRD', arriveTime: '2104091737' }] };
    await send(url + '/sms/push/receipts', third);
    await receiver.idle();
    expect(receipts.map((batch) => batch.length)).toEqual([2, 1]);
    expect(receipts[1]?.[0]?.msgId).toBe('1');
  });

  it('treats a new state of the same message as new', async () => {
    const { url, receipts, receiver } = await start();
    await send(url + '/sms/push/receipts', { apiKey: API_KEY, data: [receiptPush.data[0]] });
    await send(url + '/sms/push/receipts', { apiKey: API_KEY, data: [{ ...receiptPush.data[0], arriveResult: 'DELIVRD' }] });
    await receiver.idle();
    expect(receipts).toHaveLength(2);
  });

  it('de-duplicates replies by number, access number, time and content', async () => {
    const { url, replies, receiver } = await start();
    await send(url + '/sms/push/replies', replyPush);
    await send(url + '/sms/push/replies', replyPush);
    await send(url + '/sms/push/replies', { apiKey: API_KEY, data: [{ ...replyPush.data[0], content: 'TD' }] });
    await receiver.idle();
    expect(replies.map((batch) => batch[0]?.content)).toEqual(['退订', 'TD']);
  });

  it('passes repeats on when de-duplication is off', async () => {
    const { url, receipts, receiver } = await start({ dedupeStore: false });
    await send(url + '/sms/push/receipts', receiptPush);
    await send(url + '/sms/push/receipts', receiptPush);
    await receiver.idle();
    expect(receipts).toHaveLength(2);
  });
});

describe('receivePushes: handler failures are never lost', () => {
  it('gives a failed batch to onError with its items, after acknowledging', async () => {
    const failures: { error: unknown; count: number }[] = [];
    const { url, receiver } = await start({
      onReceipts: () => {
        throw new Error('db down');
      },
      onError: (error, failure) => failures.push({ error, count: failure.items.length }),
    });
    expect((await send(url + '/sms/push/receipts', receiptPush)).json).toMatchObject({ code: 200 });
    await receiver.idle();
    expect(failures).toHaveLength(1);
    expect(failures[0]?.count).toBe(2);
  });

  it('with ack "after-handler": answers -1 on failure and accepts the repeat', async () => {
    let attempts = 0;
    const failures: unknown[] = [];
    const { url } = await start({
      ack: 'after-handler',
      onReceipts: () => {
        attempts++;
        if (attempts === 1) throw new Error('first try fails');
      },
      onError: (error) => failures.push(error),
    });
    expect(await send(url + '/sms/push/receipts', receiptPush)).toMatchObject({ status: 503, json: { code: -1 } });
    expect(await send(url + '/sms/push/receipts', receiptPush)).toMatchObject({ status: 200, json: { code: 200 } });
    expect(attempts).toBe(2);
    expect(failures).toHaveLength(1);
  });

  it('when the queue is full: answers -1 and accepts the repeat later', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const handled: number[] = [];
    const store = new MemoryNonceStore();
    const { url, receiver } = await start({
      concurrency: 1,
      maxQueued: 1,
      dedupeStore: store,
      onReceipts: async (items) => {
        await gate;
        handled.push(items.length);
      },
    });
    const one = (msgId: string) => ({ apiKey: API_KEY, data: [{ ...receiptPush.data[0], msgId }] });
    await send(url + '/sms/push/receipts', one('1'));
    // '1' is running (held at the gate), '2' fills the one waiting place, '3' finds it full
    await send(url + '/sms/push/receipts', one('2'));
    const refused = await send(url + '/sms/push/receipts', one('3'));
    expect(refused).toMatchObject({ status: 503, json: { code: -1 } });
    release();
    await receiver.idle();
    expect((await send(url + '/sms/push/receipts', one('3'))).json).toMatchObject({ code: 200 });
    await receiver.idle();
    expect(handled).toEqual([1, 1, 1]);
  });
});

describe('receivePushes: authentication', () => {
  it('refuses an unknown apiKey with 2001', async () => {
    const { url, receipts } = await start();
    expect(await send(url + '/sms/push/receipts', { ...receiptPush, apiKey: 'other' })).toMatchObject({ status: 401, json: { code: 2001 } });
    expect(receipts).toHaveLength(0);
  });

  it('with a path token: accepts only <path>/<token>', async () => {
    const { url } = await start({ pathToken: 's3cr3t-t0ken' });
    expect(await send(url + '/sms/push/receipts', receiptPush)).toMatchObject({ status: 401, json: { code: 2001 } });
    expect(await send(url + '/sms/push/receipts/wrong', receiptPush)).toMatchObject({ status: 401, json: { code: 2001 } });
    expect(await send(url + '/sms/push/receipts/s3cr3t-t0ken', receiptPush)).toMatchObject({ status: 200, json: { code: 200 } });
    expect(await send(url + '/sms/push/replies/s3cr3t-t0ken', replyPush)).toMatchObject({ status: 200, json: { code: 200 } });
  });

  it('with an IP allowlist: refuses other addresses with 2000', async () => {
    const denied = await start({ allowedIps: ['203.0.113.0/24'] });
    expect(await send(denied.url + '/sms/push/receipts', receiptPush)).toMatchObject({ status: 403, json: { code: 2000 } });
    const allowed = await start({ allowedIps: ['127.0.0.0/8'] });
    expect((await send(allowed.url + '/sms/push/receipts', receiptPush)).status).toBe(200);
  });

  it('answers a GET with 405 and 40004', async () => {
    const { url } = await start();
    expect(await post(url + '/sms/push/receipts', { method: 'GET' })).toMatchObject({ status: 405, json: { code: 40004 } });
  });
});

describe('receivePushes: malformed pushes get 4xx and 40004, never 500', () => {
  const item = receiptPush.data[0]!;
  it.each<[string, string, number]>([
    ['not JSON', 'apiKey=1', 400],
    ['a JSON array', JSON.stringify([receiptPush]), 400],
    ['no data', JSON.stringify({ apiKey: API_KEY }), 400],
    ['data not an array', JSON.stringify({ apiKey: API_KEY, data: item }), 400],
    ['a numeric msgId', JSON.stringify({ apiKey: API_KEY, data: [{ ...item, msgId: 577951956854276096 }] }), 400],
    ['a 12-digit arriveTime', JSON.stringify({ apiKey: API_KEY, data: [{ ...item, arriveTime: '210409173500' }] }), 400],
    ['an impossible arriveTime', JSON.stringify({ apiKey: API_KEY, data: [{ ...item, arriveTime: '2113091735' }] }), 400],
    ['a __proto__ key', `{"apiKey":"${API_KEY}","data":[],"__proto__":{"x":1}}`, 400],
    ['a body past the limit', JSON.stringify({ apiKey: API_KEY, data: [], pad: 'x'.repeat(3 * 1024 * 1024) }), 413],
  ])('%s', async (_name, body, status) => {
    const { url, receipts } = await start();
    const res = await post(url + '/sms/push/receipts', { headers: json, body });
    expect(res).toMatchObject({ status, json: { code: 40004 } });
    expect(receipts).toHaveLength(0);
  });

  it('names the field at fault', async () => {
    const { url } = await start();
    const res = await send(url + '/sms/push/replies', { apiKey: API_KEY, data: [{ srcId: '1', tel: '1', arriveTime: '2104091735' }] });
    expect(res.json?.message).toContain('data.0.content');
  });
});
