import { describe, expect, it } from 'vitest';
import { checkPushShape, malformedPushError, parseReceiptPush, parseReplyPush, pushShape, SmsError, type PushShapeResult } from '../../src/index.js';

const issues = <T>(result: PushShapeResult<T>) => (result.ok ? [] : result.issues);
const firstReason = <T>(result: PushShapeResult<T>) => issues(result)[0]?.message;

// Every non-string a JSON body can hold where a string belongs, and how it is named.
const NOT_STRINGS: [unknown, string][] = [
  [undefined, 'undefined'],
  [null, 'null'],
  [5, 'number'],
  [true, 'boolean'],
  [[], 'array'],
  [{}, 'object'],
];

describe('pushShape.text', () => {
  const short = pushShape.text({ min: 1, max: 4 });

  it('accepts lengths within the bounds, both included', () => {
    for (const text of ['a', 'abcd']) expect(checkPushShape(text, short)).toEqual({ ok: true, value: text });
  });

  it('refuses lengths past either bound, naming the bound', () => {
    expect(issues(checkPushShape('', short))).toEqual([{ path: '', message: 'Too small: expected string to have >=1 characters' }]);
    expect(issues(checkPushShape('abcde', short))).toEqual([{ path: '', message: 'Too big: expected string to have <=4 characters' }]);
  });

  it('counts UTF-16 units, as String.length does', () => {
    expect(checkPushShape('😀😀', short).ok).toBe(true); // 4 units
    expect(checkPushShape('😀😀x', short).ok).toBe(false);
  });

  it('refuses every other kind of value by its kind', () => {
    for (const [value, kind] of NOT_STRINGS) expect(firstReason(checkPushShape(value, short))).toBe(`Invalid input: expected string, received ${kind}`);
    expect(firstReason(checkPushShape(Number.NaN, short))).toBe('Invalid input: expected string, received NaN');
    expect(firstReason(checkPushShape(new String('x'), short))).toBe('Invalid input: expected string, received object');
  });

  it('reports one reason per value: the first rule that fails', () => {
    const digits = pushShape.text({ max: 3, pattern: /^\d+$/, valid: () => false, validMessage: 'never' });
    expect(issues(checkPushShape('abcdef', digits))).toEqual([{ path: '', message: 'Too big: expected string to have <=3 characters' }]);
    expect(issues(checkPushShape('ab', digits))).toEqual([{ path: '', message: 'Invalid string: must match pattern /^\\d+$/' }]);
    expect(issues(checkPushShape('12', digits))).toEqual([{ path: '', message: 'never' }]);
  });

  it('words a pattern failure as told, and runs `valid` only once the pattern matches', () => {
    const seen: string[] = [];
    const time = pushShape.text({ pattern: /^\d{4}$/, patternMessage: 'must be hhmm', valid: (t) => (seen.push(t), t < '2400'), validMessage: 'is not a time' });
    expect(firstReason(checkPushShape('12:30', time))).toBe('must be hhmm');
    expect(firstReason(checkPushShape('2460', time))).toBe('is not a time');
    expect(checkPushShape('1230', time).ok).toBe(true);
    expect(seen).toEqual(['2460', '1230']);
  });

  it('matches a global or sticky pattern from its start every time', () => {
    const sticky = pushShape.text({ pattern: /^\d+$/gy });
    for (let i = 0; i < 3; i++) expect(checkPushShape('123', sticky).ok).toBe(true);
  });

  it('never repeats the value in a reason', () => {
    const secret = '13800138000-654321';
    const shape = pushShape.record({ a: pushShape.text({ max: 3 }), b: pushShape.text({ pattern: /^x$/ }), c: pushShape.integer() });
    expect(JSON.stringify(issues(checkPushShape({ a: secret, b: secret, c: secret }, shape)))).not.toContain('654321');
  });
});

describe('pushShape.integer', () => {
  const count = pushShape.integer({ min: 0 });

  it('accepts whole numbers from min up to the largest safe integer', () => {
    for (const n of [0, 1, 1_700_000_000, Number.MAX_SAFE_INTEGER]) expect(checkPushShape(n, count)).toEqual({ ok: true, value: n });
    expect(checkPushShape(-0, count).ok).toBe(true);
  });

  it('refuses fractions, unsafe integers, values under min, and non-numbers', () => {
    expect(firstReason(checkPushShape(1.5, count))).toBe('Invalid input: expected int, received number');
    expect(firstReason(checkPushShape(-1, count))).toBe('Too small: expected number to be >=0');
    expect(firstReason(checkPushShape(2 ** 53, count))).toBe('Too big: expected int to be <=9007199254740991');
    expect(firstReason(checkPushShape(-(2 ** 53), pushShape.integer()))).toBe('Too small: expected int to be >=-9007199254740991');
    expect(firstReason(checkPushShape('17', count))).toBe('Invalid input: expected number, received string');
    expect(firstReason(checkPushShape(Number.POSITIVE_INFINITY, count))).toBe('Invalid input: expected number, received Infinity');
    expect(firstReason(checkPushShape(Number.NaN, count))).toBe('Invalid input: expected number, received NaN');
    expect(firstReason(checkPushShape(null, count))).toBe('Invalid input: expected number, received null');
  });
});

