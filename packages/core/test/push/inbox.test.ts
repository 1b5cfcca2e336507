import { describe, expect, it } from 'vitest';
import { PushInbox, type PushFailure } from '../../src/index.js';

const receipt = { msgId: 'm1', tel: '13800138000', arriveResult: 'DELIVRD', arriveTime: '2611221530' };
const push = (body: unknown) => ({ kind: 'receipts' as const, body, sourceIp: '127.0.0.1', requestId: 'r1' });

describe('PushInbox', () => {
  it('authenticates before it validates: a stranger gets 2001, not the payload rules', async () => {
    const inbox = new PushInbox({ apiKeys: 'k', onReceipts: () => undefined });
    const answer = await inbox.accept(push({ apiKey: 'stranger', data: 'not even an array' }));
    expect(answer).toMatchObject({ status: 401, body: { code: 2001, message: 'Unknown apiKey in the push.' } });
    expect((await inbox.accept(push({ data: [] }))).body.code).toBe(2001);
    expect((await inbox.accept(push({ apiKey: 'k', data: 'not even an array' }))).body.code).toBe(40004);
  });

  it('a push whose body the framework did not parse (no or another content type) is refused, never a crash', async () => {
    const inbox = new PushInbox({ apiKeys: 'k', onReceipts: () => undefined });
    // Express leaves req.body undefined for text/plain; that read as a crash (-1 / 503) once
    for (const body of [undefined, '']) {
      expect(await inbox.accept(push(body))).toMatchObject({ status: 401, body: { code: 2001 } });
    }
    expect(await inbox.accept(push('apiKey=k'))).toMatchObject({ status: 400, body: { code: 40004 } });
  });

  it('a push of a kind nobody handles reaches onError with its items, never vanishing', async () => {
    const failures: PushFailure[] = [];
    const inbox = new PushInbox({ apiKeys: 'k', onReplies: () => undefined, onError: (_error, failure) => failures.push(failure) });
    expect((await inbox.accept(push({ apiKey: 'k', data: [receipt] }))).body.code).toBe(200);
    await inbox.idle();
    expect(failures).toHaveLength(1);
    expect(failures[0]?.items).toMatchObject([{ msgId: 'm1', status: 'DELIVRD', delivered: true }]);
  });

  it('answers at once and hands repeats to the handler only once', async () => {
    const seen: string[] = [];
    const inbox = new PushInbox({ apiKeys: 'k', onReceipts: (receipts) => void seen.push(...receipts.map((r) => r.msgId)) });
    await inbox.accept(push({ apiKey: 'k', data: [receipt] }));
    await inbox.accept(push({ apiKey: 'k', data: [receipt] }));
    await inbox.idle();
    expect(seen).toEqual(['m1']);
  });
});
