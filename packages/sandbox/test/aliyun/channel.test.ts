/*
 * @smskit/aliyun's client and channel against the sandbox's Aliyun listener, over real HTTP:
 * both signatures, every refusal classed for the router, and a send without an answer
 * reconciled by its OutId.
 */
import { createServer } from 'node:net';
import { AliyunClient, aliyunChannel, signedRpcParams, rpcQueryString, type AliyunError } from '@smskit/aliyun';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAliyunSandbox } from '../../src/index.js';

const ID = 'ak-id';
const SECRET = 'ak-secret';
const sandbox = createAliyunSandbox({ accessKeyId: ID, accessKeySecret: SECRET, deliveryDelayMs: 0 });
let url: string;
let close: () => Promise<void>;
const clients: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  const running = await sandbox.listen({ port: 0 });
  url = running.url;
  close = running.close;
});
afterEach(() => sandbox.reset());
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await close();
});

function clientOf(options: Partial<ConstructorParameters<typeof AliyunClient>[0]> = {}) {
  const client = new AliyunClient({ accessKeyId: ID, accessKeySecret: SECRET, endpoint: url, ...options });
  clients.push(client);
  return client;
}

const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as AliyunError);
const send = { signName: 'smskit', templateCode: 'SMS_154950909', templateParam: { code: '4321' } };

describe.each(['v1', 'v3'] as const)('AliyunClient, signature %s', (signatureVersion) => {
  it('sends, and the sandbox renders the template with values holding !\'()* and spaces', async () => {
    const answer = await clientOf({ signatureVersion }).sendSms({ ...send, phoneNumbers: ['13800138001', '13800138002'], templateParam: { code: "a!'()* ~+&=" }, outId: 'o-1' });
    expect(answer.Code).toBe('OK');
    const messages = sandbox.messages();
    expect(messages.map((m) => m.phone)).toEqual(['13800138001', '13800138002']);
    expect(messages[0]?.content).toContain("您的验证码为：a!'()* ~+&=");
    expect(messages.every((m) => m.bizId === answer.BizId && m.outId === 'o-1')).toBe(true);
  });

  it('explains a wrong secret from the server\'s string to sign', async () => {
    const error = await rejection(clientOf({ signatureVersion, accessKeySecret: 'nope' }).sendSms({ ...send, phoneNumbers: ['13800138003'] }));
    expect(error).toMatchObject({ name: 'AliyunError', code: 'SignatureDoesNotMatch', class: 'failover', httpStatus: 400 });
    expect(error?.message).toMatch(/secret/);
    expect(JSON.stringify(error?.details)).not.toContain('nope');
  });
});

describe('refusals, classed for the router', () => {
  it('a per-number limit is stop: 1 a minute', async () => {
    const client = clientOf();
    await client.sendSms({ ...send, phoneNumbers: ['13900000001'] });
    const error = await rejection(client.sendSms({ ...send, phoneNumbers: ['13900000001'] }));
    expect(error).toMatchObject({ code: 'isv.BUSINESS_LIMIT_CONTROL', class: 'stop', httpStatus: 200 });
  });

  it('an unknown AccessKey, a skewed clock and an unknown template fail over', async () => {
    expect(await rejection(clientOf({ accessKeyId: 'who' }).sendSms({ ...send, phoneNumbers: ['13900000002'] }))).toMatchObject({ code: 'InvalidAccessKeyId.NotFound', class: 'failover' });
    const skewed = clientOf({ now: () => new Date(Date.now() - 16 * 60_000) });
    expect(await rejection(skewed.sendSms({ ...send, phoneNumbers: ['13900000002'] }))).toMatchObject({ code: 'InvalidTimeStamp.Expired', class: 'failover' });
    expect(await rejection(clientOf().sendSms({ ...send, templateCode: 'SMS_0', phoneNumbers: ['13900000002'] }))).toMatchObject({ code: 'isv.SMS_TEMPLATE_ILLEGAL', class: 'failover' });
  });

  it('a replayed nonce is refused with SignatureNonceUsed', async () => {
    const body = rpcQueryString(signedRpcParams({ action: 'SendSms', accessKeyId: ID, accessKeySecret: SECRET, nonce: 'fixed-nonce', params: { PhoneNumbers: '13900000003', SignName: 's', TemplateCode: 'SMS_154950909', TemplateParam: '{"code":"1"}' } }));
    const post = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }).then(async (r) => ({ status: r.status, body: (await r.json()) as { Code: string } }));
    expect((await post()).body.Code).toBe('OK');
    expect(await post()).toMatchObject({ status: 400, body: { Code: 'SignatureNonceUsed' } });
  });

  it('a bad number and a value that is not a string stop locally or remotely, nothing sent', async () => {
    expect(await rejection(clientOf().sendSms({ ...send, phoneNumbers: ['12345'] }))).toMatchObject({ code: 'isv.MOBILE_NUMBER_ILLEGAL', class: 'stop' });
    const notString = { code: 1234 } as unknown as Record<string, string>;
    expect(await rejection(clientOf().sendSms({ ...send, phoneNumbers: ['13900000004'], templateParam: notString }))).toMatchObject({ code: 'isv.INVALID_JSON_PARAM', class: 'stop' });
    expect(await rejection(clientOf().querySendDetails({ phoneNumber: '13900000004', sendDate: new Date(), pageSize: 51 }))).toMatchObject({ code: 'InvalidParameter' });
    expect(sandbox.messages()).toEqual([]);
  });
});

