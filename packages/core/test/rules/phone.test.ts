import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import vectors from '../vectors/rules-phones.json';
import { MAX_PHONES_PER_REQUEST } from '../../src/endpoints.js';
import { assertPhoneCheck, assertPhones, checkPhones, normalizePhone } from '../../src/rules/index.js';
import { thrown } from './thrown.js';

interface PhoneVector {
  input: unknown;
  phone: string | null;
  reason?: string;
}

const cases = vectors.normalize as PhoneVector[];

/** `count` distinct valid numbers. */
function numbers(count: number, from = 0): string[] {
  return Array.from({ length: count }, (_, i) => `139${String(from + i).padStart(8, '0')}`);
}

describe('normalizePhone', () => {
  it.each(cases)('$input → $phone', ({ input, phone }) => {
    expect(normalizePhone(input)).toBe(phone ?? undefined);
  });
});

describe('reasons for an invalid number', () => {
  it.each(cases.filter((vector) => vector.phone === null))('$input is rejected as $reason', ({ input, reason }) => {
    expect(checkPhones([input]).invalid).toEqual([{ input: typeof input === 'string' ? input : JSON.stringify(input), index: 0, reason }]);
  });
});

describe('checkPhones', () => {
  it('keeps the first occurrence of each number, in input order, and counts the repeats', () => {
    const result = checkPhones(['13900000002', '+86 139 0000 0001', '13900000002', '13900000001', '13900000003']);
    expect(result).toEqual({ phones: ['13900000002', '13900000001', '13900000003'], invalid: [], duplicates: 2, excess: 0 });
  });

  it('reports every invalid number with its input and position', () => {
    const result = checkPhones(['13900000001', 'abc', '', '12345', '13900000001']);
    expect(result.phones).toEqual(['13900000001']);
    expect(result.invalid).toEqual([
      { input: 'abc', index: 1, reason: 'characters' },
      { input: '', index: 2, reason: 'empty' },
      { input: '12345', index: 3, reason: 'length' },
    ]);
    expect(result.duplicates).toBe(1);
  });

  it('splits a pasted string on commas of either width, semicolons and newlines', () => {
    const result = checkPhones('13900000001,13900000002，13900000003;13900000004\n139 0000 0005');
    expect(result.phones).toEqual(numbers(5, 1));
  });

  it('keeps repeats when unique is off, so sendBatch lists stay aligned', () => {
    expect(checkPhones(['13900000001', '13900000001'], { unique: false })).toMatchObject({ phones: ['13900000001', '13900000001'], duplicates: 0 });
  });

  it('counts the valid numbers over max, after de-duplication', () => {
    expect(checkPhones(numbers(1002)).excess).toBe(2);
    expect(checkPhones([...numbers(1000), ...numbers(5)]).excess).toBe(0);
    expect(checkPhones(numbers(4), { max: 3 }).excess).toBe(1);
  });
});

