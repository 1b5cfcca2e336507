import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerOtel, SpanKind, SpanStatusCode, type OtelHarness } from '@smskit/test-support/otel';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SmsClient } from '../../src/index.js';
import { ACCESS_KEY, API_KEY, failed, recordingPlatform, sent } from '../client/recording-platform.js';

const PHONES = ['13800138000', '13912345678'];

let otel: OtelHarness;
beforeEach(() => {
  otel = registerOtel();
});
afterEach(async () => {
  await otel.close();
});

/** The client's spans only (the recording platform verifies with core too, which traces `smskit.verify`). */
const clientSpans = () => otel.spans().filter((span) => span.name !== 'smskit.verify');

describe('client telemetry', () => {
  it('traces a send as one call span with a CLIENT span per attempt, and counts the send, its numbers and its retries', async () => {
    const platform = await recordingPlatform((_, n) => (n < 3 ? failed(-1, 'busy', 503) : sent('m1')));
    await platform.client().send({ phones: PHONES, templateCode: '1', bid: 'b1' });

    const [a1, a2, a3, call] = clientSpans();
    expect(call).toMatchObject({ name: 'smskit.send', kind: SpanKind.INTERNAL, attributes: { 'smskit.endpoint': 'send', 'smskit.number_count': 2, 'smskit.outcome': 'ok', 'smskit.code': 200, 'smskit.attempt_count': 3 } });
    const path = new URL(platform.requests[0]?.path ?? '', platform.url).pathname;
    const port = Number(new URL(platform.url).port);
    for (const [index, attempt] of [a1, a2, a3].entries()) {
      expect(attempt?.name).toBe(`POST ${path}`);
      expect(attempt?.kind).toBe(SpanKind.CLIENT);
      expect(attempt?.parentSpanContext?.spanId).toBe(call?.spanContext().spanId);
      expect(attempt?.attributes).toMatchObject({ 'http.request.method': 'POST', 'server.address': '127.0.0.1', 'server.port': port, 'url.full': `${platform.url}${path}`, 'smskit.attempt': index + 1, 'smskit.number_count': 2 });
      expect(attempt?.attributes['http.request.resend_count']).toBe(index === 0 ? undefined : index);
    }
    expect(a1?.attributes).toMatchObject({ 'http.response.status_code': 503, 'smskit.code': -1, 'smskit.outcome': 'failed', 'error.type': '-1' });
    expect(a1?.status).toEqual({ code: SpanStatusCode.ERROR, message: '-1' });
    expect(a3?.attributes).toMatchObject({ 'http.response.status_code': 200, 'smskit.code': 200, 'smskit.outcome': 'ok' });
    expect(a3?.attributes['error.type']).toBeUndefined();
    expect(a3?.status.code).toBe(SpanStatusCode.UNSET);

    const metrics = await otel.metrics();
    expect(metrics.get('smskit.client.sends')).toEqual([{ attributes: { 'smskit.endpoint': 'send', 'smskit.outcome': 'ok', 'smskit.code': 200 }, value: 1 }]);
    expect(metrics.get('smskit.client.numbers')).toEqual([{ attributes: { 'smskit.endpoint': 'send', 'smskit.outcome': 'ok', 'smskit.code': 200 }, value: 2 }]);
    expect(metrics.get('smskit.client.retries')).toEqual([{ attributes: { 'smskit.endpoint': 'send', 'error.type': '-1' }, value: 2 }]);
    const durations = metrics.get('smskit.client.attempt.duration') ?? [];
    expect(durations.map((point) => [point.attributes['smskit.outcome'], point.count])).toEqual([
      ['failed', 2],
      ['ok', 1],
    ]);
  });

  it('counts a refused send by its code, and never records a number, a key, the bid or the message', async () => {
    const platform = await recordingPlatform(() => failed(60001, `number ${PHONES[0]} is not allowed`));
    await expect(platform.client().send({ phones: PHONES, templateCode: '1', bid: 'bid-secret-ish' })).rejects.toMatchObject({ code: 60001 });

    const metrics = await otel.metrics();
    const failedAttributes = { 'smskit.endpoint': 'send', 'smskit.outcome': 'failed', 'smskit.code': 60001, 'error.type': '60001' };
    expect(metrics.get('smskit.client.sends')).toEqual([{ attributes: failedAttributes, value: 1 }]);
    expect(metrics.get('smskit.client.numbers')).toEqual([{ attributes: failedAttributes, value: 2 }]);
    expect(metrics.get('smskit.client.retries')).toBeUndefined();
    expect(clientSpans().find((span) => span.name === 'smskit.send')?.status).toEqual({ code: SpanStatusCode.ERROR, message: '60001' });

    const everything = await otel.everything();
    for (const leak of [...PHONES, '138****8000', API_KEY, ACCESS_KEY, 'bid-secret-ish', 'not allowed']) expect(everything).not.toContain(leak);
  });

  it('marks a send whose answer was lost as unknown, with the transport failure as error.type', async () => {
    // Reads the request, then drops the connection without answering: the send may have been taken.
    const server = createServer((req) => req.on('end', () => req.socket.destroy()).resume());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = new SmsClient({ apiKey: API_KEY, accessKey: ACCESS_KEY, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, pacing: false });
    try {
      await expect(client.send({ phones: PHONES, templateCode: '1' })).rejects.toMatchObject({ code: -1 });
    } finally {
      await client.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    const metrics = await otel.metrics();
    expect(metrics.get('smskit.client.sends')).toEqual([{ attributes: { 'smskit.endpoint': 'send', 'smskit.outcome': 'unknown', 'smskit.code': -1, 'error.type': 'connection-lost' }, value: 1 }]);
    const [attempt, call] = clientSpans();
    expect(attempt?.attributes).toMatchObject({ 'smskit.outcome': 'unknown', 'error.type': 'connection-lost' });
    expect(attempt?.attributes['http.response.status_code']).toBeUndefined();
    expect(call?.attributes).toMatchObject({ 'smskit.outcome': 'unknown', 'smskit.attempt_count': 1 });
  });

  it('traces queries too, but counts only sends in smskit.client.sends', async () => {
    const platform = await recordingPlatform(() => ({ json: { code: 200, message: 'OK', data: { balance: 10 }, requestId: 'r' } }));
    await platform.client().balance();
    expect(clientSpans().map((span) => span.name)).toEqual([expect.stringMatching(/^POST \//), 'smskit.balance']);
    const metrics = await otel.metrics();
    expect(metrics.get('smskit.client.sends')).toBeUndefined();
    expect(metrics.get('smskit.client.attempt.duration')?.[0]?.attributes).toEqual({ 'smskit.endpoint': 'balance', 'smskit.outcome': 'ok', 'smskit.code': 200 });
  });
});
