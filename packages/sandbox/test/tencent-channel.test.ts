import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isSmsError } from '@smskit/core';
import { tencentChannel, TencentPushReceiver, type TencentChannelOptions } from '@smskit/tencent';
import { createSandbox, type TencentSandboxOptions } from '../src/index.js';

const TENCENT: TencentSandboxOptions = { secretId: 'AKIDchannel000000000000000000000', secretKey: 'channel-secret-密钥', sdkAppId: '1400000002' };
const template = { templateId: '1110', signName: 'smskit', params: ['code', 'minutes'] };
let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

async function start(tencent: Partial<TencentSandboxOptions> = {}, channel: Partial<TencentChannelOptions> = {}) {
  const sandbox = createSandbox({ deliveryDelayMs: 0, rateLimits: false, tencent: { ...TENCENT, ...tencent } });
  const running = await sandbox.listen({ port: 0, host: '127.0.0.1' });
  const ch = tencentChannel({ secretId: TENCENT.secretId, secretKey: TENCENT.secretKey, sdkAppId: TENCENT.sdkAppId, endpoint: running.tencentUrl, timeoutMs: 2000, ...channel });
  closers.push(async () => {
    await ch.close();
    await running.close();
  });
  return { sandbox, channel: ch, running };
}

describe('tencentChannel against the sandbox over real HTTP', () => {
  it('sends to every number, keyed by the idempotency key, and pulls receipts with it', async () => {
    const { sandbox, channel } = await start();
    const result = await channel.send({ numbers: ['13800138000', '13900139000'], values: { code: '123456', minutes: '5' }, template, idempotencyKey: 'key-1' });
    expect(result.outcomes.map((o) => [o.number, o.status, o.code])).toEqual([
      ['13800138000', 'sent', 'Ok'],
      ['13900139000', 'sent', 'Ok'],
    ]);
    await sandbox.tencent?.deliverNow();
    const receipts = await channel.pullReceipts!({});
    expect(receipts.map((r) => [r.number, r.state, r.idempotencyKey, r.messageId])).toEqual(
      expect.arrayContaining([
        ['13800138000', 'delivered', 'key-1', result.outcomes[0]?.messageId],
        ['13900139000', 'delivered', 'key-1', result.outcomes[1]?.messageId],
      ]),
    );
  });

  it('reports each number of a partly failed request with its own class', async () => {
    const { channel } = await start();
    await channel.send({ numbers: ['13800138000'], values: { code: '1', minutes: '5' }, template, idempotencyKey: 'a' });
    const result = await channel.send({ numbers: ['13800138000', '13900139000'], values: { code: '1', minutes: '5' }, template, idempotencyKey: 'b' });
    expect(result.outcomes.map((o) => [o.number, o.status, o.failure, o.code])).toEqual([
      ['13800138000', 'failed', 'stop', 'LimitExceeded.PhoneNumberThirtySecondLimit'],
      ['13900139000', 'sent', undefined, 'Ok'],
    ]);
  });

  it('sends abroad in E.164 with an international template', async () => {
    const { sandbox, channel } = await start();
    const result = await channel.send({ numbers: ['+447911123456'], values: { code: '123456', minutes: '5' }, template: { templateId: '2220', params: ['code', 'minutes'] }, idempotencyKey: 'intl' });
    expect(result.outcomes[0]).toMatchObject({ status: 'sent', code: 'Ok' });
    expect((await sandbox.tencent!.messages())[0]).toMatchObject({ phone: '+447911123456', text: 'Your verification code is 123456. It expires in 5 minutes.', parts: 1 });
  });

  it('sends different values per number with sendBatch', async () => {
    const { sandbox, channel } = await start();
    const result = await channel.sendBatch({ template, idempotencyKey: 'batch', messages: [
      { number: '13800138000', values: { code: '111111', minutes: '5' } },
      { number: '13900139000', values: { code: '222222', minutes: '5' } },
      { number: '13700137000', values: { code: '111111', minutes: '5' } },
    ] });
    expect(result.outcomes.map((o) => [o.number, o.status])).toEqual([['13800138000', 'sent'], ['13900139000', 'sent'], ['13700137000', 'sent']]);
    const texts = new Map((await sandbox.tencent!.messages()).map((m) => [m.phone, m.text]));
    expect(texts.get('13900139000')).toContain('222222');
    expect(texts.get('13700137000')).toContain('111111');
  });

  it('classes a wrong key as failover (2001), without the secret in the error', async () => {
    const { channel } = await start({}, { secretKey: 'wrong-key' });
    const [outcome] = (await channel.send({ numbers: ['13800138000'], values: { code: '1', minutes: '5' }, template, idempotencyKey: 'k' })).outcomes;
    expect(outcome).toMatchObject({ status: 'failed', failure: 'failover', code: 'AuthFailure.SignatureFailure' });
    expect(isSmsError(outcome?.error) && outcome.error.code).toBe(2001);
    expect(JSON.stringify([outcome?.error?.message, outcome?.error?.hint])).not.toContain(TENCENT.secretKey);
  });

  it('never reads a platform timeout or a dropped connection as failed: both are unknown', async () => {
    const { sandbox, channel } = await start();
    sandbox.tencent?.setFaults({ fail: 1, failCode: 'InternalError.Timeout' });
    const timedOut = await channel.send({ numbers: ['13800138000'], values: { code: '1', minutes: '5' }, template, idempotencyKey: 't' });
    expect(timedOut.outcomes[0]).toMatchObject({ status: 'unknown', failure: 'unknown', code: 'InternalError.Timeout' });
    sandbox.tencent?.setFaults({ drop: 1 });
    const dropped = await channel.send({ numbers: ['13800138000'], values: { code: '2', minutes: '5' }, template, idempotencyKey: 'd' });
    expect(dropped.outcomes[0]).toMatchObject({ status: 'unknown', failure: 'unknown', code: 'smskit.NoAnswer' });
  });

  it('classes a refused connection as retry: nothing was written', async () => {
    const { running } = await start();
    const closed = tencentChannel({ secretId: TENCENT.secretId, secretKey: TENCENT.secretKey, sdkAppId: TENCENT.sdkAppId, endpoint: `http://127.0.0.1:${running.tencentPort}` });
    await running.close();
    const result = await closed.send({ numbers: ['13800138000'], values: { code: '1', minutes: '5' }, template, idempotencyKey: 'r' });
    expect(result.outcomes[0]).toMatchObject({ status: 'failed', failure: 'retry', code: 'smskit.Unreachable' });
    await closed.close();
  });

  it('checks template fields locally: wrong fields fail over, missing values stop', async () => {
    const { channel } = await start();
    expect(channel.checkTemplate({ fields: { templateId: 'abc' } })?.failure).toBe('failover');
    expect(channel.checkTemplate({ fields: template })).toBeUndefined();
    expect(channel.checkTemplate({ fields: template, values: { code: '1' } })?.failure).toBe('stop');
    expect(channel.capabilities).toEqual({ numbers: 'international', maxNumbersPerSend: 200, maxMessagesPerBatch: 200, receipts: { pull: true, push: true } });
  });
});

