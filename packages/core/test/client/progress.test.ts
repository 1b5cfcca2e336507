import { describe, expect, it } from 'vitest';
import { SmsError, sendResultOf, type ChunkResult, type SendProgress } from '../../src/index.js';
import { failed, recordingPlatform, sent } from './recording-platform.js';

const phones = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `138${String(from + i).padStart(8, '0')}`);

type Seen = [ChunkResult, SendProgress];

describe('onChunk: a bulk send reports each request as it ends', () => {
  it('calls the hook once per request, done counting up to total, numbers up to the send’s', async () => {
    const platform = await recordingPlatform((_request, n) => sent(`m${n}`));
    const seen: Seen[] = [];
    const result = await platform.client({ concurrency: 2 }).send({ phones: phones(2500), templateCode: '100003', onChunk: (chunk, progress) => seen.push([chunk, progress]) });
    expect(seen.map(([, p]) => p.done)).toEqual([1, 2, 3]);
    expect(seen.every(([, p]) => p.total === 3 && p.phonesTotal === 2500)).toBe(true);
    expect(seen.at(-1)?.[1].phonesDone).toBe(2500);
    // The hook sees the same results the send resolves with, each once.
    expect(seen.map(([chunk]) => chunk.index).sort()).toEqual([0, 1, 2]);
    expect(seen.map(([chunk]) => chunk.msgId).sort()).toEqual([...result.msgIds].sort());
  });

  it('sendBatch reports too, with each request’s own numbers', async () => {
    const platform = await recordingPlatform((_request, n) => sent(`m${n}`));
    const seen: Seen[] = [];
    const messages = phones(1200).map((phone, i) => ({ phone, params: [String(i)] }));
    await platform.client({ concurrency: 1 }).sendBatch({ templateCode: '100001', messages, onChunk: (chunk, progress) => seen.push([chunk, progress]) });
    expect(seen.map(([chunk, p]) => [chunk.phones.length, p.phonesDone, p.done, p.total])).toEqual([
      [1000, 1000, 1, 2],
      [200, 1200, 2, 2],
    ]);
  });

  it('reports failed requests and those not attempted after a whole-send failure, so done reaches total', async () => {
    const platform = await recordingPlatform(() => failed(40002, '余额不足', 402));
    const seen: Seen[] = [];
    const error: unknown = await platform
      .client({ concurrency: 1 })
      .send({ phones: phones(3000), templateCode: '100003', onChunk: (chunk, progress) => seen.push([chunk, progress]) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsError);
    expect(platform.requests).toHaveLength(1);
    expect(seen.map(([chunk, p]) => [chunk.status, chunk.error?.code, p.done])).toEqual([
      ['failed', 40002, 1],
      ['failed', 40002, 2],
      ['failed', 40002, 3],
    ]);
    expect(sendResultOf(error)?.failedPhones).toHaveLength(3000);
  });

  it('a hook that throws changes nothing: every request is sent and reported in the result', async () => {
    const platform = await recordingPlatform((_request, n) => sent(`m${n}`));
    let calls = 0;
    const result = await platform.client({ concurrency: 1 }).send({
      phones: phones(2001),
      templateCode: '100003',
      onChunk: () => {
        calls += 1;
        throw new Error('the progress bar broke');
      },
    });
    expect(calls).toBe(3);
    expect(result.status).toBe('sent');
    expect(result.msgIds).toHaveLength(3);
  });

  it('refuses a hook that is not a function (40004) before anything is sent', async () => {
    const platform = await recordingPlatform();
    const error: unknown = await platform
      .client()
      .send({ phones: ['13800138000'], templateCode: '1', onChunk: 'progress' as unknown as () => void })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 40004 });
    expect(platform.requests).toHaveLength(0);
  });
});
