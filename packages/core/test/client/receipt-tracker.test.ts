import { describe, expect, it, vi } from 'vitest';
import { RECEIPT_HORIZON_MS, ReceiptTracker, type DeliveryReceipt, type MessageOutcome, type ReceiptQueryInput, type ReceiptStatus, type SendResult } from '../../src/index.js';

function receipt(msgId: string, tel: string, status: ReceiptStatus = 'DELIVRD'): DeliveryReceipt {
  return { msgId, tel, status, arriveResult: status, delivered: status === 'DELIVRD', arriveTime: '2404091735', arrivedAt: new Date('2024-04-09T09:35:00Z') };
}

/** A receipt source that answers from a queue and records what was asked. */
function fakeSource(batches: DeliveryReceipt[][] = []) {
  const asked: ReceiptQueryInput[] = [];
  return {
    asked,
    queryReceipts: async (input: ReceiptQueryInput) => {
      asked.push(input);
      return batches.shift() ?? [];
    },
  };
}

describe('ReceiptTracker follows each (msgId, number)', () => {
  it('settles a message per number: one msgId covers several numbers', () => {
    const finals: MessageOutcome[] = [];
    const tracker = new ReceiptTracker({ onFinal: (o) => finals.push(o) });
    tracker.track({ msgId: 'm1', phones: ['13800138000', '13900139000'], bid: 'b' });
    expect(tracker.openCount).toBe(2);
    expect(tracker.ingest([receipt('m1', '13800138000')])).toEqual([expect.objectContaining({ msgId: 'm1', phone: '13800138000', status: 'DELIVRD', delivered: true, via: 'push', bid: 'b' })]);
    expect(tracker.openCount).toBe(1);
    tracker.ingest([receipt('m1', '13900139000', 'UNDELIV')]);
    expect(tracker.openCount).toBe(0);
    expect(finals.map((f) => [f.phone, f.status, f.delivered])).toEqual([['13800138000', 'DELIVRD', true], ['13900139000', 'UNDELIV', false]]);
  });

  it('ignores a repeated receipt: the first settles the message', () => {
    const tracker = new ReceiptTracker();
    tracker.track({ msgId: 'm1', phones: ['13800138000', '13900139000'] });
    expect(tracker.ingest([receipt('m1', '13800138000')])).toHaveLength(1);
    expect(tracker.ingest([receipt('m1', '13800138000', 'UNDELIV')])).toHaveLength(0);
  });

  it('keeps a receipt that came before its send was tracked (a push overtaking the answer)', () => {
    const tracker = new ReceiptTracker();
    expect(tracker.ingest([receipt('m1', '13800138000')])).toEqual([]);
    expect(tracker.track({ msgId: 'm1', phones: ['13800138000'] })).toEqual([expect.objectContaining({ status: 'DELIVRD', via: 'push' })]);
    expect(tracker.openCount).toBe(0);
  });

  it('hands over a receipt that matched nothing once it was held long enough', () => {
    let now = 0;
    const unmatched: string[] = [];
    const tracker = new ReceiptTracker({ now: () => now, holdUnmatchedMs: 1000, onUnmatched: (r) => unmatched.push(r.msgId) });
    tracker.ingest([receipt('stranger', '13800138000')]);
    tracker.expire();
    expect(unmatched).toEqual([]);
    now = 1000;
    tracker.expire();
    expect(unmatched).toEqual(['stranger']);
  });

  it('settles NO_RECEIPT once 72 h pass without a receipt (injected clock)', () => {
    let now = 1_000_000;
    const tracker = new ReceiptTracker({ now: () => now });
    tracker.track({ msgId: 'm1', phones: ['13800138000'] });
    now += RECEIPT_HORIZON_MS - 1;
    expect(tracker.expire()).toEqual([]);
    now += 1;
    expect(tracker.expire()).toEqual([expect.objectContaining({ msgId: 'm1', status: 'NO_RECEIPT', delivered: false, via: 'horizon' })]);
  });

  it('whenFinal resolves with every number of a msgId once all are settled', async () => {
    const tracker = new ReceiptTracker();
    tracker.track({ msgId: 'm1', phones: ['13800138000', '13900139000'] });
    const final = tracker.whenFinal('m1');
    tracker.ingest([receipt('m1', '13900139000', 'EXPIRED'), receipt('m1', '13800138000')]);
    expect((await final).map((o) => [o.phone, o.status])).toEqual([['13800138000', 'DELIVRD'], ['13900139000', 'EXPIRED']]);
    await expect(tracker.whenFinal('unknown')).resolves.toEqual([]);
  });

  it('trackResult follows the accepted numbers of sent requests only', () => {
    const tracker = new ReceiptTracker();
    const result: SendResult = {
      status: 'partial',
      chunks: [
        { index: 0, phones: ['13800138000', '13900139000'], bid: 'b0', status: 'sent', msgId: 'm0', failPhones: ['13900139000'] },
        { index: 1, phones: ['13700137000'], bid: 'b1', status: 'unknown', failPhones: [] },
      ],
      msgIds: ['m0'],
      failedPhones: ['13900139000'],
      unknownPhones: ['13700137000'],
      invalid: [],
      duplicates: 0,
    };
    tracker.trackResult(result);
    expect(tracker.openCount).toBe(1);
  });
});

