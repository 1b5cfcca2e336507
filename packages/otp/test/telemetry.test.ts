import { registerOtel, SpanStatusCode, type OtelHarness } from '@smskit/test-support/otel';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, phone, SECRET } from './harness.js';

let otel: OtelHarness;
beforeEach(() => {
  otel = registerOtel();
});
afterEach(async () => {
  await otel.close();
});

describe('OTP telemetry', () => {
  it('counts requests by result and refusals by each refusing limit, and traces request and verify', async () => {
    // Both per-number limits refuse the second request (same scene, same template).
    const { service, lastCode } = harness({ templateCode: 'TPL-1', limits: { phoneScene: {}, phoneContent: {}, phoneDaily: false, ipHourly: false } });
    const to = phone(1);
    expect((await service.request({ phone: to, scene: 'login' })).ok).toBe(true);
    const code = lastCode();
    expect(await service.request({ phone: to, scene: 'login' })).toMatchObject({ reason: 'limit' });
    expect(await service.request({ phone: 'not a number', scene: 'login' })).toMatchObject({ reason: 'invalid' });
    expect(await service.verify({ phone: to, scene: 'login', code: code === '000000' ? '111111' : '000000' })).toMatchObject({ reason: 'mismatch' });
    expect((await service.verify({ phone: to, scene: 'login', code })).ok).toBe(true);

    const metrics = await otel.metrics();
    const byResult = (name: string) => (metrics.get(name) ?? []).map((point) => [point.attributes['smskit.otp.result'], point.value]);
    expect(byResult('smskit.otp.requests')).toEqual([
      ['sent', 1],
      ['limit', 1],
      ['invalid', 1],
    ]);
    expect((metrics.get('smskit.otp.refusals') ?? []).map((point) => [point.attributes['smskit.otp.limit'], point.value]).sort()).toEqual([
      ['phone-content', 1],
      ['phone-scene', 1],
    ]);
    expect(byResult('smskit.otp.verifications')).toEqual([
      ['mismatch', 1],
      ['verified', 1],
    ]);

    const spans = otel.spans();
    expect(spans.map((span) => [span.name, span.attributes['smskit.otp.result']])).toEqual([
      ['smskit.otp.request', 'sent'],
      ['smskit.otp.request', 'limit'],
      ['smskit.otp.request', 'invalid'],
      ['smskit.otp.verify', 'mismatch'],
      ['smskit.otp.verify', 'verified'],
    ]);
    expect(spans[1]?.attributes['smskit.otp.limit']).toMatch(/^phone-(scene|content)$/);
    // A refusal is the service working as designed, not an error of the span.
    expect(spans[1]?.status.code).toBe(SpanStatusCode.UNSET);
    expect(spans.every((span) => span.instrumentationScope.name === '@smskit/otp')).toBe(true);

    const everything = await otel.everything();
    for (const leak of [to, to.slice(-8), code, SECRET, 'TPL-1']) expect(everything).not.toContain(leak);
  });

  it('marks the span failed when the store is unavailable', async () => {
    const failing = () => Promise.reject(new Error('store down'));
    const { service } = harness({ storeTimeoutMs: 50, stores: { codes: { put: failing, check: failing, discard: failing } as never } });
    expect(await service.verify({ phone: phone(2), scene: 'login', code: '123456' })).toMatchObject({ reason: 'unavailable' });
    expect(otel.spans()[0]).toMatchObject({ name: 'smskit.otp.verify', attributes: { 'smskit.otp.result': 'unavailable', 'error.type': 'unavailable' }, status: { code: SpanStatusCode.ERROR } });
  });
});
