import { registerOtel, SpanStatusCode, type OtelHarness } from '@smskit/test-support/otel';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChannelRouter, PushInbox, recordTelemetry, SignatureVerifier, signRequest, startTelemetrySpan, Telemetry } from '../../src/index.js';
import { FAST, fakeChannel, templateFor } from '../channels/fake-channel.js';

const API_KEY = 'push-and-verify-key';
const ACCESS_KEY = 'an-access-key-never-recorded';
const TEL = '13800138000';

let otel: OtelHarness;
beforeEach(() => {
  otel = registerOtel();
});
afterEach(async () => {
  await otel.close();
});

describe('verification telemetry', () => {
  it('traces each verification and counts it by outcome, code and failed check', async () => {
    const verifier = new SignatureVerifier({ credentials: { [API_KEY]: { accessKey: ACCESS_KEY } } });
    const body = { phones: TEL, templateCode: '1' };
    const signed = signRequest({ apiKey: API_KEY, accessKey: ACCESS_KEY, body, method: 'HmacSHA256' });
    expect((await verifier.verify({ headers: signed.headers, body })).ok).toBe(true);
    expect((await verifier.verify({ headers: { ...signed.headers, 'x-sign': '00'.repeat(32) }, body: { ...body, x: 1 } })).ok).toBe(false);
    expect((await verifier.verify({ headers: {}, body })).ok).toBe(false);

    const [ok, badSign, noHeaders] = otel.spans();
    expect(ok).toMatchObject({ name: 'smskit.verify', attributes: { 'smskit.outcome': 'ok', 'smskit.code': 200, 'smskit.sign_method': 'HmacSHA256' } });
    expect(badSign).toMatchObject({ attributes: { 'smskit.outcome': 'failed', 'smskit.code': 2001, 'smskit.verify.check': 'signature', 'error.type': '2001' }, status: { code: SpanStatusCode.ERROR } });
    expect(noHeaders?.attributes).toMatchObject({ 'smskit.code': 40004, 'smskit.verify.check': 'headers' });
    const points = (await otel.metrics()).get('smskit.verify.requests') ?? [];
    expect(points.map((point) => [point.attributes['smskit.verify.check'] ?? 'ok', point.value]).sort()).toEqual([
      ['headers', 1],
      ['ok', 1],
      ['signature', 1],
    ]);
    const everything = await otel.everything();
    for (const leak of [TEL, API_KEY, ACCESS_KEY, signed.headers['x-sign'], signed.headers['x-nonce']]) expect(everything).not.toContain(leak);
  });
});

describe('push telemetry', () => {
  it('measures the time to answer each push and counts pushes by kind and code, without the items', async () => {
    const inbox = new PushInbox({ apiKeys: API_KEY, onReceipts: () => undefined });
    const receipt = { msgId: 'm1', tel: TEL, arriveResult: 'DELIVRD', arriveTime: '2611221530' };
    await inbox.accept({ kind: 'receipts', body: { apiKey: API_KEY, data: [receipt] }, sourceIp: '127.0.0.1', requestId: 'r1' });
    await inbox.accept({ kind: 'receipts', body: { apiKey: 'stranger', data: [receipt] }, sourceIp: '127.0.0.1', requestId: 'r2' });
    await inbox.idle();

    expect(otel.spans().map((span) => [span.name, span.attributes['smskit.code']])).toEqual([
      ['smskit.push', 200],
      ['smskit.push', 2001],
    ]);
    const metrics = await otel.metrics();
    expect(metrics.get('smskit.push.requests')?.map((point) => [point.attributes['smskit.code'], point.value])).toEqual([
      [200, 1],
      [2001, 1],
    ]);
    const acks = metrics.get('smskit.push.ack.duration') ?? [];
    expect(acks.map((point) => [point.attributes['smskit.push.kind'], point.count])).toEqual([
      ['receipts', 1],
      ['receipts', 1],
    ]);
    expect(acks.every((point) => point.value >= 0 && point.value < 1)).toBe(true);
    expect(await otel.everything()).not.toContain(TEL);
  });
});

describe('router telemetry', () => {
  it("traces each channel's turn and counts its numbers by channel and status", async () => {
    const B = '13900000002';
    const primary = fakeChannel({ name: 'primary', script: ({ number }) => (number === B ? 'failover' : 'sent') });
    const backup = fakeChannel({ name: 'backup', script: () => 'sent' });
    const router = new ChannelRouter({ channels: [primary, backup], templates: templateFor('primary', 'backup'), ...FAST });
    await router.send({ template: 'verification', to: [TEL, B] });

    expect(otel.spans().map((span) => [span.attributes['smskit.channel'], span.attributes['smskit.number_count'], span.attributes['smskit.route.passed_count']])).toEqual([
      ['primary', 2, 1],
      ['backup', 1, 0],
    ]);
    const points = (await otel.metrics()).get('smskit.router.numbers') ?? [];
    expect(points.map((point) => [point.attributes['smskit.channel'], point.attributes['smskit.route.status'], point.value])).toEqual([
      ['primary', 'passed', 1],
      ['primary', 'sent', 1],
      ['backup', 'sent', 1],
    ]);
    const everything = await otel.everything();
    for (const leak of [TEL, B]) expect(everything).not.toContain(leak);
  });
});

describe('without OpenTelemetry', () => {
  it('does nothing, and throws nothing, when @opentelemetry/api cannot be loaded', () => {
    const absent = new Telemetry(() => {
      throw Object.assign(new Error("Cannot find module '@opentelemetry/api'"), { code: 'MODULE_NOT_FOUND' });
    });
    expect(absent.available).toBe(false);
    const span = absent.startSpan({ name: 'smskit.send' });
    expect(span.recording).toBe(false);
    span.setAttributes({ a: 1 });
    span.fail('-1');
    span.end();
    expect(() => absent.record({ metric: 'smskit.client.sends' })).not.toThrow();
  });

  it('records nothing while no SDK is registered, and picks up one registered later', async () => {
    await otel.close();
    recordTelemetry({ metric: 'smskit.client.retries', attributes: { 'error.type': 'before' } });
    expect(startTelemetrySpan({ name: 'before' }).recording).toBe(false);
    otel = registerOtel();
    recordTelemetry({ metric: 'smskit.client.retries', attributes: { 'error.type': 'after' } });
    startTelemetrySpan({ name: 'after' }).end();
    expect((await otel.metrics()).get('smskit.client.retries')).toEqual([{ attributes: { 'error.type': 'after' }, value: 1 }]);
    expect(otel.spans().map((span) => span.name)).toEqual(['after']);
  });
});
