import { signRequest, SIGN_METHODS, type CanonicalDialect, type SignMethod } from '@smskit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIGNING_SCRIPT } from '../src/index.js';
import { runPostmanScript, SIGNING_VECTORS } from './script-sandbox.js';

const METHODS = Object.keys(SIGN_METHODS) as SignMethod[];
const DIALECTS: CanonicalDialect[] = ['skip-empty', 'keep-empty'];

function signWithScript(options: {
  raw: string | undefined;
  apiKey: string;
  accessKey: string;
  method?: string;
  dialect?: string;
  nonce?: string;
  timestamp?: number;
  extra?: Record<string, string>;
}) {
  return runPostmanScript({
    source: SIGNING_SCRIPT,
    raw: options.raw,
    variables: {
      apiKey: options.apiKey,
      accessKey: options.accessKey,
      signMethod: options.method,
      signDialect: options.dialect,
      smskitNonce: options.nonce,
      smskitTimestamp: options.timestamp,
      ...options.extra,
    },
  });
}

describe('the pre-request script signs byte for byte as @smskit/core does', () => {
  for (const vector of SIGNING_VECTORS) {
    for (const dialect of DIALECTS) {
      it(`${vector.name} — ${dialect}`, () => {
        const run = signWithScript({ ...vector, raw: JSON.stringify(vector.body), dialect });
        const expected = vector.dialects[dialect];
        expect(run.headers).toEqual({
          'x-api-key': vector.apiKey,
          'x-sign-method': vector.method,
          'x-nonce': vector.nonce,
          'x-timestamp': String(vector.timestamp),
          'x-sign': expected.sign,
          'content-type': 'application/json',
        });
        expect(run.logs).toEqual([`smskit signed ${vector.method} over: ${expected.canonical}`]);
        const core = signRequest({ ...vector, method: vector.method as SignMethod, dialect });
        expect(run.headers['x-sign']).toBe(core.sign);
      });
    }
  }

  it('agrees with signRequest on any JSON-object body, method and dialect (property)', () => {
    const key = fc.string({ unit: 'binary', maxLength: 12 }).filter((k) => !k.startsWith('x-'));
    const scalar = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constant(''),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(key, scalar, { maxKeys: 3 }));
    fc.assert(
      fc.property(
        fc.dictionary(key, value, { maxKeys: 8 }),
        fc.constantFrom(...METHODS),
        fc.constantFrom(...DIALECTS),
        fc.stringMatching(/^[1-9]\d{9,19}$/),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
        (body, method, dialect, nonce, accessKey) => {
          const raw = JSON.stringify(body);
          const timestamp = 1_763_800_000_000;
          const run = signWithScript({ raw, apiKey: 'a963d8f00e1ae1093', accessKey, method, dialect, nonce, timestamp });
          // The server verifies what it parsed from the text on the wire.
          const core = signRequest({ apiKey: 'a963d8f00e1ae1093', accessKey, body: JSON.parse(raw), method, dialect, nonce, timestamp });
          expect(run.headers['x-sign']).toBe(core.sign);
          expect(run.logs[0]).toBe(`smskit signed ${method} over: ${core.canonical}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('signs the body after {{variables}} are filled in, and sends that same text', () => {
    const raw = '{"phones":"{{phones}}","templateCode":"{{templateCode}}","templateParam":"[\\"{{name}}\\"]"}';
    const run = signWithScript({
      raw,
      apiKey: 'k1',
      accessKey: 'secret',
      nonce: '1234567890',
      timestamp: 1_700_000_000_000,
      extra: { phones: '13800138000', templateCode: '580467552590397440', name: '张三' },
    });
    const resolved = '{"phones":"13800138000","templateCode":"580467552590397440","templateParam":"[\\"张三\\"]"}';
    expect(run.sentBody).toBe(resolved);
    const core = signRequest({ apiKey: 'k1', accessKey: 'secret', body: JSON.parse(resolved), nonce: '1234567890', timestamp: 1_700_000_000_000 });
    expect(run.headers['x-sign']).toBe(core.sign);
  });

  it('signs a request without a body over the four headers alone', () => {
    for (const raw of [undefined, '', '  {}  ']) {
      const run = signWithScript({ raw, apiKey: 'k1', accessKey: 'secret', nonce: '1234567890', timestamp: 1_700_000_000_000 });
      const core = signRequest({ apiKey: 'k1', accessKey: 'secret', body: {}, nonce: '1234567890', timestamp: 1_700_000_000_000 });
      expect(run.headers['x-sign']).toBe(core.sign);
    }
  });

  it('defaults to HmacSHA256 and the skip-empty dialect, as core does', () => {
    const body = { phones: '13800138000', bid: '', upExtendCode: null };
    const run = signWithScript({ raw: JSON.stringify(body), apiKey: 'k1', accessKey: 'secret', nonce: '1234567890', timestamp: 1_700_000_000_000 });
    expect(run.headers['x-sign-method']).toBe('HmacSHA256');
    expect(run.headers['x-sign']).toBe(signRequest({ apiKey: 'k1', accessKey: 'secret', body, nonce: '1234567890', timestamp: 1_700_000_000_000 }).sign);
  });
});

describe('fresh nonce and timestamp on every send', () => {
  it('draws a 15-digit nonce that never starts with 0, different each time', () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const nonce = signWithScript({ raw: '{}', apiKey: 'k1', accessKey: 'secret' }).headers['x-nonce'] ?? '';
      expect(nonce).toMatch(/^[1-9]\d{14}$/);
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(200);
  });

  it('stamps the current time in milliseconds, 13 digits', () => {
    const before = Date.now();
    const timestamp = Number(signWithScript({ raw: '{}', apiKey: 'k1', accessKey: 'secret' }).headers['x-timestamp']);
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(Date.now());
  });

  it('still signs when the sandbox has no native random source', () => {
    const run = runPostmanScript({
      source: SIGNING_SCRIPT.replace("require('crypto-js')", "Object.assign({}, require('crypto-js'), { lib: { WordArray: { random() { throw new Error('no native crypto'); } } } })"),
      raw: '{}',
      variables: { apiKey: 'k1', accessKey: 'secret' },
    });
    expect(run.headers['x-nonce']).toMatch(/^[1-9]\d{14}$/);
  });
});

describe('stops with a message that says what to fix', () => {
  const cases: [string, Parameters<typeof signWithScript>[0], RegExp][] = [
    ['no apiKey', { raw: '{}', apiKey: '', accessKey: 'secret' }, /set apiKey and accessKey/],
    ['no accessKey', { raw: '{}', apiKey: 'k1', accessKey: '' }, /set apiKey and accessKey/],
    ['an unknown sign method', { raw: '{}', apiKey: 'k1', accessKey: 'secret', method: 'HmacSHA3' }, /signMethod must be one of HmacMD5, .*HmacSHA512, not "HmacSHA3"/],
    ['an unknown dialect', { raw: '{}', apiKey: 'k1', accessKey: 'secret', dialect: 'keep' }, /signDialect must be skip-empty or keep-empty/],
    ['a body that is not JSON', { raw: '{"phones":', apiKey: 'k1', accessKey: 'secret' }, /the body is not valid JSON/],
    ['a JSON array body', { raw: '["13800138000"]', apiKey: 'k1', accessKey: 'secret' }, /the body must be a JSON object/],
    ['a field named like a signed header', { raw: '{"x-nonce":"1"}', apiKey: 'k1', accessKey: 'secret' }, /"x-nonce" has the name of a signed header/],
  ];
  for (const [name, options, message] of cases) {
    it(name, () => {
      expect(() => signWithScript(options)).toThrow(message);
    });
  }
});

describe('keeps the accessKey to itself', () => {
  it('never prints the accessKey nor sends it in a header', () => {
    const accessKey = '3c4bda9d5698a6b17103461a82ee0ae4257f29d15b04c3c';
    const run = signWithScript({ raw: '{"phones":"13800138000"}', apiKey: 'k1', accessKey });
    expect(run.logs.join('\n')).not.toContain(accessKey);
    expect(Object.values(run.headers).join('\n')).not.toContain(accessKey);
  });
});
