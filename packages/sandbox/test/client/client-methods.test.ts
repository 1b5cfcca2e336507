import { ReceiptTracker, sendResultOf, SmsError } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import { phones, rejectionOf, sandboxWithClient } from './client-harness.js';

describe('SmsClient against the sandbox: every method', () => {
  it('send: the sandbox stores one message per number, with the bid and the rendered values', async () => {
    const { sandbox, client } = await sandboxWithClient();
    const result = await client().send({ phones: ['+86 138 0013 8000', '13900139000', '13800138000'], templateCode: '100002', params: ['张三', 'SO-1', '明天'], bid: 'order-1' });
    expect(result).toMatchObject({ status: 'sent', duplicates: 1, failedPhones: [], unknownPhones: [] });
    const messages = await sandbox.messages({ msgId: result.msgIds[0] });
    expect(messages.map((m) => m.phone).sort()).toEqual(['13800138000', '13900139000']);
    expect(messages.every((m) => m.bid === 'order-1' && m.text.includes('张三') && m.text.includes('SO-1'))).toBe(true);
  });

  it('sendBatch: each number gets its own values', async () => {
    const { sandbox, client } = await sandboxWithClient();
    const result = await client().sendBatch({
      templateCode: '100001',
      messages: [
        { phone: '13800138000', params: ['111111'] },
        { phone: '13900139000', params: ['222222'] },
      ],
    });
    const messages = await sandbox.messages({ msgId: result.msgIds[0] });
    const byPhone = Object.fromEntries(messages.map((m) => [m.phone, m.text]));
    expect(byPhone['13800138000']).toContain('111111');
    expect(byPhone['13900139000']).toContain('222222');
  });

  it('queryReceipts: typed receipts, each returned once (by msgId and by bid)', async () => {
    const { sandbox, client } = await sandboxWithClient({ deliveryRules: [{ suffix: '9', state: 'UNDELIV' }] });
    const c = client();
    const one = await c.send({ phones: ['13800138000', '13900139009'], templateCode: '100003', bid: 'b-1' });
    await c.send({ phones: ['13700137000'], templateCode: '100003', bid: 'b-2' });
    await sandbox.deliverNow();
    const receipts = await c.queryReceipts({ msgIds: one.msgIds });
    expect(receipts.map((r) => [r.tel, r.status, r.delivered, r.bid]).sort()).toEqual([
      ['13800138000', 'DELIVRD', true, 'b-1'],
      ['13900139009', 'UNDELIV', false, 'b-1'],
    ]);
    expect(receipts.every((r) => r.arrivedAt instanceof Date && Math.abs(r.arrivedAt.getTime() - Date.now()) < 5 * 60_000)).toBe(true);
    expect(await c.queryReceipts({ msgIds: one.msgIds })).toEqual([]);
    expect((await c.queryReceipts({ bid: 'b-2' })).map((r) => r.tel)).toEqual(['13700137000']);
  });

  it('statistics and balance follow from what was sent', async () => {
    const { sandbox, client } = await sandboxWithClient({ balance: 100 });
    const c = client();
    await c.send({ phones: phones(3), templateCode: '100003' });
    await sandbox.deliverNow();
    const today = new Date();
    const page = await c.statistics({ startDate: today, endDate: today });
    expect(page.totalSize).toBe(1);
    expect(page.days[0]).toMatchObject({ totalCount: 3, successCount: 3 });
    const balance = await c.balance();
    expect(balance.find((b) => b.itemName === '行业短信')?.residueValue).toBe(97);
  });

  it('health: the sandbox is up', async () => {
    const { client } = await sandboxWithClient();
    expect(await client().health()).toMatchObject({ up: true, data: { status: 'UP' } });
  });

  it('a ReceiptTracker follows a send to its end, pulling through the client', async () => {
    const { sandbox, client } = await sandboxWithClient({ deliveryRules: [{ suffix: '1', state: 'REJECTD' }] });
    const c = client();
    const tracker = new ReceiptTracker({ source: c });
    const result = await c.send({ phones: ['13800138000', '13800138001'], templateCode: '100003' });
    tracker.trackResult(result);
    const final = tracker.whenFinal(result.msgIds[0] as string);
    await sandbox.deliverNow();
    await tracker.pull();
    expect((await final).map((o) => [o.phone, o.status, o.via])).toEqual([
      ['13800138000', 'DELIVRD', 'pull'],
      ['13800138001', 'REJECTD', 'pull'],
    ]);
  });
});

describe('chunking 2,500 numbers against the sandbox', () => {
  it('one chunk failing (balance runs out) hides neither the others nor its numbers', async () => {
    const { sandbox, client } = await sandboxWithClient({ balance: 2000 });
    const input = phones(2500);
    const result = await client({ concurrency: 1 }).send({ phones: [...input, ...input.slice(0, 10)], templateCode: '100003' });
    expect(result.status).toBe('partial');
    expect(result.duplicates).toBe(10);
    expect(result.chunks.map((c) => [c.phones.length, c.status, c.error?.code])).toEqual([
      [1000, 'sent', undefined],
      [1000, 'sent', undefined],
      [500, 'failed', 40002],
    ]);
    expect(result.failedPhones).toEqual(input.slice(2000));
    expect(result.msgIds).toHaveLength(2);
    for (const [i, msgId] of result.msgIds.entries()) {
      const stored = await sandbox.messages({ msgId, limit: 2000 });
      expect(stored.map((m) => m.phone).sort()).toEqual(input.slice(i * 1000, (i + 1) * 1000));
    }
  });

  it('a failing middle chunk (an injected fault) leaves the chunks before and after it sent', async () => {
    const { sandbox, client } = await sandboxWithClient();
    let answered = 0;
    const c = client({
      concurrency: 1,
      hooks: {
        // After the first chunk's answer, make the next request fail with a code that only concerns it.
        onResponse: () => {
          if (++answered === 1) sandbox.setFaults({ fail: 1, failCode: 60005 });
        },
      },
    });
    const result = await c.send({ phones: phones(2500), templateCode: '100003' });
    expect(result.chunks.map((chunk) => chunk.status)).toEqual(['sent', 'failed', 'sent']);
    expect(result.chunks[1]?.error).toBeInstanceOf(SmsError);
    expect(result.chunks[1]?.error?.code).toBe(60005);
    expect(result.failedPhones).toEqual(phones(2500).slice(1000, 2000));
    expect(await sandbox.messages({ limit: 5000 })).toHaveLength(1500);
  });

  it('sendBatch over 1000 messages is chunked in order', async () => {
    const { sandbox, client } = await sandboxWithClient();
    const messages = phones(1500).map((phone, i) => ({ phone, params: [String(i).padStart(6, '0')] }));
    const result = await client({ concurrency: 2 }).sendBatch({ templateCode: '100001', messages });
    expect(result.chunks.map((c) => c.phones.length)).toEqual([1000, 500]);
    const last = (await sandbox.messages({ phone: messages[1499]?.phone }))[0];
    expect(last?.text).toContain('001499');
  });

  it('a send that sent nothing rejects with the platform’s code and every chunk in details.result', async () => {
    const { client } = await sandboxWithClient({ balance: 0 });
    const error = await rejectionOf(client().send({ phones: phones(1200), templateCode: '100003' }));
    expect(error).toMatchObject({ code: 40002 });
    expect(sendResultOf(error)?.chunks.map((c) => c.status)).toEqual(['failed', 'failed']);
  });
});
