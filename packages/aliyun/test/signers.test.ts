/*
 * The prepared signers and the fast paths under them, checked against plain reference
 * implementations (the straightforward code the fast paths replaced) and against node:crypto's
 * createHmac. test/signing.test.ts checks the same functions against the official SDK's vectors.
 */
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyedHmac, sha256HexOf } from '../src/signing/digest.js';
import {
  acs3CanonicalQuery,
  acs3CanonicalRequest,
  acs3SignedHeaderNames,
  createAcs3Signer,
  createRpcSigner,
  EMPTY_BODY_SHA256,
  percentEncode,
  rpcCanonicalQuery,
  rpcQueryString,
  rpcRequestParams,
  rpcStringToSign,
  sha256Hex,
  signAcs3,
  signedRpcParams,
  signRpc,
  type Acs3CanonicalInput,
  type RpcParams,
} from '../src/index.js';

interface RpcVector { name: string; method: string; params: Record<string, string>; accessKeySecret: string; signature: string }
interface Acs3Vector { name: string; method: string; pathname: string; query: Record<string, string>; headers: Record<string, string>; accessKeyId: string; accessKeySecret: string; authorization: string }
const vectors = JSON.parse(readFileSync(new URL('./vectors/signing.json', import.meta.url), 'utf8')) as { rpc: RpcVector[]; acs3: Acs3Vector[] };

// ---- reference implementations -----------------------------------------------------------

const reference = {
  percentEncode: (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  canonicalQuery(record: RpcParams, skip?: string): string {
    const pairs: [string, string][] = [];
    for (const key of Object.keys(record)) {
      const value = record[key];
      if (value === undefined || key === skip) continue;
      pairs.push([reference.percentEncode(key), reference.percentEncode(value)]);
    }
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return pairs.map(([key, value]) => `${key}=${value}`).join('&');
  },
  rpcStringToSign: (method: string, params: RpcParams) => `${method}&%2F&${reference.percentEncode(reference.canonicalQuery(params, 'Signature'))}`,
  acs3CanonicalRequest(input: Acs3CanonicalInput): string {
    // (Without a prototype: a header named `constructor` or `__proto__` is just a name.)
    const lower: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [name, value] of Object.entries(input.headers)) lower[name.toLowerCase()] = value;
    const names = input.signedHeaders ?? [...new Set(Object.keys(input.headers).map((n) => n.toLowerCase()))].filter((n) => n === 'host' || n === 'content-type' || n.startsWith('x-acs-')).sort();
    return [
      input.method.toUpperCase(),
      (input.pathname || '/').split('/').map(reference.percentEncode).join('/'),
      reference.canonicalQuery(input.query),
      names.map((name) => `${name}:${(lower[name] ?? '').trim()}\n`).join(''),
      names.join(';'),
      lower['x-acs-content-sha256'] ?? sha256Hex(''),
    ].join('\n');
  },
};

// ---- arbitraries ----------------------------------------------------------------------------

/** Any UTF-16 code unit, lone surrogates included. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
/** Text as it comes: mostly ASCII with `!'()*` and friends, CJK, emoji, the odd lone surrogate. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('阿里云短信测试', '{"code":"123456"}', "O'Brien (test)*!", '验证码🙂👍🏽', '~user~ a+b&c=d%', ''),
);
/** Text without lone surrogates (which have no UTF-8 form and so cannot be signed). */
const signable = text.filter((value) => {
  try {
    encodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
});
/** Parameter names: Aliyun's (unreserved, the fast path) or anything (the encoded-key sort). */
const paramName = fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,11}$/), fc.constantFrom('Signature', 'Action', 'a', 'A', 'a~', 'a-b'), signable);
/** Parameter records, up to 40 entries (past the insertion sort's limit), some values undefined. */
const params = fc.dictionary(paramName, fc.option(signable, { nil: undefined }), { maxKeys: 40 });

// ---- percent-encoding and canonical forms -------------------------------------------------

describe('percentEncode (the table walk)', () => {
  it("equals encodeURIComponent with !'()* escaped, for any UTF-16 text", () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: anyUnit, maxLength: 8 })), (value) => {
        let expected: string | URIError;
        try {
          expected = reference.percentEncode(value);
        } catch (error) {
          expected = error as URIError;
        }
        if (typeof expected === 'string') expect(percentEncode(value)).toBe(expected);
        else expect(() => percentEncode(value)).toThrow(URIError);
      }),
      { numRuns: 2000 },
    );
  });

  it('returns an unreserved value itself, and refuses a surrogate cut from its pair', () => {
    expect(percentEncode('SMS_154950909')).toBe('SMS_154950909');
    expect(() => percentEncode('a\uD83D')).toThrow(URIError);
    expect(() => percentEncode('\uDE42a')).toThrow(URIError);
    expect(percentEncode('\uD83D\uDE42')).toBe('%F0%9F%99%82');
  });
});

