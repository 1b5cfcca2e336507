import { describe, expect, it } from 'vitest';
import {
  describeCode,
  ERROR_CODES,
  formatArriveTime,
  hasPrototypeKey,
  platformCodeForHttpStatus,
  isDelivered,
  parseArriveTime,
  PLATFORM_CODES,
  RECEIPT_STATUSES,
  SmsError,
  toSmsError,
} from '../src/index.js';

describe('the error catalogue', () => {
  it('holds every code of SPEC §5', () => {
    expect([...PLATFORM_CODES].sort((a, b) => a - b)).toEqual(
      [-1, 200, 2000, 2001, 6000, 40002, 40004, 40005, 40006, 60001, 60002, 60003, 60004, 60005, 60006, 60007, 60008, 60009],
    );
  });

  it('marks exactly -1, 6000 and 60009 retryable', () => {
    expect(PLATFORM_CODES.filter((c) => ERROR_CODES[c].retryable).sort((a, b) => a - b)).toEqual([-1, 6000, 60009]);
  });

  it('gives every code the platform wording, an English message, a status and a hint', () => {
    for (const code of PLATFORM_CODES) {
      const entry = ERROR_CODES[code];
      expect(entry.message).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.messageEn.length).toBeGreaterThan(2);
      expect(entry.hint.length).toBeGreaterThan(10);
      expect(entry.httpStatus).toBeGreaterThanOrEqual(200);
    }
    expect(ERROR_CODES[2001].message).toBe('API授权错误');
    expect(ERROR_CODES[2001].hint).toMatch(/UTF-8/);
    expect(ERROR_CODES[60003].hint).toMatch(/Count the \{name,maxLen\} variables/);
  });

  it('still describes a code it does not know', () => {
    expect(describeCode(12345)).toMatchObject({ code: 12345, known: false, retryable: false, httpStatus: 502 });
  });
});

describe('SmsError', () => {
  it('carries code, message, hint, requestId and cause', () => {
    const cause = new Error('socket hang up');
    const error = new SmsError({ code: 60007, message: 'Bad number 123.', requestId: 'r-1', cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'SmsError', code: 60007, message: 'Bad number 123.', requestId: 'r-1', retryable: false, platformMessage: '手机号参数格式错误' });
    expect(error.hint).toBe(ERROR_CODES[60007].hint);
    expect(error.cause).toBe(cause);
  });

  it('an unknown code yields a usable error', () => {
    expect(new SmsError({ code: 777 })).toMatchObject({ code: 777, message: 'Unknown platform code 777.', retryable: false });
  });
});

describe('toSmsError', () => {
  it('keeps SmsErrors, adopts look-alikes from another copy, wraps the rest as -1', () => {
    const own = new SmsError({ code: 6000 });
    expect(toSmsError(own)).toBe(own);
    const foreign = Object.assign(new Error('limited'), { name: 'SmsError', code: 6000, hint: 'slow down', retryable: true });
    expect(toSmsError(foreign)).toMatchObject({ code: 6000, message: 'limited', hint: 'slow down', retryable: true });
    expect(toSmsError(new TypeError('boom'))).toMatchObject({ code: -1, message: 'boom' });
    expect(toSmsError('a string')).toMatchObject({ code: -1 });
    expect(toSmsError(null)).toBeInstanceOf(SmsError);
  });
});

describe('delivery states', () => {
  it('only DELIVRD is delivered', () => {
    expect(RECEIPT_STATUSES.filter(isDelivered)).toEqual(['DELIVRD']);
    expect(RECEIPT_STATUSES).toHaveLength(7);
  });

  it('parses arriveTime as Beijing time (UTC+8)', () => {
    expect(parseArriveTime('2104091735').toISOString()).toBe('2021-04-09T09:35:00.000Z');
    expect(parseArriveTime('2301010005').toISOString()).toBe('2022-12-31T16:05:00.000Z');
  });

  it('round-trips formatArriveTime', () => {
    const instant = new Date('2026-11-22T15:59:00Z');
    expect(formatArriveTime(instant)).toBe('2611222359');
    expect(parseArriveTime(formatArriveTime(instant)).getTime()).toBe(instant.getTime());
  });

  it.each(['', '21040917', '2113011200', '2102301200', '2104092460', 'abcdefghij'])('rejects %j with 40004', (text) => {
    expect(() => parseArriveTime(text)).toThrow(SmsError);
  });
});

describe('hasPrototypeKey', () => {
  it('finds a __proto__ key at any depth of a parsed body, and nothing in a clean one', () => {
    expect(hasPrototypeKey(JSON.parse('{"a":1,"__proto__":{"x":1}}'))).toBe(true);
    expect(hasPrototypeKey(JSON.parse('{"a":{"b":[{"__proto__":null}]}}'))).toBe(true);
    expect(hasPrototypeKey(JSON.parse('{"a":{"b":[{"proto":null}]},"constructor":"x"}'))).toBe(false);
    expect(hasPrototypeKey('not an object')).toBe(false);
    expect(hasPrototypeKey(null)).toBe(false);
  });
});

describe('platformCodeForHttpStatus', () => {
  it('maps a framework 4xx to the platform code both adapters answer with', () => {
    expect([400, 401, 403, 404, 413, 415, 429].map(platformCodeForHttpStatus)).toEqual([40004, 2001, 2001, 40004, 40004, 40004, 6000]);
  });
});
