import { describe, expect, it } from 'vitest';
import { callFailureOf, sendResultOf } from '../../src/index.js';
import { recordingPlatform, rejection, sent } from './recording-platform.js';

describe('a 200 answer whose failPhones names every number of the request', () => {
  it('fails the send (60007) with every number in failedPhones, as the docs say', async () => {
    const platform = await recordingPlatform(() => sent('m1', '13800138000,13900139000'));
    const error = await rejection(platform.client().send({ phones: ['13800138000', '+86 139 0013 9000'], templateCode: '1' }));
    expect(error.code).toBe(60007);
    const result = sendResultOf(error);
    expect(result).toMatchObject({ status: 'failed', msgIds: [], unknownPhones: [] });
    expect(result?.failedPhones.sort()).toEqual(['13800138000', '13900139000']);
    expect(result?.chunks[0]).toMatchObject({ status: 'failed', msgId: 'm1' });
    expect(callFailureOf(error)?.outcome).toBe('failed');
    expect(platform.requests).toHaveLength(1);
  });

  it('still resolves partial when at least one number was accepted', async () => {
    const platform = await recordingPlatform(() => sent('m1', '13900139000'));
    const result = await platform.client().send({ phones: ['13800138000', '13900139000'], templateCode: '1' });
    expect(result).toMatchObject({ status: 'partial', msgIds: ['m1'], failedPhones: ['13900139000'] });
  });

  it('in a send of several requests, only that request fails', async () => {
    const phones = Array.from({ length: 1001 }, (_, i) => `139${String(i).padStart(8, '0')}`);
    const platform = await recordingPlatform((request) => (String(request.body.phones).includes(',') ? sent('m-big') : sent('m-one', String(request.body.phones))));
    const result = await platform.client({ concurrency: 1 }).send({ phones, templateCode: '1' });
    expect(result.status).toBe('partial');
    expect(result.msgIds).toEqual(['m-big']);
    expect(result.chunks.map((c) => c.status)).toEqual(['sent', 'failed']);
    expect(result.failedPhones).toEqual([phones[1000]]);
  });
});

describe('a 200 answer to a send without a msgId', () => {
  it.each([
    ['no data', { code: 200, message: 'OK', requestId: 'r1' }],
    ['data without msgId', { code: 200, message: 'OK', data: { desc: null }, requestId: 'r1' }],
    ['an empty msgId', { code: 200, message: 'OK', data: { msgId: '' }, requestId: 'r1' }],
  ])('%s: ends unknown (it was written and answered oddly) and is never retried', async (_name, json) => {
    const platform = await recordingPlatform(() => ({ json }));
    const error = await rejection(platform.client({ retry: { retries: 3, minDelayMs: 1, maxDelayMs: 2 } }).send({ phones: ['13800138000'], templateCode: '1', bid: 'b-1' }));
    expect(error).toMatchObject({ code: -1, retryable: false, requestId: 'r1' });
    expect(error.message).toMatch(/without a msgId/);
    expect(callFailureOf(error)).toMatchObject({ outcome: 'unknown', attempts: 1, bid: 'b-1', httpStatus: 200 });
    expect(sendResultOf(error)).toMatchObject({ status: 'unknown', unknownPhones: ['13800138000'], msgIds: [] });
    expect(platform.requests).toHaveLength(1);
  });

  it('sendBatch alike', async () => {
    const platform = await recordingPlatform(() => ({ json: { code: 200, message: 'OK', data: {} } }));
    const error = await rejection(platform.client().sendBatch({ templateCode: '1', messages: [{ phone: '13800138000' }] }));
    expect(callFailureOf(error)?.outcome).toBe('unknown');
    expect(platform.requests).toHaveLength(1);
  });

  it('a query answered 200 without data is still an answer', async () => {
    const platform = await recordingPlatform(() => ({ json: { code: 200, message: 'OK' } }));
    await expect(platform.client().balance()).resolves.toEqual([]);
  });
});

describe('an answer whose code is not a number', () => {
  it.each([
    ['null', null],
    ['missing', undefined],
    ['an empty string', ''],
    ['a fraction', 200.5],
    ['a boolean', true],
  ])('code %s: a send ends unknown (-1, unreadable answer), never "Unknown platform code 0"', async (_name, code) => {
    const platform = await recordingPlatform(() => ({ json: { code, message: 'OK', data: { msgId: 'm1' } } }));
    const error = await rejection(platform.client().send({ phones: ['13800138000'], templateCode: '1' }));
    expect(error.code).toBe(-1);
    expect(error.message).not.toMatch(/Unknown platform code/);
    expect(error.message).toMatch(/not the platform's JSON/);
    expect(callFailureOf(error)).toMatchObject({ outcome: 'unknown', attempts: 1 });
    expect(platform.requests).toHaveLength(1);
  });

  it('a query with such an answer is retried, then fails -1', async () => {
    const platform = await recordingPlatform(() => ({ json: { code: null, message: 'OK', data: [] } }));
    const error = await rejection(platform.client().balance());
    expect(error.code).toBe(-1);
    expect(callFailureOf(error)).toMatchObject({ outcome: 'failed', attempts: 3 });
  });

  it('a code written as digits in a string is read as that code', async () => {
    const platform = await recordingPlatform(() => ({ json: { code: '200', message: 'OK', data: { msgId: 'm1' } } }));
    await expect(platform.client().send({ phones: ['13800138000'], templateCode: '1' })).resolves.toMatchObject({ status: 'sent', msgIds: ['m1'] });
  });
});