describe('pushShape.list', () => {
  const items = pushShape.list(pushShape.text({ min: 1 }), { max: 3 });

  it('accepts up to max items, and none', () => {
    for (const list of [[], ['a'], ['a', 'b', 'c']]) expect(checkPushShape(list, items).ok).toBe(true);
  });

  it('refuses more than max before reading any item', () => {
    const read: number[] = [];
    const watched = new Proxy(['a', 'b', 'c', 'd'], { get: (target, key, receiver) => (/^\d+$/.test(String(key)) && read.push(Number(key)), Reflect.get(target, key, receiver)) });
    expect(issues(checkPushShape(watched, items))).toEqual([{ path: '', message: 'Too big: expected array to have <=3 items' }]);
    expect(read).toEqual([]);
  });

  it('names the index of a bad item', () => {
    expect(issues(checkPushShape(['a', '', 5], items))).toEqual([
      { path: '1', message: 'Too small: expected string to have >=1 characters' },
      { path: '2', message: 'Invalid input: expected string, received number' },
    ]);
  });

  it('refuses a non-array, an object with a length included', () => {
    expect(firstReason(checkPushShape({ length: 1, 0: 'a' }, items))).toBe('Invalid input: expected array, received object');
    expect(firstReason(checkPushShape('abc', items))).toBe('Invalid input: expected array, received string');
  });
});

describe('pushShape.record', () => {
  const person = pushShape.record({ name: pushShape.text({ min: 1 }), note: pushShape.nullish(pushShape.text({ max: 2 })) });

  it('tolerates keys it does not name (and leaves them on the value)', () => {
    const value = { name: 'a', extra: { anything: [1, 2, 3] } };
    expect(checkPushShape(value, person)).toEqual({ ok: true, value });
  });

  it('takes an absent or null nullish field, and checks a present one', () => {
    expect(checkPushShape({ name: 'a' }, person).ok).toBe(true);
    expect(checkPushShape({ name: 'a', note: null }, person).ok).toBe(true);
    expect(issues(checkPushShape({ name: 'a', note: 'abc' }, person))).toEqual([{ path: 'note', message: 'Too big: expected string to have <=2 characters' }]);
  });

  it('reports a missing field as undefined, in the order the shape names fields', () => {
    expect(issues(checkPushShape({ note: 5 }, person))).toEqual([
      { path: 'name', message: 'Invalid input: expected string, received undefined' },
      { path: 'note', message: 'Invalid input: expected string, received number' },
    ]);
  });

  it('refuses null and arrays', () => {
    expect(issues(checkPushShape(null, person))).toEqual([{ path: '', message: 'Invalid input: expected object, received null' }]);
    expect(issues(checkPushShape([], person))).toEqual([{ path: '', message: 'Invalid input: expected object, received array' }]);
  });

  it('never reads deeper than the shape: a body nested 100,000 deep under an unnamed key costs nothing', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    expect(checkPushShape({ name: 'a', deep }, person).ok).toBe(true);
    expect(firstReason(checkPushShape({ name: deep }, person))).toBe('Invalid input: expected string, received object');
  });
});

