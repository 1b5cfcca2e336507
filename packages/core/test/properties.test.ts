import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalString, computeSignature, SIGN_METHODS, signRequest, verifyRequest, type SignMethod } from '../src/index.js';

const NOW = 1_700_000_000_000;
const method = fc.constantFrom(...(Object.keys(SIGN_METHODS) as SignMethod[]));
const key = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !k.startsWith('x-') && k !== '__proto__');
const value = fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }));
const body = fc.dictionary(key, value, { maxKeys: 8 });
const nonEmptyBody = fc.dictionary(key, fc.oneof(fc.string({ minLength: 1, unit: 'grapheme' }), fc.integer(), fc.boolean()), { maxKeys: 8 });

function verify(b: Record<string, unknown>, headers: Record<string, string>) {
  return verifyRequest({ body: b, headers, credentials: { k: { accessKey: 'secret' } }, now: () => NOW });
}

describe('properties', () => {
  it('sign → verify accepts, for any body, method and dialect', async () => {
    await fc.assert(
      fc.asyncProperty(body, method, fc.constantFrom('skip-empty' as const, 'keep-empty' as const), async (b, m, dialect) => {
        const { headers } = signRequest({ apiKey: 'k', accessKey: 'secret', body: b, method: m, now: () => NOW, dialect });
        expect((await verify(b, { ...headers })).ok).toBe(true);
      }),
    );
  });

  it('tampering with any byte of the signature is rejected', async () => {
    await fc.assert(
      fc.asyncProperty(nonEmptyBody, method, fc.nat(), fc.integer({ min: 1, max: 15 }), async (b, m, at, delta) => {
        const { headers } = signRequest({ apiKey: 'k', accessKey: 'secret', body: b, method: m, now: () => NOW });
        const sign = headers['x-sign'];
        const i = at % sign.length;
        const flipped = ((parseInt(sign[i] as string, 16) + delta) % 16).toString(16);
        const tampered = sign.slice(0, i) + flipped + sign.slice(i + 1);
        expect((await verify(b, { ...headers, 'x-sign': tampered })).ok).toBe(false);
      }),
    );
  });

  it('changing any body value or adding a parameter is rejected', async () => {
    await fc.assert(
      fc.asyncProperty(nonEmptyBody, method, fc.string({ minLength: 1 }), async (b, m, extra) => {
        const { headers } = signRequest({ apiKey: 'k', accessKey: 'secret', body: b, method: m, now: () => NOW });
        const keys = Object.keys(b);
        const changed =
          keys.length > 0
            ? { ...b, [keys[0] as string]: `${String(b[keys[0] as string])}${extra}` }
            : { added: extra };
        expect((await verify(changed, { ...headers })).ok).toBe(false);
      }),
    );
  });

  it('both dialects give the same canonical string when no field is empty', () => {
    fc.assert(
      fc.property(nonEmptyBody, (b) => {
        const headers = { 'x-api-key': 'k', 'x-sign-method': 'HmacSHA256', 'x-nonce': '1234567890', 'x-timestamp': String(NOW) };
        expect(canonicalString({ params: b, headers, dialect: 'skip-empty' })).toBe(canonicalString({ params: b, headers, dialect: 'keep-empty' }));
      }),
    );
  });

  it('hashing long values as their own segments signs exactly the canonical string', () => {
    const long = fc.string({ minLength: 250, maxLength: 2000, unit: 'grapheme' });
    fc.assert(
      fc.property(fc.dictionary(key, fc.oneof(long, fc.string({ unit: 'grapheme' })), { maxKeys: 6 }), method, (b, m) => {
        const signed = signRequest({ apiKey: 'k', accessKey: '密钥', body: b, method: m, now: () => NOW });
        expect(signed.sign).toBe(computeSignature({ accessKey: '密钥', canonical: signed.canonical, method: m }));
      }),
      { numRuns: 200 },
    );
  });
});
