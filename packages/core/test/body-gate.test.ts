import { describe, expect, it } from 'vitest';
import {
  canonicalString,
  errorAnswer,
  hasPrototypeKey,
  MAX_BODY_DEPTH,
  PushInbox,
  signableParams,
  signRequest,
  SmsError,
  verifyRequest,
} from '../src/index.js';

const NOW = 1_700_000_000_000;
const credentials = { 'api-1': { accessKey: 'secret-1' } };

/** `{"a":{"a":…{"a":leaf}}}` with `levels` objects, parsed as a body parser would. */
function nested(levels: number, leaf = '1'): unknown {
  return JSON.parse('{"a":'.repeat(levels) + leaf + '}'.repeat(levels));
}

describe('signableParams: one gate for every body the server side accepts', () => {
  it('takes an object, and an absent or empty body as {}', () => {
    expect(signableParams({ phones: '13800138000' })).toEqual({ ok: true, params: { phones: '13800138000' } });
    expect(signableParams(undefined)).toEqual({ ok: true, params: {} });
    expect(signableParams('')).toEqual({ ok: true, params: {} });
  });

  it.each([['null', null], ['an array', []], ['a string', 'phones=1'], ['a number', 7], ['a Buffer', Buffer.from('{}')]])('refuses %s', (_name, body) => {
    expect(signableParams(body)).toMatchObject({ ok: false, reason: 'The body must be a JSON object of parameters.' });
  });

  it(`accepts ${MAX_BODY_DEPTH} levels of nesting and refuses one more`, () => {
    expect(signableParams(nested(MAX_BODY_DEPTH)).ok).toBe(true);
    expect(signableParams(nested(MAX_BODY_DEPTH + 1))).toMatchObject({ ok: false, reason: expect.stringContaining('nested deeper') });
  });

  it('refuses a body 5000 levels deep (about 10 KB) without overflowing the stack', () => {
    expect(signableParams(nested(5000))).toMatchObject({ ok: false });
    expect(signableParams(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)))).toMatchObject({ ok: false });
  });

  it('refuses __proto__ at any depth: at the top, at 20, and past the depth bound', () => {
    expect(signableParams(JSON.parse('{"apiKey":"k","__proto__":{"x":1},"data":[]}'))).toMatchObject({ ok: false, reason: expect.stringContaining('__proto__') });
    expect(signableParams(nested(20, '{"__proto__":{"polluted":true}}'))).toMatchObject({ ok: false, reason: expect.stringContaining('__proto__') });
    expect(signableParams(nested(40, '{"__proto__":{"polluted":true}}')).ok).toBe(false);
  });

  it('hasPrototypeKey has no depth limit (it stopped at 32 before)', () => {
    expect(hasPrototypeKey(nested(40, '{"__proto__":1}'))).toBe(true);
    expect(hasPrototypeKey(nested(5000, '{"__proto__":1}'))).toBe(true);
    expect(hasPrototypeKey(nested(5000))).toBe(false);
  });
});

describe('deep bodies are the caller’s mistake (40004), never a crash', () => {
  it('verifyRequest answers 40004 for a body 5000 levels deep with valid-looking headers', async () => {
    const headers = signRequest({ apiKey: 'api-1', accessKey: 'secret-1', body: {}, now: () => NOW }).headers;
    const result = await verifyRequest({ headers, body: nested(5000), credentials, now: () => NOW });
    expect(result).toMatchObject({ ok: false, code: 40004, check: 'body' });
  });

  it('signRequest and canonicalString refuse a too-deep value with SmsError 40004, not a RangeError', () => {
    const body = { data: nested(5000) };
    expect(() => signRequest({ apiKey: 'a', accessKey: 's', body })).toThrow(expect.objectContaining({ name: 'SmsError', code: 40004 }));
    const headers = { 'x-api-key': 'a', 'x-sign-method': 'HmacSHA256', 'x-nonce': '1', 'x-timestamp': String(NOW) };
    expect(() => canonicalString({ params: body, headers })).toThrow(SmsError);
    // one level short of the bound still signs
    expect(signRequest({ apiKey: 'a', accessKey: 's', body: { data: nested(MAX_BODY_DEPTH - 1) } }).sign).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the push inbox refuses __proto__ and deep bodies with 40004 before reading the apiKey', async () => {
    const inbox = new PushInbox({ apiKeys: 'k', dedupeStore: false, onReceipts: () => {} });
    const proto = await inbox.accept({ kind: 'receipts', body: JSON.parse('{"apiKey":"k","__proto__":{"x":1},"data":[]}'), sourceIp: '127.0.0.1', requestId: 'r' });
    expect(proto).toMatchObject({ status: 400, body: { code: 40004, requestId: 'r' } });
    const deep = await inbox.accept({ kind: 'receipts', body: { apiKey: 'k', data: [nested(5000)] }, sourceIp: '127.0.0.1', requestId: 'r' });
    expect(deep).toMatchObject({ status: 400, body: { code: 40004 } });
  });
});

describe('errorAnswer: any error as the platform’s answer', () => {
  it('an SmsError keeps its code and message, with the catalogue’s status or its own', () => {
    expect(errorAnswer(new SmsError({ code: 2001, message: 'Unknown x-api-key.' }), 'r-1')).toEqual({ status: 401, body: { code: 2001, message: 'Unknown x-api-key.', requestId: 'r-1' } });
    expect(errorAnswer(new SmsError({ code: 40004, message: 'Too large.', httpStatus: 413 }), 'r-1')).toMatchObject({ status: 413, body: { code: 40004 } });
  });

  it('an SmsError from another copy of core (matched by name) is answered the same', () => {
    const foreign = Object.assign(new Error('Bad number.'), { name: 'SmsError', code: 60007 });
    expect(errorAnswer(foreign, 'r')).toEqual({ status: 400, body: { code: 60007, message: 'Bad number.', requestId: 'r' } });
  });

  it.each([
    [{ status: 413, expose: true, message: 'request entity too large', type: 'entity.too.large' }, 413, 40004, 'request entity too large'],
    [{ statusCode: 415, message: 'unsupported charset "LATIN-9"' }, 415, 40004, 'unsupported charset "LATIN-9"'],
    [{ status: 400, expose: false, message: 'zlib: incorrect header check' }, 400, 40004, 'A parameter is missing or malformed; see the details.'],
    [{ status: 429, message: 'Too Many Requests' }, 429, 6000, 'Too Many Requests'],
    [{ status: 403, message: 'Forbidden' }, 403, 2001, 'Forbidden'],
  ])('a body-parser or framework client error %j is answered %i / %i', (error, status, code, message) => {
    const answer = errorAnswer(Object.assign(new Error(error.message), error), 'r');
    expect(answer.status).toBe(status);
    expect(answer.body.code).toBe(code);
    if (code === 40004 && 'expose' in error && error.expose === false) expect(answer.body.message).not.toContain('zlib');
    else expect(answer.body.message).toBe(message);
  });

  it('anything else is -1 / 503 with the generic message, never the error’s own text', () => {
    for (const error of [new Error('ECONNREFUSED redis://:hunter2@10.0.0.5'), { status: 500, message: 'boom' }, 'a string', null, new RangeError('Maximum call stack size exceeded')]) {
      const answer = errorAnswer(error, 'r');
      expect(answer).toMatchObject({ status: 503, body: { code: -1 } });
      expect(JSON.stringify(answer)).not.toMatch(/hunter2|boom|stack/);
    }
  });
});
