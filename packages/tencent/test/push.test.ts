import { PushInbox, type SmsError } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import { parseTencentReceiptPush, parseTencentReplyPush, tencentPushDialect } from '../src/index.js';

const item = { user_receive_time: '2026-11-27 10:00:05', nationcode: '86', mobile: '13800138000', report_status: 'SUCCESS', errmsg: 'DELIVRD', description: '用户短信送达成功', sid: 'sid-1' };
const reply = { extend: '', mobile: '13800138000', nationcode: '86', sign: 'smskit', text: 'TD', time: 1_764_208_805 };

function thrown(run: () => unknown): SmsError | undefined {
  try {
    run();
  } catch (error) {
    return error as SmsError;
  }
  return undefined;
}

describe("Tencent's receipt callback", () => {
  it('reads an array of items, tolerating keys it does not name', () => {
    expect(parseTencentReceiptPush([{ ...item, extra: { nested: true } }], 'tx')).toEqual([
      { channel: 'tx', messageId: 'sid-1', number: '13800138000', state: 'delivered', providerState: 'SUCCESS', providerCode: 'DELIVRD', at: new Date('2026-11-27T02:00:05Z') },
    ]);
    expect(parseTencentReceiptPush([])).toEqual([]);
  });

  it('takes 100,000 items and refuses 100,001 with 40004', () => {
    const full = Array.from({ length: 100_000 }, () => item);
    expect(parseTencentReceiptPush(full)).toHaveLength(100_000);
    expect(thrown(() => parseTencentReceiptPush([...full, item]))).toMatchObject({ code: 40004, message: 'Malformed Tencent receipt push: body Too big: expected array to have <=100000 items.' });
  });

  it.each<[string, unknown, string]>([
    ['an object for a body', item, 'body Invalid input: expected array, received object'],
    ['a numeric sid', [{ ...item, sid: 1 }], '0.sid Invalid input: expected string, received number'],
    ['an empty sid', [{ ...item, sid: '' }], '0.sid Too small: expected string to have >=1 characters'],
    ['a sid of 129 characters', [{ ...item, sid: 's'.repeat(129) }], '0.sid Too big: expected string to have <=128 characters'],
    ['a report_status of 17 characters', [item, { ...item, report_status: 'S'.repeat(17) }], '1.report_status Too big: expected string to have <=16 characters'],
    ['an ISO time', [{ ...item, user_receive_time: '2026-11-27T10:00:05' }], '0.user_receive_time must be "YYYY-MM-DD hh:mm:ss"'],
    ['a five-digit country code', [{ ...item, nationcode: '+12345' }], '0.nationcode Invalid string: must match pattern /^\\+?\\d{1,4}$/'],
    ['a two-digit number', [{ ...item, mobile: '12' }], '0.mobile Invalid string: must match pattern /^\\d{3,15}$/'],
    ['no description', [{ ...item, description: undefined }], '0.description Invalid input: expected string, received undefined'],
  ])('refuses %s, naming the field (never its value)', (_name, body, reason) => {
    const error = thrown(() => parseTencentReceiptPush(body));
    expect(error).toMatchObject({ code: 40004, message: `Malformed Tencent receipt push: ${reason}.`, hint: "See Tencent's receipt callback format (短信回调)." });
    expect(JSON.stringify([error?.message, error?.details])).not.toContain('13800138000');
  });

  it('lists up to ten faults in details', () => {
    const error = thrown(() => parseTencentReceiptPush(Array.from({ length: 20 }, () => ({ ...item, sid: 7 }))));
    expect(error?.details).toHaveLength(10);
    expect((error?.details as { path: string }[])[9]).toEqual({ path: '9.sid', message: 'Invalid input: expected string, received number' });
  });
});

describe("Tencent's reply callback", () => {
  it('reads one object, tolerating keys it does not name', () => {
    expect(parseTencentReplyPush({ ...reply, extra: 1 })).toEqual({ number: '13800138000', text: 'TD', signName: 'smskit', extendCode: '', at: new Date(1_764_208_805_000) });
  });

  it.each<[string, unknown, string]>([
    ['an array', [reply], 'body Invalid input: expected object, received array'],
    ['a time in text', { ...reply, time: '1764208805' }, 'time Invalid input: expected number, received string'],
    ['a fractional time', { ...reply, time: 1.5 }, 'time Invalid input: expected int, received number'],
    ['a negative time', { ...reply, time: -1 }, 'time Too small: expected number to be >=0'],
    ['a time past the safe integers', { ...reply, time: 2 ** 53 }, 'time Too big: expected int to be <=9007199254740991'],
    ['a text of 2001 characters', { ...reply, text: 'x'.repeat(2001) }, 'text Too big: expected string to have <=2000 characters'],
    ['an extend of 33 characters', { ...reply, extend: '1'.repeat(33) }, 'extend Too big: expected string to have <=32 characters'],
  ])('refuses %s with 40004', (_name, body, reason) => {
    expect(thrown(() => parseTencentReplyPush(body))).toMatchObject({ code: 40004, message: `Malformed Tencent reply push: ${reason}.`, hint: "See Tencent's reply callback format (短信回调)." });
  });

  it('takes a time of 0 and a text of 2000 characters', () => {
    expect(parseTencentReplyPush({ ...reply, time: 0, text: 'x'.repeat(2000) }).at.getTime()).toBe(0);
  });
});

describe('tencentPushDialect in the inbox', () => {
  it("answers a malformed callback 400 with 40004 in Tencent's shape, and a good one OK", async () => {
    const inbox = new PushInbox({ dialect: tencentPushDialect(), dedupeStore: false, onReceipts: () => undefined, onReplies: () => undefined });
    const push = { kind: 'receipts' as const, sourceIp: '127.0.0.1', requestId: 'r' };
    expect(await inbox.accept({ ...push, body: [{ ...item, mobile: 5 }] })).toEqual({ status: 400, body: { result: 40004, errmsg: 'Malformed Tencent receipt push: 0.mobile Invalid input: expected string, received number.' } });
    expect(await inbox.accept({ ...push, body: [item] })).toEqual({ status: 200, body: { result: 0, errmsg: 'OK' } });
    expect(await inbox.accept({ ...push, kind: 'replies', body: { ...reply, time: -5 } })).toMatchObject({ status: 400, body: { result: 40004 } });
    await inbox.idle();
  });
});