describe('assertPhones', () => {
  it('returns the normalised unique numbers', () => {
    expect(assertPhones(['+8613900000001', '13900000001', '0086 139-0000-0002'])).toEqual(['13900000001', '13900000002']);
  });

  it('throws 60007 naming each bad number with its position', () => {
    const error = thrown(() => assertPhones(['13900000001', 'abc', '12800000000']));
    expect(error.code).toBe(60007);
    expect(error.message).toBe('2 phone numbers are malformed: phones[1] "abc" (not only digits), phones[2] "12800000000" (does not start 13–19).');
    expect(error.details).toEqual({
      invalid: [
        { input: 'abc', index: 1, reason: 'characters' },
        { input: '12800000000', index: 2, reason: 'prefix' },
      ],
    });
  });

  it('lists at most ten in the message and all in details', () => {
    const error = thrown(() => assertPhones(Array.from({ length: 13 }, (_, i) => `bad${i}`)));
    expect(error.message).toContain('phones[9] "bad9"');
    expect(error.message).not.toContain('bad10');
    expect(error.message).toContain('and 3 more');
    expect((error.details as { invalid: unknown[] }).invalid).toHaveLength(13);
  });

  it('clips a very long input in the message', () => {
    const error = thrown(() => assertPhones(['1'.repeat(200)]));
    expect(error.message.length).toBeLessThan(120);
  });

  it(`allows ${MAX_PHONES_PER_REQUEST} numbers and throws 60008 past that`, () => {
    expect(assertPhones(numbers(1000))).toHaveLength(1000);
    const error = thrown(() => assertPhones(numbers(1001)));
    expect(error.code).toBe(60008);
    expect(error.details).toEqual({ count: 1001, max: 1000 });
  });

  it('counts after de-duplication, and honours a lower max', () => {
    expect(assertPhones([...numbers(1000), ...numbers(1000)])).toHaveLength(1000);
    expect(thrown(() => assertPhones(numbers(3), { max: 2 })).code).toBe(60008);
  });

  it('reports malformed numbers before counting', () => {
    expect(thrown(() => assertPhones([...numbers(1001), 'x'])).code).toBe(60007);
  });

  it('throws 40004 when no number is given', () => {
    expect(thrown(() => assertPhones([])).code).toBe(40004);
    expect(thrown(() => assertPhones('  ')).code).toBe(40004);
  });
});

const validPhone = fc
  .tuple(fc.integer({ min: 3, max: 9 }), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 }))
  .map(([second, rest]) => `1${second}${rest}`);

// How people write a valid number: a prefix, separators between digits, fullwidth digits.
const decorated = fc
  .tuple(validPhone, fc.constantFrom('', '+86', '0086', '86', '+86 ', '(+86) '), fc.array(fc.constantFrom(' ', '-', '\u00a0', '\u3000', '(', ')'), { maxLength: 11 }), fc.boolean())
  .map(([phone, prefix, separators, fullwidth]) => {
    const digits = Array.from(phone).map((digit, i) => digit + (separators[i] ?? ''));
    const written = prefix + digits.join('');
    return { phone, written: fullwidth ? written.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : written };
  });

describe('property: normalisation', () => {
  // fast-check builds its whole-Unicode tables on the first `unit: 'binary'` string (about a
  // second alone, several on a loaded machine): the limit bounds a hang, it times nothing.
  it('is idempotent on any input', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), decorated.map((d) => d.written)), (input) => {
        const once = normalizePhone(input);
        if (once !== undefined) expect(normalizePhone(once)).toBe(once);
      }),
    );
  });

  it('recovers the number from any decorated way of writing it', () => {
    fc.assert(
      fc.property(decorated, ({ phone, written }) => {
        expect(normalizePhone(written)).toBe(phone);
      }),
    );
  });

  it('only ever gives a mainland mobile number', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789+- ()86') }), (input) => {
        const phone = normalizePhone(input);
        if (phone !== undefined) expect(phone).toMatch(/^1[3-9]\d{9}$/);
      }),
    );
  });
});

describe('assertPhoneCheck: the verdict on a check already made', () => {
  it('throws what assertPhones throws, from the same check', () => {
    const inputs = ['13800138000', '12345'];
    expect(thrown(() => assertPhoneCheck(checkPhones(inputs))).message).toBe(thrown(() => assertPhones(inputs)).message);
    expect(thrown(() => assertPhoneCheck(checkPhones([]))).code).toBe(40004);
    expect(thrown(() => assertPhoneCheck(checkPhones(['13800138000', '13900139000']), { max: 1 })).code).toBe(60008);
  });

  it("with invalidPhones: 'skip' lets invalid numbers go while one is valid", () => {
    expect(assertPhoneCheck(checkPhones(['13800138000', '12345']), { invalidPhones: 'skip' })).toEqual(['13800138000']);
    expect(thrown(() => assertPhoneCheck(checkPhones(['12345']), { invalidPhones: 'skip' })).code).toBe(60007);
  });
});
