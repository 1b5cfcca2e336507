import type { Receipt, Reply } from '@smskit/core';
import { receivePushes } from '@smskit/koa';
import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, startSandbox } from './harness.js';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

/** A customer's push endpoint built with @smskit/koa's receivePushes. */
async function receiver() {
  const receipts: Receipt[] = [];
  const replies: Reply[] = [];
  const app = new Koa();
  const pushes = receivePushes({ apiKeys: API_KEY, pathToken: 'tok', onReceipts: (r) => void receipts.push(...r), onReplies: (r) => void replies.push(...r) });
  app.use(pushes);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as { port: number }).port;
  closers.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return { base: `http://127.0.0.1:${port}`, receipts, replies, idle: () => pushes.idle() };
}

/** An endpoint that never answers, like a customer server stuck on a slow database. */
async function stuckReceiver() {
  const { createServer } = await import('node:http');
  let hits = 0;
  const server = createServer(() => void hits++);
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as { port: number }).port;
  closers.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return { url: `http://127.0.0.1:${port}/push`, hits: () => hits };
}

const fixed = { phones: '13800138000,13800138004', templateCode: '100003', bid: 'order-9' };

describe('receipt pushes', () => {
  it('pushes receipts in the platform format, which receivePushes accepts', async () => {
    const customer = await receiver();
    const { call, sandbox } = await startSandbox({ pushUrl: `${customer.base}/sms/push/receipts/tok`, deliveryRules: [{ suffix: '4', state: 'UNDELIV' }] });
    const msgId = ((await call('/message/send', fixed)).json.data as { msgId: string }).msgId;
    await sandbox.pushesIdle();
    await customer.idle();
    expect(customer.receipts.map((r) => [r.msgId, r.tel, r.status, r.delivered, r.bid])).toEqual([
      [msgId, '13800138000', 'DELIVRD', true, 'order-9'],
      [msgId, '13800138004', 'UNDELIV', false, 'order-9'],
    ]);
    expect(sandbox.pushAttempts()).toMatchObject([{ kind: 'receipts', items: 2, outcome: 'ok', status: 200 }]);
  });

  it('still lets receipts be pulled when they were pushed', async () => {
    const customer = await receiver();
    const { call, sandbox } = await startSandbox({ pushUrl: `${customer.base}/sms/push/receipts/tok` });
    await call('/message/send', fixed);
    await sandbox.pushesIdle();
    expect((await call('/sms/arriveRes/qry')).json.data).toHaveLength(2);
  });

  it('splits large settlements into pushes of pushBatchSize', async () => {
    const customer = await receiver();
    const { call, sandbox } = await startSandbox({ pushUrl: `${customer.base}/sms/push/receipts/tok`, pushBatchSize: 2, deliveryDelayMs: 3_600_000 });
    await call('/message/send', { phones: '13800138001,13800138002,13800138003', templateCode: '100003' });
    await sandbox.deliverNow();
    await sandbox.pushesIdle();
    expect(sandbox.pushAttempts().map((a) => a.items)).toEqual([2, 1]);
  });

  it('stops pushing after three slow pushes in a row, and resumes on request', async () => {
    const stuck = await stuckReceiver();
    const { call, sandbox, admin } = await startSandbox({ pushUrl: stuck.url, pushTimeoutMs: 100 });
    for (let i = 0; i < 4; i++) {
      await call('/message/send', { phones: '13800138000', templateCode: '100003' });
      await sandbox.pushesIdle();
    }
    expect(sandbox.pushAttempts().map((a) => a.outcome)).toEqual(['slow', 'slow', 'slow', 'skipped']);
    expect(stuck.hits()).toBe(3);
    const state = await admin('/pushes');
    expect(state.json.data).toMatchObject({ status: { stopped: true, consecutiveSlow: 3 } });
    await admin('/pushes/resume', {});
    await call('/message/send', { phones: '13800138000', templateCode: '100003' });
    await sandbox.pushesIdle();
    expect(stuck.hits()).toBe(4);
  });

  it('ends a slow streak with a push answered in time', async () => {
    let stall = true;
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => {
      if (!stall) res.end('{"code":200}');
    });
    server.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    closers.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    // a generous limit, so the push answered at once is never slow on a busy machine; two slow
    // pushes in a row would stop pushing, but a fast one between them ends the streak
    const { call, sandbox } = await startSandbox({ pushUrl: url, pushTimeoutMs: 1000, maxSlowPushes: 2 });
    const sendOne = async () => {
      await call('/message/send', { phones: '13800138000', templateCode: '100003' });
      await sandbox.pushesIdle();
    };
    await sendOne();
    stall = false;
    await sendOne();
    stall = true;
    await sendOne();
    expect(sandbox.pushAttempts().map((a) => a.outcome)).toEqual(['slow', 'ok', 'slow']);
    expect(sandbox.pushStatus()).toMatchObject({ stopped: false, consecutiveSlow: 1 });
  });

  it('records a push to a closed port as failed, without stopping', async () => {
    const { call, sandbox } = await startSandbox({ pushUrl: 'http://127.0.0.1:9/unreachable' });
    await call('/message/send', { phones: '13800138000', templateCode: '100003' });
    await sandbox.pushesIdle();
    expect(sandbox.pushAttempts()).toMatchObject([{ outcome: 'failed' }]);
    expect(sandbox.pushStatus().stopped).toBe(false);
  });
});

describe('uplink replies', () => {
  it('injects a reply over /_sandbox/replies and pushes it in the platform format', async () => {
    const customer = await receiver();
    const { admin, sandbox } = await startSandbox({ replyPushUrl: `${customer.base}/sms/push/replies/tok` });
    const injected = await admin('/replies', { tel: '13800138000', content: '退订', upExtendCode: '32' });
    expect(injected.json.data).toMatchObject({ srcId: '106900032', tel: '13800138000', content: '退订', apiKey: API_KEY });
    await sandbox.pushesIdle();
    await customer.idle();
    expect(customer.replies).toMatchObject([{ srcId: '106900032', tel: '13800138000', content: '退订' }]);
    expect((await admin('/replies?phone=13800138000')).json.data).toHaveLength(1);
  });

  it('keeps injected replies when no reply URL is set', async () => {
    const { sandbox } = await startSandbox();
    await sandbox.injectReply({ tel: '13800138000', content: 'Y' });
    expect(await sandbox.replies({})).toHaveLength(1);
    expect(sandbox.pushAttempts()).toEqual([]);
  });

  it('refuses a reply without content, and for an unknown account', async () => {
    const { admin } = await startSandbox();
    expect((await admin('/replies', { tel: '13800138000' })).json.code).toBe(40004);
    expect((await admin('/replies', { tel: '13800138000', content: 'x', apiKey: 'nobody' })).json.code).toBe(40004);
  });
});
