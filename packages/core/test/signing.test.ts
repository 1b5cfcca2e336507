import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalString,
  computeSignature,
  generateNonce,
  generateTestHeaders,
  SIGN_METHODS,
  signRequest,
  SmsError,
  type CanonicalDialect,
  type SignMethod,
} from '../src/index.js';
import vectors from './vectors/signing.json' with { type: 'json' };

interface Vector {
  name: string;
  accessKey: string;
  apiKey: string;
  method: SignMethod;
  nonce: string;
  timestamp: number;
  body: Record<string, unknown>;
  dialects: Record<CanonicalDialect, { canonical: string; sign: string }>;
}

const cases = vectors as Vector[];

describe('canonical string and signature match the vendor samples byte for byte', () => {
  it('reproduces the manual’s worked example (SPEC §2) exactly', () => {
    const example = cases[0] as Vector;
    expect(
      canonicalString({
        params: example.body,
        headers: { 'x-api-key': example.apiKey, 'x-sign-method': example.method, 'x-nonce': example.nonce, 'x-timestamp': String(example.timestamp) },
      }),
    ).toBe(
      'phones=15900582939&templateCode=580467552590397440&x-api-key=22a71bfe4f9cab1dbce7e16bd71138c2&x-nonce=8052433127&x-sign-method=HmacSHA256&x-timestamp=1618810991174',
    );
  });

  for (const vector of cases) {
    for (const dialect of ['skip-empty', 'keep-empty'] as const) {
      it(`${vector.name} — ${dialect}`, () => {
        const signed = signRequest({
          apiKey: vector.apiKey,
          accessKey: vector.accessKey,
          body: vector.body,
          method: vector.method,
          nonce: vector.nonce,
          timestamp: vector.timestamp,
          dialect,
        });
        expect(signed.canonical).toBe(vector.dialects[dialect].canonical);
        expect(signed.sign).toBe(vector.dialects[dialect].sign);
        expect(signed.headers).toEqual({
          'x-api-key': vector.apiKey,
          'x-sign-method': vector.method,
          'x-nonce': vector.nonce,
          'x-timestamp': String(vector.timestamp),
          'x-sign': vector.dialects[dialect].sign,
        });
      });
    }
  }

  it('covers all six methods with vectors', () => {
    expect(new Set(cases.map((c) => c.method))).toEqual(new Set(Object.keys(SIGN_METHODS)));
  });

  it('keeps the escaped backslashes as they are (no re-escaping)', () => {
    const vector = cases.find((c) => c.name.includes('backslashes')) as Vector;
    expect(vector.dialects['skip-empty'].canonical).toContain('templateParam=["测\\\\试一\\\\下"]');
  });
});

describe('signRequest', () => {
  it('draws a fresh 15-digit nonce, exact as a double, and a 13-digit timestamp from the injected clock', () => {
    const a = signRequest({ apiKey: 'k', accessKey: 's', body: {}, now: () => 1_700_000_000_123 });
    const b = signRequest({ apiKey: 'k', accessKey: 's', body: {}, now: () => 1_700_000_000_123 });
    expect(a.headers['x-nonce']).toMatch(/^[1-9]\d{14}$/);
    expect(Number.isSafeInteger(Number(a.headers['x-nonce']))).toBe(true);
    expect(a.headers['x-nonce']).not.toBe(b.headers['x-nonce']);
    expect(a.headers['x-timestamp']).toBe('1700000000123');
  });

  it('signs with HMAC of the canonical string, UTF-8 key and text', () => {
    const signed = signRequest({ apiKey: 'k', accessKey: '密钥', body: { a: '值' }, nonce: '1234567890', timestamp: 1_700_000_000_000, method: 'HmacSHA512' });
    expect(signed.sign).toBe(createHmac('sha512', Buffer.from('密钥', 'utf8')).update(Buffer.from(signed.canonical, 'utf8')).digest('hex'));
  });

  it.each([
    [{ apiKey: '', accessKey: 's' }, /apiKey is empty/],
    [{ apiKey: 'k', accessKey: '' }, /accessKey is empty/],
    [{ apiKey: 'k', accessKey: 's', nonce: '12ab' }, /digits only/],
    [{ apiKey: 'k', accessKey: 's', timestamp: 1_700_000_000 }, /13 digits/],
    [{ apiKey: 'k', accessKey: 's', method: 'HmacSHA3' as SignMethod }, /Unsupported sign method/],
  ])('rejects bad input with a typed 40004: %o', (input, message) => {
    const run = () => signRequest({ body: {}, ...input });
    expect(run).toThrow(SmsError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect((error as SmsError).code).toBe(40004);
    }
  });

  it('refuses a body parameter named like a signed header', () => {
    expect(() => signRequest({ apiKey: 'k', accessKey: 's', body: { 'x-nonce': '1' } })).toThrow(/name of a signed header/);
  });

  it('never puts the access key in what it returns', () => {
    const signed = signRequest({ apiKey: 'k', accessKey: 'top-secret-access-key', body: { a: 'b' } });
    expect(JSON.stringify(signed)).not.toContain('top-secret-access-key');
  });

  it('generateTestHeaders adds the JSON content type', () => {
    const headers = generateTestHeaders({ apiKey: 'k', accessKey: 's', body: {} });
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-sign']).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('generateNonce', () => {
  it('spreads digits evenly (no modulo bias)', () => {
    const counts = new Array(10).fill(0) as number[];
    for (let i = 0; i < 20_000; i++) for (const d of generateNonce().slice(1)) counts[Number(d)]!++;
    const expected = (20_000 * 14) / 10;
    for (const c of counts) expect(Math.abs(c - expected) / expected).toBeLessThan(0.05);
  });
});

describe('computeSignature', () => {
  it.each(Object.entries(SIGN_METHODS))('%s uses %s', (method, digest) => {
    expect(computeSignature({ accessKey: 'key', canonical: 'a=b', method: method as SignMethod })).toBe(
      createHmac(digest, 'key').update('a=b').digest('hex'),
    );
  });
});