describe('aliyunChannel', () => {
  const template = { templateCode: 'SMS_465300001', signName: 'smskit', params: { name: 'who', order: 'orderId' } };

  it('sends one content and a batch, each number with the BizId', async () => {
    const channel = aliyunChannel({ accessKeyId: ID, accessKeySecret: SECRET, endpoint: url, name: 'ali' });
    clients.push(channel);
    const one = await channel.send({ template, idempotencyKey: 'k-1', numbers: ['13700000001', '13700000002'], values: { who: '张三', orderId: 'A1' } });
    expect(one.outcomes.map((o) => o.status)).toEqual(['sent', 'sent']);
    const batch = await channel.sendBatch({ template, idempotencyKey: 'k-2', messages: [{ number: '13700000003', values: { who: '李四', orderId: 'B2' } }, { number: '13700000004', values: { who: '王五', orderId: 'C3' } }] });
    expect(batch.outcomes.every((o) => o.status === 'sent' && o.messageId)).toBe(true);
    expect(sandbox.messages().map((m) => m.content)).toContain('【smskit】尊敬的李四，您的订单B2已发货。');
  });

  it('stops on a missing value and fails over on wrong fields, sending nothing', async () => {
    const channel = aliyunChannel({ accessKeyId: ID, accessKeySecret: SECRET, endpoint: url });
    clients.push(channel);
    expect(channel.checkTemplate({ fields: template, values: { who: 'x' } })?.failure).toBe('stop');
    expect(channel.checkTemplate({ fields: { templateCode: 'SMS_1' } })?.failure).toBe('failover');
    const result = await channel.send({ template: { signName: 's' }, idempotencyKey: 'k', numbers: ['13700000005'], values: {} });
    expect(result.outcomes[0]).toMatchObject({ status: 'failed', failure: 'failover' });
    expect(sandbox.messages()).toEqual([]);
  });

  it('a send that got no answer is unknown, and is reconciled by its OutId', async () => {
    const channel = aliyunChannel({ accessKeyId: ID, accessKeySecret: SECRET, endpoint: url, timeoutMs: 200 });
    clients.push(channel);
    // undici checks its timeouts on a coarse (about 1 s) clock: hold the answer well past it.
    sandbox.setFaults({ delay: 1, delayMs: 2500 });
    const sentAt = new Date();
    const result = await channel.send({ template, idempotencyKey: 'lost-answer', numbers: ['13700000006'], values: { who: 'a', orderId: 'b' } });
    expect(result.outcomes[0]).toMatchObject({ status: 'unknown', failure: 'unknown', code: 'SMSKIT.NO_ANSWER' });
    const receipts = await channel.pullReceipts!({ messages: [{ number: '13700000006', idempotencyKey: 'lost-answer', sentAt }] });
    expect(receipts).toEqual([expect.objectContaining({ number: '13700000006', state: 'delivered', idempotencyKey: 'lost-answer', providerCode: 'DELIVERED' })]);
  });

  it('a refused connection is retry: nothing was written', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as { port: number };
        server.close(() => resolve(free));
      });
    });
    const channel = aliyunChannel({ accessKeyId: ID, accessKeySecret: SECRET, endpoint: `http://127.0.0.1:${port}` });
    clients.push(channel);
    const result = await channel.send({ template, idempotencyKey: 'k', numbers: ['13700000007'], values: { who: 'a', orderId: 'b' } });
    expect(result.outcomes[0]).toMatchObject({ status: 'failed', failure: 'retry', code: 'SMSKIT.NOT_SENT' });
  });
});