describe('canonical queries and strings to sign', () => {
  it('V1 and V3 canonical queries equal the plain sort-then-join', () => {
    fc.assert(
      fc.property(params, (record) => {
        expect(acs3CanonicalQuery(record)).toBe(reference.canonicalQuery(record));
        expect(rpcCanonicalQuery(record)).toBe(reference.canonicalQuery(record, 'Signature'));
      }),
      { numRuns: 500 },
    );
  });

  it('the V1 string to sign equals the canonicalized query percent-encoded once more', () => {
    fc.assert(
      fc.property(params, fc.constantFrom('POST', 'GET'), (record, method) => {
        expect(rpcStringToSign({ method, params: record })).toBe(reference.rpcStringToSign(method, record));
        expect(rpcStringToSign({ method, params: record })).toBe(`${method}&%2F&${percentEncode(rpcCanonicalQuery(record))}`);
      }),
      { numRuns: 500 },
    );
  });

  it('the V3 canonical request equals the plain construction, default or listed headers, any case', () => {
    const headerName = fc.oneof(
      fc.constantFrom('host', 'Host', 'HOST', 'content-type', 'Content-Type', 'x-acs-date', 'X-Acs-Date', 'x-acs-action', 'x-acs-content-sha256', 'X-ACS-CONTENT-SHA256', 'user-agent', 'accept', 'constructor', '__proto__'),
      fc.stringMatching(/^(x-acs-)?[a-z][a-z0-9-]{0,8}$/),
    );
    const headers = fc.dictionary(headerName, fc.oneof(fc.string(), fc.constant(' padded\t')), { maxKeys: 12 });
    fc.assert(
      fc.property(params, headers, fc.option(fc.uniqueArray(headerName.map((n) => n.toLowerCase()), { maxLength: 6 }), { nil: undefined }), fc.constantFrom('/', '', '/a b/c'), (query, headerRecord, signedHeaders, pathname) => {
        const input = { method: 'post', pathname, query, headers: headerRecord, signedHeaders };
        expect(acs3CanonicalRequest(input)).toBe(reference.acs3CanonicalRequest(input));
        if (signedHeaders === undefined) expect(signAcs3({ ...input, accessKeyId: 'id', accessKeySecret: 's' }).signedHeaders).toEqual(acs3SignedHeaderNames(headerRecord));
      }),
      { numRuns: 500 },
    );
  });

  it('of two headers that differ only in case, signs the later value once', () => {
    const headers = { 'X-Acs-Date': '2024-01-01T00:00:00Z', host: 'h', 'x-acs-date': '2024-01-02T03:04:05Z', 'x-acs-content-sha256': EMPTY_BODY_SHA256 };
    const request = acs3CanonicalRequest({ method: 'POST', query: {}, headers });
    expect(request).toBe(`POST\n/\n\nhost:h\nx-acs-content-sha256:${EMPTY_BODY_SHA256}\nx-acs-date:2024-01-02T03:04:05Z\n\nhost;x-acs-content-sha256;x-acs-date\n${EMPTY_BODY_SHA256}`);
  });
});

// ---- HMAC from the key's pads ---------------------------------------------------------------

describe('keyedHmac (RFC 2104 from precomputed pads)', () => {
  /** Keys: empty, short, exactly a block, longer than a block, non-ASCII (more bytes than characters). */
  const key = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ minLength: 64, maxLength: 200 }), fc.constant('x'.repeat(64)), fc.constant('密'.repeat(22)));
  const message = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: anyUnit, maxLength: 50 }), fc.string({ minLength: 1000, maxLength: 3000 }));
  const options = fc.record({ algorithm: fc.constantFrom('sha1' as const, 'sha256' as const), encoding: fc.constantFrom('hex' as const, 'base64' as const) });

  it('equals createHmac for any key and message', () => {
    fc.assert(
      fc.property(options, key, message, (o, k, m) => {
        expect(keyedHmac({ ...o, key: k })(m)).toBe(createHmac(o.algorithm, k).update(m, 'utf8').digest(o.encoding));
      }),
      { numRuns: 1000 },
    );
  });

  it('stays equal to createHmac over a sequence of messages with one prepared key (its buffer grows and is reused)', () => {
    fc.assert(
      fc.property(options, key, fc.array(message, { minLength: 2, maxLength: 12 }), (o, k, messages) => {
        const hmac = keyedHmac({ ...o, key: k });
        for (const m of messages) expect(hmac(m)).toBe(createHmac(o.algorithm, k).update(m, 'utf8').digest(o.encoding));
      }),
      { numRuns: 200 },
    );
  });

  it('sha256Hex and its empty-body constant equal createHash', () => {
    expect(EMPTY_BODY_SHA256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const expected = createHash('sha256').update(value, 'utf8').digest('hex');
        expect(sha256HexOf(value)).toBe(expected);
        expect(sha256Hex(Buffer.from(value, 'utf8'))).toBe(expected);
      }),
    );
  });
});