describe("Tencent's pushes, from the sandbox to a TencentPushReceiver", () => {
  async function receiverServer(receiver: TencentPushReceiver): Promise<{ url: string; server: Server }> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const kind = req.url?.startsWith('/receipts') ? 'receipts' : 'replies';
        const answer = await receiver.accept({ kind, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), sourceIp: req.socket.remoteAddress ?? '', pathToken: req.url?.split('/')[2] });
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
  }

  it('receives receipts and replies in Tencent’s format, answers result 0, and hands repeats on once', async () => {
    const got: unknown[] = [];
    const receiver = new TencentPushReceiver({ pathToken: 'secret-token', allowedIps: ['127.0.0.1', '::ffff:127.0.0.1'], onReceipts: (r) => void got.push(...r), onReply: (r) => void got.push(r) });
    const { url } = await receiverServer(receiver);
    const attempts: unknown[] = [];
    // A generous push timeout: this asserts the exchange, not its speed on a loaded machine.
    const { sandbox, channel } = await start({ receiptPushUrl: `${url}/receipts/secret-token`, replyPushUrl: `${url}/replies/secret-token`, pushTimeoutMs: 10_000, onPush: (a) => void attempts.push(a) });
    const sent = await channel.send({ numbers: ['13800138000'], values: { code: '1', minutes: '5' }, template, idempotencyKey: 'p' });
    await sandbox.tencent!.injectReply({ phone: '13800138000', text: 'TD 退订', signName: 'smskit' });
    await sandbox.pushesIdle();
    expect(attempts).toEqual([expect.objectContaining({ kind: 'receipts', outcome: 200, acknowledged: true }), expect.objectContaining({ kind: 'replies', outcome: 200, acknowledged: true })]);
    expect(got).toEqual([
      expect.objectContaining({ channel: 'tencent', messageId: sent.outcomes[0]?.messageId, number: '13800138000', state: 'delivered', providerState: 'SUCCESS' }),
      expect.objectContaining({ number: '13800138000', text: 'TD 退订', signName: 'smskit' }),
    ]);
    const repeat = [{ user_receive_time: '2026-11-27 21:00:00', nationcode: '86', mobile: '13800138000', report_status: 'SUCCESS', errmsg: 'DELIVRD', description: 'ok', sid: 'sid-1' }];
    expect((await receiver.accept({ kind: 'receipts', body: repeat, sourceIp: '127.0.0.1', pathToken: 'secret-token' })).body).toEqual({ result: 0, errmsg: 'OK' });
    expect((await receiver.accept({ kind: 'receipts', body: repeat, sourceIp: '127.0.0.1', pathToken: 'secret-token' })).body).toEqual({ result: 0, errmsg: 'OK' });
    expect(got.filter((item) => (item as { messageId?: string }).messageId === 'sid-1')).toHaveLength(1);
  });

  it('refuses a wrong path token, a stranger address and a malformed body', async () => {
    const receiver = new TencentPushReceiver({ pathToken: 'secret-token', allowedIps: ['10.0.0.0/8'], onReceipts: () => undefined });
    expect((await receiver.accept({ kind: 'receipts', body: [], sourceIp: '10.1.2.3', pathToken: 'nope' })).status).toBe(401);
    expect((await receiver.accept({ kind: 'receipts', body: [], sourceIp: '192.168.1.1', pathToken: 'secret-token' })).status).toBe(403);
    const malformed = await receiver.accept({ kind: 'receipts', body: [{ sid: 1 }], sourceIp: '10.1.2.3', pathToken: 'secret-token' });
    expect(malformed).toMatchObject({ status: 400, body: { result: 40004 } });
  });
});
