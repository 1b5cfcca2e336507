/*
 * Aliyun behind core's router, over real HTTP: Aliyun as primary (the sandbox's Aliyun
 * listener), infocloud as backup (the sandbox's own API). The router acts on the classes of
 * @smskit/aliyun's catalogue: an empty balance fails over, a per-number limit stops (the backup
 * must not undo Aliyun's anti-bombing limit), a lost answer is never resent.
 */
import { aliyunChannel } from '@smskit/aliyun';
import { ChannelRouter, infocloudChannel } from '@smskit/core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/index.js';

const sandbox: Sandbox = createSandbox({ apiKey: 'k', accessKey: 's', deliveryDelayMs: 0, rateLimits: false, aliyun: { accessKeyId: 'ali-id', accessKeySecret: 'ali-secret', deliveryDelayMs: 0 } });
let close: () => Promise<void>;
let url: string;
let router: ChannelRouter;
const channels: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  const running = await sandbox.listen({ port: 0 });
  close = running.close;
  url = running.url;
  const ali = aliyunChannel({ name: 'ali', accessKeyId: 'ali-id', accessKeySecret: 'ali-secret', endpoint: running.aliyunUrl, timeoutMs: 300 });
  const info = infocloudChannel({ name: 'info', clientOptions: { apiKey: 'k', accessKey: 's', baseUrl: running.url, pacing: false, timeoutMs: 400 } });
  channels.push(ali, info);
  router = new ChannelRouter({
    channels: [ali, info],
    templates: [{ name: 'verification', channels: { ali: { templateCode: 'SMS_154950909', signName: 'smskit' }, info: { templateCode: '100001', params: ['code'], text: '您的验证码是{code,6}，5分钟内有效。请勿泄露给他人。' } } }],
    retry: { retries: 1, initialDelayMs: 5, maxDelayMs: 10 },
    breaker: false,
  });
});
afterEach(() => sandbox.aliyun?.reset());
afterAll(async () => {
  await Promise.all(channels.map((c) => c.close()));
  await close();
});

// The inbox shows both channels; infocloud's own messages carry no channel mark.
const infocloudMessages = async () => (await sandbox.messages({})).filter((m) => m.channel === undefined);

const send = (to: string) => router.send({ template: 'verification', to: [to], values: { code: '123456' } });

it('sends through Aliyun when it is well', async () => {
  const result = await send('13800000001');
  expect(result.numbers[0]).toMatchObject({ channel: 'ali', status: 'sent' });
  expect(sandbox.aliyun?.messages().map((m) => m.phone)).toEqual(['13800000001']);
  const inbox = (await (await fetch(`${url}/_sandbox/messages?phone=13800000001`)).json()) as { data: { channel?: string; text: string }[] };
  expect(inbox.data).toEqual([expect.objectContaining({ channel: 'aliyun', text: '【smskit】您的验证码为：123456，该验证码5分钟内有效，请勿泄漏于他人！' })]);
});

it('fails over to infocloud when Aliyun says the balance is empty', async () => {
  sandbox.aliyun?.setFaults({ fail: 1, failCode: 'isv.AMOUNT_NOT_ENOUGH' });
  const result = await send('13800000002');
  expect(result.numbers[0]).toMatchObject({ channel: 'info', status: 'sent', passedOver: [{ channel: 'ali', reason: 'failover', code: 'isv.AMOUNT_NOT_ENOUGH' }] });
});

it('stops on isv.BUSINESS_LIMIT_CONTROL: the backup never sends to that number', async () => {
  await send('13800000003');
  const before = (await infocloudMessages()).length;
  const result = await send('13800000003');
  expect(result.numbers[0]).toMatchObject({ status: 'failed', failure: 'stop', code: 'isv.BUSINESS_LIMIT_CONTROL' });
  expect((await infocloudMessages()).length).toBe(before);
});

it('never resends a send whose answer was lost (unknown)', async () => {
  // undici checks its timeouts on a coarse (about 1 s) clock: hold the answer well past it.
  sandbox.aliyun?.setFaults({ delay: 1, delayMs: 2500 });
  const before = (await infocloudMessages()).length;
  const result = await send('13800000004');
  expect(result.numbers[0]).toMatchObject({ channel: 'ali', status: 'unknown' });
  expect((await infocloudMessages()).length).toBe(before);
  expect(sandbox.aliyun?.messages().filter((m) => m.phone === '13800000004')).toHaveLength(1);
});
