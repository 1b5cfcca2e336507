/*
 * OTP through the router, end to end: two sandboxes over real HTTP on 127.0.0.1, each an
 * infocloud channel, faults injected through /_sandbox/faults. A code goes out once: it fails
 * over only when the primary surely did not send it, never after an unknown outcome, never
 * after a stop. The codes are read from the sandboxes' inboxes, as a user reads the handset.
 */
import { ChannelRouter, infocloudChannel, MemorySendLog, type SmsChannel } from '@smskit/core';
import { OtpService } from '@smskit/otp';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, type RequestLogEntry } from '../../src/index.js';

const API_KEY = 'otp-router-key';
const ACCESS_KEY = 'otp-router-secret';
// The sandbox's template 100001, which has the code as its one variable.
const TEMPLATE_TEXT = '您的验证码是{code,6}，5分钟内有效。请勿泄露给他人。';
const SECRET = 'otp-router-test-secret-0123456789';
const PHONE = '13800138000';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((close) => close()));
});

async function platform(name: string) {
  const log: RequestLogEntry[] = [];
  const sandbox = createSandbox({ apiKey: API_KEY, accessKey: ACCESS_KEY, deliveryDelayMs: 0, rateLimits: false, log: (entry) => log.push(entry) });
  const server = await sandbox.listen({ port: 0, host: '127.0.0.1' });
  const channel = infocloudChannel({ name, clientOptions: { apiKey: API_KEY, accessKey: ACCESS_KEY, baseUrl: server.url, pacing: false, timeoutMs: 400 } });
  let open = true;
  const stop = async () => {
    if (open) await server.close();
    open = false;
  };
  cleanups.push(async () => {
    await channel.close();
    await stop();
  });
  const fault = async (plan: Record<string, unknown>) => {
    const answer = await fetch(`${server.url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(plan) });
    expect(answer.status).toBe(200);
  };
  /** The codes this platform delivered to a number, read from the texts. */
  const codesTo = async (phone: string) => (await sandbox.messages({})).filter((m) => m.phone === phone).map((m) => /验证码是(\d{6})/.exec(m.text)?.[1]);
  return { sandbox, channel, fault, stop, codesTo, sends: () => log.filter((entry) => entry.path === '/message/send').length };
}

function otpOver(...channels: SmsChannel[]) {
  const templates = [{ name: 'verification', channels: Object.fromEntries(channels.map((c) => [c.name, { templateCode: '100001', params: ['code'], text: TEMPLATE_TEXT }])) }];
  const router = new ChannelRouter({ channels, templates, retry: { retries: 1, initialDelayMs: 5, maxDelayMs: 20 }, breaker: false });
  const sendLog = new MemorySendLog();
  const codes: string[] = [];
  const service = new OtpService({
    secret: SECRET,
    requireIp: false,
    stores: { sendLog },
    // the code is noted here only to show that a code that was never sent is withdrawn
    route: { router, values: (message) => (codes.push(message.code), { code: message.code, minutes: String(message.ttlMinutes) }) },
  });
  return { service, sendLog, codes };
}

describe('OTP through two sandbox channels', () => {
  it('primary down (connection refused): the code arrives through the backup, and the send log says so', async () => {
    const primary = await platform('primary');
    const backup = await platform('backup');
    await primary.stop();
    const { service, sendLog } = otpOver(primary.channel, backup.channel);
    const result = await service.request({ phone: PHONE, scene: 'login' });
    expect(result).toMatchObject({ ok: true, channel: 'backup' });
    const [record] = await sendLog.recent();
    expect(record).toMatchObject({ result: 'sent', channel: 'backup', templateCode: 'verification', passedOver: [{ channel: 'primary', reason: 'retry-exhausted' }] });
    const delivered = await backup.codesTo(PHONE);
    expect(delivered).toHaveLength(1);
    expect(await service.verify({ phone: PHONE, scene: 'login', code: delivered[0] as string })).toMatchObject({ ok: true });
  });

  it('primary refuses the account (2001): the backup carries the code, once', async () => {
    const primary = await platform('primary');
    const backup = await platform('backup');
    await primary.fault({ fail: 1, failCode: 2001 });
    const { service, sendLog } = otpOver(primary.channel, backup.channel);
    expect(await service.request({ phone: PHONE, scene: 'login' })).toMatchObject({ ok: true, channel: 'backup' });
    expect((await sendLog.recent())[0]).toMatchObject({ channel: 'backup', passedOver: [{ channel: 'primary', reason: 'failover', code: '2001' }] });
    expect(await primary.codesTo(PHONE)).toEqual([]);
    const delivered = await backup.codesTo(PHONE);
    expect(delivered).toHaveLength(1);
    expect(await service.verify({ phone: PHONE, scene: 'login', code: delivered[0] as string })).toMatchObject({ ok: true });
  });

  it('primary answers past the deadline (unknown): no failover, nothing sent twice, and the code that arrives still works', async () => {
    const primary = await platform('primary');
    const backup = await platform('backup');
    await primary.fault({ delay: 1, delayMs: 1500 });
    const { service, sendLog } = otpOver(primary.channel, backup.channel);
    const result = await service.request({ phone: PHONE, scene: 'login' });
    expect(result).toMatchObject({ ok: false, reason: 'send-failed', outcome: 'unknown', channel: 'primary' });
    expect((await sendLog.recent())[0]).toMatchObject({ result: 'failed', channel: 'primary' });
    expect((await sendLog.recent())[0]?.remark).toMatch(/^outcome unknown: /);
    expect(backup.sends()).toBe(0);
    await expect.poll(() => primary.sends(), { timeout: 5000 }).toBe(1);
    const delivered = await primary.codesTo(PHONE);
    expect(delivered).toHaveLength(1);
    expect(await service.verify({ phone: PHONE, scene: 'login', code: delivered[0] as string })).toMatchObject({ ok: true });
  });

  it('a refused number (60007) stops: no backup is tried, and the code is withdrawn', async () => {
    const primary = await platform('primary');
    const backup = await platform('backup');
    await primary.fault({ fail: 1, failCode: 60007 });
    const { service, sendLog, codes } = otpOver(primary.channel, backup.channel);
    const result = await service.request({ phone: PHONE, scene: 'login' });
    expect(result).toMatchObject({ ok: false, reason: 'send-failed', outcome: 'failed', channel: 'primary', error: { code: 60007 } });
    expect(backup.sends()).toBe(0);
    expect(primary.sends()).toBe(1);
    expect((await sendLog.recent())[0]).toMatchObject({ result: 'failed', channel: 'primary' });
    expect((await sendLog.recent())[0]?.passedOver).toBeUndefined();
    expect(codes).toHaveLength(1);
    expect(await service.verify({ phone: PHONE, scene: 'login', code: codes[0] as string })).toMatchObject({ ok: false, reason: 'missing' });
  });
});
