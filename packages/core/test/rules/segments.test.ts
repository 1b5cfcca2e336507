import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import vectors from '../vectors/rules-segments.json';
import { SEGMENT_LIMITS, countSegments, isGsm7, renderTemplate } from '../../src/rules/index.js';
import { SmsError } from '../../src/errors.js';

interface SegmentVector {
  name: string;
  /** The text as [chunk, times] pairs, so long boundary cases stay readable. */
  text: [string, number][];
  signature?: string;
  characters: number;
  encoding: string;
  parts: number;
}

const cases = vectors.cases as SegmentVector[];

const build = (pieces: [string, number][]) => pieces.map(([chunk, times]) => chunk.repeat(times)).join('');

describe('countSegments', () => {
  it.each(cases)('$name', (vector) => {
    const count = countSegments({ text: build(vector.text), signature: vector.signature });
    const limits = vector.encoding === 'GSM-7' ? { perPart: 153, maxSingle: 160 } : { perPart: 67, maxSingle: 70 };
    expect(count).toEqual({ characters: vector.characters, encoding: vector.encoding, parts: vector.parts, ...limits });
  });
});

describe('encoding', () => {
  it('uses the limits of SPEC §6', () => {
    expect(SEGMENT_LIMITS).toEqual({ 'GSM-7': { single: 160, perPart: 153 }, 'UCS-2': { single: 70, perPart: 67 } });
  });

  it('knows the 127 printable characters of the GSM 03.38 basic set and the 10 of its extension table', () => {
    const basic = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
    expect(Array.from(basic)).toHaveLength(127);
    expect(isGsm7(basic)).toBe(true);
    expect(countSegments({ text: basic }).characters).toBe(127);
    expect(countSegments({ text: '\f^{}\\[~]|€' }).characters).toBe(20);
  });

  it('rejects look-alikes outside GSM-7', () => {
    // Ohm sign and increment look like the Greek Ω and Δ of the basic set but are other code points.
    for (const char of ['ç', '`', '中', '【', '\u00a0', '\t', '\u2126', '\u2206', 'á']) {
      expect(isGsm7(char), `U+${char.codePointAt(0)?.toString(16)}`).toBe(false);
    }
  });
});

const gsmText = fc.string({ unit: fc.constantFrom(...Array.from('abcXYZ012 .,!?@£$\n{}[]~^|\\€\f')), maxLength: 700 });
const anyText = fc.oneof(gsmText, fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 300 }));

describe('property: parts formula', () => {
  it('parts × perPart covers the characters, and a single SMS holds at most maxSingle', () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.constantFrom('公司', 'ACME', '经分助手'), { nil: undefined }), (text, signature) => {
        const count = countSegments({ text, signature });
        expect(count.parts === 0).toBe(count.characters === 0);
        if (count.parts === 1) expect(count.characters).toBeLessThanOrEqual(count.maxSingle);
        if (count.parts > 1) {
          expect(count.characters).toBeGreaterThan(count.maxSingle);
          expect(count.parts * count.perPart).toBeGreaterThanOrEqual(count.characters);
          expect(count.parts).toBeGreaterThanOrEqual(Math.ceil(count.characters / count.perPart));
          // Only an unsplittable pair straddling a boundary adds a part, at most one per part.
          expect(count.parts).toBeLessThanOrEqual(Math.ceil(count.characters / (count.perPart - 1)));
        }
        if (signature !== undefined) expect(count.encoding).toBe('UCS-2');
      }),
    );
  });

  it('a longer text never needs fewer parts', () => {
    fc.assert(
      fc.property(anyText, anyText, (text, more) => {
        const a = countSegments({ text });
        const b = countSegments({ text: text + more });
        if (a.encoding === b.encoding) expect(b.parts).toBeGreaterThanOrEqual(a.parts);
      }),
    );
  });
});

describe('renderTemplate', () => {
  it('puts the signature in 【】 in front and fills the variables in order', () => {
    const text = renderTemplate({ template: '您好{name,4}，验证码{code,6}。', values: ['张三', '123456'], signature: '经分助手' });
    expect(text).toBe('【经分助手】您好张三，验证码123456。');
  });

  it('renders the manual example', () => {
    expect(renderTemplate({ template: '你有一个事务编号为{事务编号,30}需要处理。', values: ['1xhsf1282abhx5'] })).toBe(
      '你有一个事务编号为1xhsf1282abhx5需要处理。',
    );
  });

  it('leaves a template without variables as it is', () => {
    expect(renderTemplate({ template: '你有一个事务需要处理。' })).toBe('你有一个事务需要处理。');
    expect(renderTemplate({ template: '你有一个事务需要处理。', signature: '' })).toBe('你有一个事务需要处理。');
  });

  it('inserts values as they are, never reading them as variables', () => {
    expect(renderTemplate({ template: '{a,10}{b,10}', values: ['{b,10}', '$&'] })).toBe('{b,10}$&');
  });

  it('keeps positions right around characters outside the BMP', () => {
    expect(renderTemplate({ template: '𠀀{a,2}𠀀', values: ['𠀀x'] })).toBe('𠀀𠀀x𠀀');
  });

  it('leaves a malformed variable as written', () => {
    expect(renderTemplate({ template: '{a,1}{b}', values: ['x'] })).toBe('x{b}');
  });

  it('throws 60003 or 60004 when the values do not fit', () => {
    expect(() => renderTemplate({ template: '{a,1}', values: [] })).toThrow(expect.objectContaining({ code: 60003 }));
    expect(() => renderTemplate({ template: '{a,1}', values: ['xy'] })).toThrow(SmsError);
    expect(() => renderTemplate({ template: '{a,1}', values: ['xy'] })).toThrow(expect.objectContaining({ code: 60004 }));
  });

  it('feeds countSegments: a rendered message is billed with its signature', () => {
    const text = renderTemplate({ template: '验证码{code,6}，5分钟内有效。', values: ['123456'] });
    expect(countSegments({ text, signature: '经分助手' })).toMatchObject({ characters: 23, encoding: 'UCS-2', parts: 1 });
  });
});