// Without crypto.hash (Node 20 before 20.12) the one-shot digests fall back to createHash:
// core's digestText, tested in packages/core/test/digest.test.ts.

// ---- the prepared signers ---------------------------------------------------------------------

describe('createRpcSigner', () => {
  it.each(vectors.rpc.map((v) => [v.name, v] as const))('signs as signRpc and the official SDK: %s', (_name, vector) => {
    const signer = createRpcSigner(vector.accessKeySecret);
    expect(signer.sign(vector)).toBe(vector.signature);
    expect(signer.sign(vector)).toBe(signRpc(vector));
    expect(signer.signStringToSign(rpcStringToSign(vector))).toBe(vector.signature);
  });

  it('one signer gives what signRpc gives, request after request', () => {
    const signer = createRpcSigner('secret');
    fc.assert(
      fc.property(params, fc.constantFrom('POST', 'GET'), (record, method) => {
        expect(signer.sign({ method, params: record })).toBe(signRpc({ method, params: record, accessKeySecret: 'secret' }));
      }),
      { numRuns: 300 },
    );
  });

  it('signs what rpcRequestParams builds as signedRpcParams does, with a fresh nonce each time', () => {
    const now = new Date('2024-01-02T03:04:05.678Z');
    const input = { action: 'SendSms', accessKeyId: 'id', params: { PhoneNumbers: '13800138000', OutId: undefined }, now };
    const signer = createRpcSigner('secret');
    const built = rpcRequestParams({ ...input, nonce: 'n-1' });
    expect(built).toEqual({ PhoneNumbers: '13800138000', Action: 'SendSms', Version: '2017-05-25', Format: 'JSON', AccessKeyId: 'id', SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0', SignatureNonce: 'n-1', Timestamp: '2024-01-02T03:04:05Z' });
    const signed = signedRpcParams({ ...input, nonce: 'n-1', accessKeySecret: 'secret' });
    expect(signed).toEqual({ ...built, Signature: signer.signStringToSign(rpcStringToSign({ params: built })) });
    expect(rpcRequestParams(input).SignatureNonce).not.toBe(rpcRequestParams(input).SignatureNonce);
  });

  it('shows nothing of the secret', () => {
    const signer = createRpcSigner('very-secret-value');
    expect(JSON.stringify(signer)).not.toContain('very-secret');
    expect(String(Object.values(signer))).not.toContain('very-secret');
  });
});

describe('createAcs3Signer', () => {
  it.each(vectors.acs3.map((v) => [v.name, v] as const))('signs as signAcs3 and the official SDK: %s', (_name, vector) => {
    const signer = createAcs3Signer(vector);
    const signed = signer.sign(vector);
    expect(signed.authorization).toBe(vector.authorization);
    expect(signed).toEqual(signAcs3(vector));
    expect(signed.canonicalQuery).toBe(acs3CanonicalQuery(vector.query));
    expect(signed.canonicalRequest).toBe(acs3CanonicalRequest(vector));
  });

  it('one signer gives what signAcs3 gives, request after request', () => {
    const signer = createAcs3Signer({ accessKeyId: 'id', accessKeySecret: 'secret' });
    const headers = { host: 'dysmsapi.aliyuncs.com', 'x-acs-action': 'SendSms', 'x-acs-version': '2017-05-25', 'x-acs-date': '2024-01-02T03:04:05Z', 'x-acs-content-sha256': EMPTY_BODY_SHA256 };
    fc.assert(
      fc.property(params, fc.uuid(), (query, nonce) => {
        const input = { method: 'POST', pathname: '/', query, headers: { ...headers, 'x-acs-signature-nonce': nonce } };
        expect(signer.sign(input)).toEqual(signAcs3({ ...input, accessKeyId: 'id', accessKeySecret: 'secret' }));
      }),
      { numRuns: 300 },
    );
  });

  it('shows nothing of the secret', () => {
    const signer = createAcs3Signer({ accessKeyId: 'id', accessKeySecret: 'very-secret-value' });
    expect(JSON.stringify(signer)).not.toContain('very-secret');
    expect(JSON.stringify(signer.sign({ method: 'POST', query: { a: 'b' }, headers: { host: 'h' } }))).not.toContain('very-secret');
  });
});

describe('rpcQueryString', () => {
  it('writes every defined parameter, encoded, in the record order', () => {
    fc.assert(
      fc.property(params, (record) => {
        const expected = Object.entries(record)
          .filter(([, value]) => value !== undefined)
          .map(([key, value]) => `${reference.percentEncode(key)}=${reference.percentEncode(value as string)}`)
          .join('&');
        expect(rpcQueryString(record)).toBe(expected);
      }),
    );
  });
});
