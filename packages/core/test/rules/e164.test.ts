import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { assertE164Numbers, classifyE164, parseE164, countSegments } from '../../src/index.js';
import { thrown } from './thrown.js';

describe('parseE164: mainland numbers in every spelling', () => {
  it.each(['13800138000', '+8613800138000', '008613800138000', '8613800138000', '+86 138-0013-8000', '＋８６１３８００１３８０００'])('%s is mainland 13800138000', (input) => {
    expect(parseE164(input)).toEqual({ number: '13800138000', e164: '+8613800138000', kind: 'mainland', countryCode: '86' });
  });
});

describe('parseE164: international numbers', () => {
  it.each([
    ['+447911123456', '+447911123456', '44'],
    ['00447911123456', '+447911123456', '44'],
    ['+1 (202) 555-0123', '+12025550123', '1'],
    ['+852 9123 4567', '+85291234567', '852'],
    ['+886912345678', '+886912345678', '886'],
  ])('%s → %s (country %s)', (input, e164, countryCode) => {
    expect(parseE164(input)).toEqual({ number: e164, e164, kind: 'international', countryCode });
  });
});

describe('classifyE164: what no channel can serve, and why', () => {
  it.each([
    [42n, 'type'],
    ['', 'empty'],
    ['+44 7911 abc', 'characters'],
    ['447911123456', 'no-country-code'],
    ['+999123456789', 'country-code'],
    ['+0123456789', 'country-code'],
    ['+4412', 'length'],
    ['+4479111234567890', 'length'],
    ['+861012345678', 'mainland'],
    ['+8612345', 'mainland'],
  ])('%s: %s', (input, reason) => {
    expect(classifyE164(input)).toEqual({ reason });
  });
});

describe('assertE164Numbers', () => {
  it('returns the numbers, repeats dropped whatever their spelling', () => {
    expect(assertE164Numbers(['+8613800138000', '13800138000', '+447911123456']).map((n) => n.e164)).toEqual(['+8613800138000', '+447911123456']);
  });

  it('names every bad number with its position and reason (60007)', () => {
    const error = thrown(() => assertE164Numbers(['+447911123456', '+999123456789', '12']));
    expect(error.code).toBe(60007);
    expect(error.message).toContain('phones[1]');
    expect(error.details).toEqual({ invalid: [{ input: '+999123456789', index: 1, reason: 'country-code' }, { input: '12', index: 2, reason: 'no-country-code' }] });
  });

  it('refuses international numbers when no channel sends abroad, saying so', () => {
    const error = thrown(() => assertE164Numbers(['13800138000', '+447911123456'], { international: false }));
    expect(error.code).toBe(60007);
    expect(error.message).toContain('no channel here sends abroad');
    expect(error.hint).toContain('sends abroad');
  });

  it('refuses more than max (60008) and an empty list (40004)', () => {
    expect(thrown(() => assertE164Numbers(['+447911123456', '+447911123457'], { max: 1 })).code).toBe(60008);
    expect(thrown(() => assertE164Numbers([])).code).toBe(40004);
  });

  it('normalising is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const once = parseE164(input);
        if (once) expect(parseE164(once.e164)).toEqual(once);
      }),
    );
  });
});

describe('international text length reuses core’s segment rules', () => {
  it('plain English to +44 is GSM-7: 160 characters one SMS, 161 two', () => {
    expect(countSegments({ text: 'a'.repeat(160) })).toMatchObject({ encoding: 'GSM-7', parts: 1 });
    expect(countSegments({ text: 'a'.repeat(161) })).toMatchObject({ encoding: 'GSM-7', parts: 2 });
  });
});