describe('a push-sized shape', () => {
  const push = pushShape.record({
    apiKey: pushShape.text({ min: 1, max: 64 }),
    data: pushShape.list(pushShape.record({ msgId: pushShape.text({ min: 1, max: 64 }), tel: pushShape.text({ min: 1, max: 32 }) }), { max: 100_000 }),
  });
  const item = { msgId: 'm', tel: '13800138000' };

  it('accepts 100,000 items, and refuses 100,001', () => {
    const full = { apiKey: 'k', data: Array.from({ length: 100_000 }, () => item) };
    const started = performance.now();
    expect(checkPushShape(full, push).ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(issues(checkPushShape({ apiKey: 'k', data: [...full.data, item] }, push))).toEqual([{ path: 'data', message: 'Too big: expected array to have <=100000 items' }]);
  });

  it('stops at maxIssues (10 by default) when every one of 100,000 items is wrong', () => {
    const bad = { apiKey: 'k', data: Array.from({ length: 100_000 }, () => ({})) };
    const found = issues(checkPushShape(bad, push));
    expect(found).toHaveLength(10);
    expect(found.slice(0, 3).map((issue) => issue.path)).toEqual(['data.0.msgId', 'data.0.tel', 'data.1.msgId']);
    expect(issues(checkPushShape(bad, push, { maxIssues: 1 }))).toEqual([{ path: 'data.0.msgId', message: 'Invalid input: expected string, received undefined' }]);
  });

  it('names the full path of an issue deep in the push', () => {
    const data = [item, item, { ...item, tel: '' }];
    expect(issues(checkPushShape({ apiKey: 'k', data }, push))).toEqual([{ path: 'data.2.tel', message: 'Too small: expected string to have >=1 characters' }]);
  });
});

describe('malformedPushError', () => {
  it('is the 40004 a pusher is answered: the first issue in the message, ten in details', () => {
    const found = Array.from({ length: 12 }, (_, i) => ({ path: `data.${i}.tel`, message: 'Too small: expected string to have >=1 characters' }));
    const error = malformedPushError({ push: 'receipt', issues: found, hint: 'See SPEC §3.' });
    expect(error).toBeInstanceOf(SmsError);
    expect(error).toMatchObject({ code: 40004, message: 'Malformed receipt push: data.0.tel Too small: expected string to have >=1 characters.', hint: 'See SPEC §3.' });
    expect(error.details).toEqual(found.slice(0, 10));
  });

  it('names the body when the value itself is wrong', () => {
    expect(malformedPushError({ push: 'Tencent receipt', issues: [{ path: '', message: 'Invalid input: expected array, received object' }], hint: 'h' }).message).toBe(
      'Malformed Tencent receipt push: body Invalid input: expected array, received object.',
    );
  });
});

// The platform's pushes through the helper: the refusals they answered before it, unchanged.
describe('the platform push parsers', () => {
  const receipt = { msgId: 'm1', tel: '13800138000', arriveResult: 'DELIVRD', arriveTime: '2104091735' };
  const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as SmsError);

  it.each<[string, unknown, string]>([
    ['no apiKey', { data: [] }, 'apiKey Invalid input: expected string, received undefined'],
    ['an empty apiKey', { apiKey: '', data: [] }, 'apiKey Too small: expected string to have >=1 characters'],
    ['a 65-character apiKey', { apiKey: 'k'.repeat(65), data: [] }, 'apiKey Too big: expected string to have <=64 characters'],
    ['data not an array', { apiKey: 'k', data: receipt }, 'data Invalid input: expected array, received object'],
    ['a numeric msgId', { apiKey: 'k', data: [{ ...receipt, msgId: 577951956854276096 }] }, 'data.0.msgId Invalid input: expected string, received number'],
    ['a 12-digit arriveTime', { apiKey: 'k', data: [{ ...receipt, arriveTime: '210409173500' }] }, 'data.0.arriveTime must be yyMMddHHmm'],
    ['an impossible arriveTime', { apiKey: 'k', data: [{ ...receipt, arriveTime: '2113091735' }] }, 'data.0.arriveTime is not a real yyMMddHHmm time'],
    ['a bid of 65 characters', { apiKey: 'k', data: [{ ...receipt, bid: 'b'.repeat(65) }] }, 'data.0.bid Too big: expected string to have <=64 characters'],
    ['an array for a body', [], 'body Invalid input: expected object, received array'],
  ])('refuses a receipt push with %s: 40004 naming the field', async (_name, body, reason) => {
    const error = await rejection(parseReceiptPush(body));
    expect(error).toMatchObject({ code: 40004, message: `Malformed receipt push: ${reason}.`, hint: 'A receipt push is {"apiKey": "...", "data": [...]} as SPEC §3 shows.' });
  });

  it('accepts a null or absent bid and extra keys, and keeps the extras out of the receipts', async () => {
    const receipts = await parseReceiptPush({ apiKey: 'k', extra: 1, data: [{ ...receipt, bid: null, extra: 'x' }, receipt] });
    expect(receipts).toHaveLength(2);
    expect(receipts[0]).not.toHaveProperty('extra');
    expect(receipts[0]).not.toHaveProperty('bid');
  });

  it('refuses a reply with no content, and takes an empty one (content and srcId may be empty)', async () => {
    const reply = { srcId: '', tel: '13800138000', content: '', arriveTime: '2104091735' };
    expect(await parseReplyPush({ apiKey: 'k', data: [reply] })).toEqual([expect.objectContaining({ content: '', srcId: '' })]);
    const { content: _content, ...noContent } = reply;
    expect(await rejection(parseReplyPush({ apiKey: 'k', data: [noContent] }))).toMatchObject({
      code: 40004,
      message: 'Malformed reply push: data.0.content Invalid input: expected string, received undefined.',
      details: [{ path: 'data.0.content', message: 'Invalid input: expected string, received undefined' }],
    });
  });
});
