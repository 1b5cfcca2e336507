/*
 * The router end to end: two sandboxes over real HTTP on 127.0.0.1, each an infocloud channel,
 * faults injected through /_sandbox/faults. Lives in the sandbox package (core cannot depend on
 * the sandbox without a cycle in the build graph).
 */
import { ChannelReceiptBook, ChannelRouter, infocloudChannel, type SmsChannel } from '@smskit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, type RequestLogEntry, type SandboxOptions } from '../../src/index.js';

const API_KEY = 'router-test-key';
const ACCESS_KEY = 'router-test-secret';
const TEMPLATE_TEXT = '您的验证码是{code,6}，5分钟内有效。请勿泄露给他人。';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((close) => close()));
});

async function platform(name: string, options: SandboxOptions = {}) {
  const log: RequestLogEntry[] = [];
  const sandbox = createSandbox({ apiKey: API_KEY, accessKey: ACCESS_KEY, deliveryDelayMs: 0, rateLimits: false, log: (entry) => log.push(entry), ...options });
  const server = await sandbox.listen({ port: 0, host: '127.0.0.1' });
  const channel = infocloudChannel({ name, clientOptions: { apiKey: API_KEY, accessKey: ACCESS_KEY, baseUrl: server.url, pacing: false, timeoutMs: 2000 } });
  cleanups.push(async () => {
    await channel.close();
    await server.close();
  });
  const fault = async (plan: Record<string, unknown>) => {
    const answer = await fetch(`${server.url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(plan) });
    expect(answer.status).toBe(200);
  };
  return { sandbox, channel, fault, sends: () => log.filter((entry) => entry.path === '/message/send').length };
}

function routerOver(...channels: SmsChannel[]) {
  const templates = [{ name: 'verification', channels: Object.fromEntries(channels.map((c) => [c.name, { templateCode: '100001', params: ['code'], text: TEMPLATE_TEXT }])) }];
  return new ChannelRouter({ channels, templates, retry: { retries: 2, initialDelayMs: 5, maxDelayMs: 20 }, breaker: false });
}

const NUMBERS = ['13800138000', '13900139000'];

describe('two sandbox channels, primary and backup', () => {
  it('sends through the primary when it is well, and the backup sees nothing', async () => {
    const primary = await platform('primary');
    const backup = await platform('backup');
    const result = await routerOver(primary.channel, backup.channel).send({ template: 'verification', to: NUMBERS, values: { code: '123456' } });
    expect(result.status).toBe('sent');
    expect(result.numbers.map((n) => n.channel)).toEqual(['primary', 'primary']);
    expect(await primary.sandbox.messages({})).toHaveLength(2);
    expect(await backup.sandbox.messages({})).toHaveLength(0);
  });

  it('fails over when the primary refuses the account (2001), and each number arrives once, through the backup', async () => {
    const primary = await platform('primary');
    const backup = await platform('backup');
    await primary.fault({ fail: 1, failCode: 2001 });
    const result = await routerOver(primary.channel, backup.channel).send({ template: 'verification', to: NUMBERS, values: { code: '123456' } });
    expect(result.numbers.map((n) => [n.channel, n.status, n.passedOver.map((p) => `${p.channel}:${p.reason}:${p.code}`)])).toEqual([
      ['backup', 'sent', ['primary:failover:2001']],
      ['backup', 'sent', ['primary:failover:2001']],
    ]);
    expect((await backup.sandbox.messages({})).map((m) => m.phone).sort()).toEqual(NUMBERS);
    expect(await primary.sandbox.messages({})).toHaveLength(0);
  });

  it('fails over on a real empty balance (40002)', async () => {
    const primary = await platform('primary', { balance: 0 });
    const backup = await platform('backup');
    const result = await routerOver(primary.channel, backup.channel).send({ template: 'verification', to: NUMBERS.slice(0, 1), values: { code: '123456' } });
    expect(result.numbers[0]).toMatchObject({ channel: 'backup', status: 'sent', passedOver: [{ channel: 'primary', reason: 'failover', code: '40002' }] });
  });

  it('retries a busy primary in the router only (the channel’s client does not retry too)', async () => {
    const primary = await platform('primary');
    const backup = await platform('backup');
    await primary.fault({ fail: 1 });
    const result = await routerOver(primary.channel, backup.channel).send({ template: 'verification', to: NUMBERS.slice(0, 1), values: { code: '123456' } });
    expect(result.numbers[0]).toMatchObject({ channel: 'primary', status: 'sent' });
    expect(primary.sends()).toBe(2);
    expect(backup.sends()).toBe(0);
  });

  it('stops on a refused number (60007): nothing goes to the backup', async () => {
    const primary = await platform('primary');
    const backup = await platform('backup');
    await primary.fault({ fail: 1, failCode: 60007 });
    const result = await routerOver(primary.channel, backup.channel).send({ template: 'verification', to: NUMBERS.slice(0, 1), values: { code: '123456' } });
    expect(result.numbers[0]).toMatchObject({ channel: 'primary', status: 'failed', failure: 'stop', code: '60007' });
    expect(backup.sends()).toBe(0);
  });

  it('never moves past unknown: a send answered too late stays with the primary, and its receipt settles it', { timeout: 40_000 }, async () => {
    const primary = await platform('primary');
    const backup = await platform('backup');
    await primary.fault({ delay: 1, delayMs: 4500 });
    const router = routerOver(primary.channel, backup.channel);
    const result = await router.send({ template: 'verification', to: NUMBERS.slice(0, 1), values: { code: '123456' } });
    expect(result.numbers[0]).toMatchObject({ channel: 'primary', status: 'unknown', failure: 'unknown' });
    expect(backup.sends()).toBe(0);
    // it was in fact sent, once (the primary logs the request when its late answer goes out)
    expect(await primary.sandbox.messages({})).toHaveLength(1);
    await expect.poll(() => primary.sends(), { timeout: 15000 }).toBe(1);

    const book = new ChannelReceiptBook();
    book.record(result);
    const key = result.numbers[0]?.idempotencyKey as string;
    await expect.poll(async () => (await book.pull(primary.channel)).length, { timeout: 15000, interval: 200 }).toBeGreaterThan(0);
    expect(book.getByKey({ channel: 'primary', idempotencyKey: key, number: NUMBERS[0] as string })).toMatchObject({ sent: 'sent', state: 'delivered' });
  });

  it('sends the local template check’s refusals nowhere (a value too long for {code,6})', async () => {
    const primary = await platform('primary');
    const backup = await platform('backup');
    const result = await routerOver(primary.channel, backup.channel).send({ template: 'verification', to: NUMBERS, values: { code: '1234567' } });
    expect(result.status).toBe('failed');
    expect(result.numbers.every((n) => n.failure === 'stop' && n.error?.code === 60004)).toBe(true);
    expect(primary.sends() + backup.sends()).toBe(0);
  });
});
