/*
 * OtpService over a router: what it makes of each way the router can end for the one number.
 * A scripted router stands in here; packages/sandbox/test/channels/otp-failover.test.ts runs
 * the same paths through a real ChannelRouter over two sandboxes.
 */
import { MemorySendLog, SmsError, type RouteResult, type RouteSendInput, type RoutedNumber } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import { OtpService, type OtpRouter } from '../src/index.js';
import { SECRET, T0 } from './harness.js';

const PHONE = '13800138000';

function scripted(outcome: Omit<RoutedNumber, 'number'>) {
  const calls: RouteSendInput[] = [];
  const router: OtpRouter = {
    send: async (input) => {
      calls.push(input);
      const result: RouteResult = { status: outcome.status === 'sent' ? 'sent' : outcome.status, numbers: [{ number: PHONE, ...outcome }], invalid: [], duplicates: 0, template: input.template };
      return result;
    },
  };
  const sendLog = new MemorySendLog();
  const service = new OtpService({ secret: SECRET, now: () => T0, route: { router }, stores: { sendLog }, requireIp: false });
  const code = () => calls.at(-1)?.values?.code as string;
  return { service, calls, sendLog, code };
}

describe('OtpService through a router', () => {
  it('sends the logical template with the code and minutes, and logs the channel that carried it', async () => {
    const { service, calls, sendLog, code } = scripted({ status: 'sent', channel: 'backup', messageId: 'm-1', passedOver: [{ channel: 'main', reason: 'failover', code: '2001' }] });
    const result = await service.request({ phone: PHONE, scene: 'login' });
    expect(result).toMatchObject({ ok: true, channel: 'backup', msgId: 'm-1' });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ template: 'verification', to: [PHONE], values: { minutes: '5' } });
    expect(calls[0]?.idempotencyKey).toBe(result.ok ? result.id : 'none');
    const [record] = await sendLog.recent();
    expect(record).toMatchObject({ result: 'sent', channel: 'backup', templateCode: 'verification', passedOver: [{ channel: 'main', reason: 'failover', code: '2001' }] });
    expect(await service.verify({ phone: PHONE, scene: 'login', code: code() })).toMatchObject({ ok: true });
  });

  it('keeps the code when the outcome is unknown (the message may arrive), and names the channel', async () => {
    const error = new SmsError({ code: -1, message: 'No answer after the request was written.' });
    const { service, sendLog, code } = scripted({ status: 'unknown', channel: 'main', failure: 'unknown', error, passedOver: [] });
    const result = await service.request({ phone: PHONE, scene: 'login' });
    expect(result).toMatchObject({ ok: false, reason: 'send-failed', outcome: 'unknown', channel: 'main' });
    expect((await sendLog.recent())[0]).toMatchObject({ result: 'failed', channel: 'main' });
    expect(await service.verify({ phone: PHONE, scene: 'login', code: code() })).toMatchObject({ ok: true });
  });

  it('withdraws the code when every channel passed it over, and the log says why each did', async () => {
    const { service, sendLog, code } = scripted({ status: 'failed', failure: 'failover', passedOver: [{ channel: 'main', reason: 'failover', code: '40002' }, { channel: 'backup', reason: 'breaker-open' }] });
    const result = await service.request({ phone: PHONE, scene: 'login' });
    expect(result).toMatchObject({ ok: false, reason: 'send-failed', outcome: 'failed' });
    expect(result.ok === false && result.reason === 'send-failed' && result.error.message).toContain('main: failover 40002, backup: breaker-open');
    const [record] = await sendLog.recent();
    expect(record).toMatchObject({ result: 'failed', channel: 'default', passedOver: [{ channel: 'main' }, { channel: 'backup', reason: 'breaker-open' }] });
    expect(await service.verify({ phone: PHONE, scene: 'login', code: code() })).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('never lets a channel error that quotes the code reach the result or the log', async () => {
    let code = '';
    const router: OtpRouter = {
      send: async (input) => {
        code = input.values?.code as string;
        const error = new SmsError({ code: 60004, message: `value ${code} is too long for {code,4}` });
        return { status: 'failed', numbers: [{ number: PHONE, status: 'failed', failure: 'stop', channel: 'main', error, passedOver: [] }], invalid: [], duplicates: 0, template: input.template };
      },
    };
    const sendLog = new MemorySendLog();
    const service = new OtpService({ secret: SECRET, route: { router }, stores: { sendLog }, requireIp: false });
    const result = await service.request({ phone: PHONE, scene: 'login' });
    expect(result).toMatchObject({ ok: false, reason: 'send-failed', outcome: 'failed', channel: 'main', error: { code: 60004 } });
    expect(JSON.stringify(result)).not.toContain(code);
    expect(JSON.stringify(await sendLog.recent())).not.toContain(code);
  });

  it('takes `send` or `route`, not both or neither', () => {
    const router: OtpRouter = { send: async () => Promise.reject(new Error('unused')) };
    expect(() => new OtpService({ secret: SECRET, route: { router }, send: async () => undefined })).toThrow(/not both/);
    expect(() => new OtpService({ secret: SECRET })).toThrow(/`send` function .* or a `route`/);
    expect(() => new OtpService({ secret: SECRET, route: { router: {} as OtpRouter } })).toThrow(/ChannelRouter/);
  });

  it('answers send-failed (not a throw) when the router rejects the call itself', async () => {
    const router: OtpRouter = { send: async () => Promise.reject(new SmsError({ code: 40004, message: 'No template is named "verification".' })) };
    const service = new OtpService({ secret: SECRET, route: { router }, requireIp: false });
    expect(await service.request({ phone: PHONE, scene: 'login' })).toMatchObject({ ok: false, reason: 'send-failed', outcome: 'failed', error: { code: 40004 } });
  });
});
