import { describe, expect, it } from 'vitest';
import { forwardedSourceIp, ipAllowed, SignatureVerifier, signRequest } from '../src/index.js';

describe('forwardedSourceIp: the caller behind a known number of proxies', () => {
  const spoofed = '10.1.2.3, 203.0.113.9';

  it('with no trusted proxy, the connection’s peer is the caller and X-Forwarded-For is ignored', () => {
    expect(forwardedSourceIp({ remoteAddress: '127.0.0.1', forwardedFor: spoofed, trustedProxies: 0 })).toBe('127.0.0.1');
    expect(forwardedSourceIp({ remoteAddress: '::ffff:127.0.0.1', forwardedFor: undefined, trustedProxies: 0 })).toBe('127.0.0.1');
  });

  it('behind one proxy, the entry that proxy appended (rightmost), never the caller-written leftmost', () => {
    const ip = forwardedSourceIp({ remoteAddress: '127.0.0.1', forwardedFor: spoofed, trustedProxies: 1 });
    expect(ip).toBe('203.0.113.9');
    expect(ipAllowed(ip, ['10.0.0.0/8'])).toBe(false);
  });

  it('behind two proxies, the second entry from the right; repeated headers count as one list', () => {
    expect(forwardedSourceIp({ remoteAddress: '10.0.0.2', forwardedFor: ['1.1.1.1, 198.51.100.7', '10.0.0.1'], trustedProxies: 2 })).toBe('198.51.100.7');
  });

  it('without X-Forwarded-For, the peer', () => {
    expect(forwardedSourceIp({ remoteAddress: '127.0.0.1', forwardedFor: undefined, trustedProxies: 1 })).toBe('127.0.0.1');
    expect(forwardedSourceIp({ remoteAddress: '127.0.0.1', forwardedFor: ' , ', trustedProxies: 1 })).toBe('127.0.0.1');
  });

  it('with fewer entries than proxies, unknown: a caller who reached an inner proxy wrote the leftmost entry itself', () => {
    // three proxies, but the caller went straight to the last one, sending its own header
    expect(forwardedSourceIp({ remoteAddress: '10.0.0.3', forwardedFor: '10.1.2.3, 203.0.113.9', trustedProxies: 3 })).toBeUndefined();
    expect(forwardedSourceIp({ remoteAddress: '127.0.0.1', forwardedFor: '198.51.100.7', trustedProxies: 3 })).toBeUndefined();
  });

  it('refuses a proxy count that is not a whole number', () => {
    expect(() => forwardedSourceIp({ remoteAddress: '127.0.0.1', forwardedFor: undefined, trustedProxies: -1 })).toThrow(TypeError);
    expect(() => forwardedSourceIp({ remoteAddress: '127.0.0.1', forwardedFor: undefined, trustedProxies: 1.5 })).toThrow(TypeError);
  });
});

describe('SignatureVerifier: built once, verifies per request', () => {
  const NOW = 1_700_000_000_000;
  const body = { phones: '13800138000', templateCode: 'T1' };
  const sign = () => signRequest({ apiKey: 'api-1', accessKey: 'secret-1', body, now: () => NOW }).headers;

  it('accepts a signed request and refuses its replay with the default in-process nonce store', async () => {
    const verifier = new SignatureVerifier({ credentials: { 'api-1': { accessKey: 'secret-1' } }, now: () => NOW });
    const headers = sign();
    expect(await verifier.verify({ headers, body })).toMatchObject({ ok: true, apiKey: 'api-1' });
    expect(await verifier.verify({ headers, body })).toMatchObject({ ok: false, code: 2001, check: 'replay' });
  });

  it('nonceStore: false turns replay protection off; the tolerance defaults to 60 s', async () => {
    const verifier = new SignatureVerifier({ credentials: { 'api-1': { accessKey: 'secret-1' } }, nonceStore: false, now: () => NOW + 60_000 });
    const headers = sign();
    expect((await verifier.verify({ headers, body })).ok).toBe(true);
    expect((await verifier.verify({ headers, body })).ok).toBe(true);
    const late = new SignatureVerifier({ credentials: { 'api-1': { accessKey: 'secret-1' } }, now: () => NOW + 60_001 });
    expect(await late.verify({ headers, body })).toMatchObject({ ok: false, check: 'timestamp' });
  });

  it('checks the body through the same gate (the body as the framework left it)', async () => {
    const verifier = new SignatureVerifier({ credentials: { 'api-1': { accessKey: 'secret-1' } }, now: () => NOW });
    expect(await verifier.verify({ headers: sign(), body: [1, 2] })).toMatchObject({ ok: false, code: 40004, check: 'body' });
    expect(await verifier.verify({ headers: sign(), body: JSON.parse('{"phones":"1","__proto__":{}}') })).toMatchObject({ ok: false, code: 40004, check: 'body' });
  });

  it('refuses bad settings when built, not at the first request', () => {
    expect(() => new SignatureVerifier({ credentials: { 'api-1': { accessKey: 's' } }, toleranceMs: Number.NaN })).toThrow(TypeError);
    expect(() => new SignatureVerifier({ credentials: 'nope' as never })).toThrow(TypeError);
  });
});