describe('ReceiptTracker pulls only for what is open', () => {
  it('asks for the open msgIds and settles what comes back', async () => {
    const source = fakeSource([[receipt('m1', '13800138000'), receipt('m2', '13900139000')]]);
    const tracker = new ReceiptTracker({ source });
    tracker.track({ msgId: 'm1', phones: ['13800138000'] });
    tracker.track({ msgId: 'm2', phones: ['13900139000', '13700137000'] });
    const settled = await tracker.pull();
    expect(source.asked).toEqual([{ msgIds: ['m1', 'm2'] }]);
    expect(settled.map((o) => [o.msgId, o.via])).toEqual([['m1', 'pull'], ['m2', 'pull']]);
    await tracker.pull();
    expect(source.asked[1]).toEqual({ msgIds: ['m2'] });
  });

  it('does not pull when nothing is open', async () => {
    const source = fakeSource();
    const tracker = new ReceiptTracker({ source });
    expect(await tracker.pull()).toEqual([]);
    expect(source.asked).toEqual([]);
  });

  it('asks for at most 600 msgIds a pull, rotating through the rest', async () => {
    const source = fakeSource();
    const tracker = new ReceiptTracker({ source });
    for (let i = 0; i < 700; i++) tracker.track({ msgId: `m${i}`, phones: ['13800138000'] });
    await tracker.pull();
    await tracker.pull();
    expect(source.asked[0]?.msgIds).toHaveLength(600);
    expect(source.asked[0]?.msgIds?.[0]).toBe('m0');
    expect(source.asked[1]?.msgIds?.slice(0, 100)).toEqual(Array.from({ length: 100 }, (_, i) => `m${600 + i}`));
  });

  it('concurrent pulls share one request', async () => {
    const source = fakeSource();
    const tracker = new ReceiptTracker({ source });
    tracker.track({ msgId: 'm1', phones: ['13800138000'] });
    await Promise.all([tracker.pull(), tracker.pull()]);
    expect(source.asked).toHaveLength(1);
  });

  it('a failed pull keeps every message open', async () => {
    const tracker = new ReceiptTracker({ source: { queryReceipts: () => Promise.reject(new Error('network')) } });
    tracker.track({ msgId: 'm1', phones: ['13800138000'] });
    await expect(tracker.pull()).rejects.toThrow('network');
    expect(tracker.openCount).toBe(1);
  });
});

describe('ReceiptTracker.start()', () => {
  it('pulls every pullEveryMs while messages are open, reports a failed pull and keeps going', async () => {
    vi.useFakeTimers();
    try {
      const errors: number[] = [];
      let calls = 0;
      const source = {
        queryReceipts: async () => {
          calls++;
          if (calls === 1) throw new Error('network');
          return [receipt('m1', '13800138000')];
        },
      };
      const tracker = new ReceiptTracker({ source, pullEveryMs: 60_000, onError: (e) => errors.push(e.code) });
      tracker.track({ msgId: 'm1', phones: ['13800138000'] });
      tracker.start();
      await vi.advanceTimersByTimeAsync(59_999);
      expect(calls).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(errors).toEqual([-1]);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(calls).toBe(2);
      expect(tracker.openCount).toBe(0);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(calls).toBe(2); // nothing open: no pull
      tracker.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
