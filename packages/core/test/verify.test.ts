import { describe, expect, it } from 'vitest';
import { MemoryNonceStore, signRequest, verifyRequest, type VerifyRequestOptions } from '../src/index.js';

const NOW = 1_700_000_000_000;
const credentials = { 'api-1': { accessKey: 'secret-1' }, 'api-ip': { accessKey: 'secret-2', allowedIps: ['203.0.113.7', '10.0.0.0/8', '2001:db8::/32'] } };

function signed(body: Record<string, unknown> = { phones: '13800138000', templateCode: 'T1' }, extra: Partial<Parameters<typeof signRequest>[0]> = {}) {
  return { body, headers: { ...signRequest({ apiKey: 'api-1', accessKey: 'secret-1', body, now: () => NOW, ...extra }).headers } as Record<string, string> };
}

function verify(request: { body: Record<string, unknown>; headers: Record<string, string> }, options: Partial<VerifyRequestOptions> = {}) {
  return verifyRequest({ credentials, now: () => NOW, ...request, ...options });
}

describe('verifyRequest: accepts what the signer produces', () => {
  it('accepts a fresh signed request and names the caller', async () => {
    const result = await verify(signed());
    expect(result).toMatchObject({ ok: true, apiKey: 'api-1', method: 'HmacSHA256', dialect: 'skip-empty', timestamp: NOW });
  });

  it('accepts the keep-empty dialect when a field is empty', async () => {
    const result = await verify(signed({ phones: '13800138000', bid: '' }, { dialect: 'keep-empty' }));
    expect(result).toMatchObject({ ok: true, dialect: 'keep-empty' });
  });

  it('accepts an upper-case hex signature and header names in any case', async () => {
    const request = signed();
    const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toUpperCase(), k === 'x-sign' ? v.toUpperCase() : v]));
    expect((await verify({ body: request.body, headers })).ok).toBe(true);
  });

  it('accepts short nonces such as the vendor’s C# and Python samples draw', async () => {
    expect((await verify(signed(undefined, { nonce: '12345' }))).ok).toBe(true);
  });

  it('takes the signer\'s headers as they are, with no cast', async () => {
    const body = { phones: '13800138000' };
    const { headers } = signRequest({ apiKey: 'api-1', accessKey: 'secret-1', body, now: () => NOW });
    expect((await verifyRequest({ headers, body, credentials, now: () => NOW })).ok).toBe(true);
  });

  it('resolves credentials through a function', async () => {
    const result = await verify(signed(), { credentials: async (key) => (key === 'api-1' ? { accessKey: 'secret-1' } : undefined) });
    expect(result.ok).toBe(true);
  });
});

describe('verifyRequest: checks in order, each with its platform code', () => {
  it.each(['x-api-key', 'x-sign-method', 'x-nonce', 'x-timestamp', 'x-sign'])('a missing %s is 40004', async (name) => {
    const request = signed();
    delete request.headers[name];
    expect(await verify(request)).toMatchObject({ ok: false, code: 40004, check: 'headers' });
  });

  it.each([
    ['x-nonce', '12ab34'],
    ['x-timestamp', '170000000000'],
    ['x-timestamp', '1700000000.00'],
    ['x-sign', 'not-hex'],
  ])('a malformed %s (%s) is 40004', async (name, value) => {
    const request = signed();
    request.headers[name] = value;
    expect(await verify(request)).toMatchObject({ ok: false, code: 40004, check: 'headers' });
  });

  it('an unsupported method is 2001', async () => {
    const request = signed();
    request.headers['x-sign-method'] = 'HmacSHA3';
    expect(await verify(request)).toMatchObject({ ok: false, code: 2001, check: 'method' });
  });

  it('an unknown apiKey is 2001, even one named like an Object.prototype member', async () => {
    for (const key of ['nobody', '__proto__', 'constructor']) {
      const request = signed();
      request.headers['x-api-key'] = key;
      expect(await verify(request)).toMatchObject({ ok: false, code: 2001, check: 'api-key' });
    }
  });

  it('a source outside the allowlist is 2000; addresses, CIDR ranges and mapped IPv4 are understood', async () => {
    const request = { body: {}, headers: { ...signRequest({ apiKey: 'api-ip', accessKey: 'secret-2', body: {}, now: () => NOW }).headers } as Record<string, string> };
    expect(await verify(request, { sourceIp: '198.51.100.1' })).toMatchObject({ ok: false, code: 2000, check: 'ip' });
    expect(await verify(request, {})).toMatchObject({ ok: false, code: 2000 });
    for (const ip of ['203.0.113.7', '::ffff:203.0.113.7', '10.20.30.40', '2001:db8::1']) {
      expect((await verify(request, { sourceIp: ip })).ok).toBe(true);
    }
  });

  it('refuses a tolerance or clock that is not a number, rather than switching the checks off', async () => {
    await expect(verify(signed(), { toleranceMs: Number.NaN })).rejects.toThrow(/toleranceMs must be a finite number/);
    await expect(verify(signed(), { toleranceMs: -1 })).rejects.toThrow(TypeError);
    await expect(verify(signed(), { now: () => Number.NaN })).rejects.toThrow(/now\(\) must return/);
  });

  it('a malformed allowlist entry allows nothing and never throws', async () => {
    const creds = { 'api-1': { accessKey: 'secret-1', allowedIps: ['10.0.0.0/abc', '10.0.0.0/33', '1.2.3.4/8/9', 'nonsense', '203.0.113.7'] } };
    expect(await verify(signed(), { credentials: creds, sourceIp: '10.1.2.3' })).toMatchObject({ ok: false, code: 2000 });
    expect((await verify(signed(), { credentials: creds, sourceIp: '203.0.113.7' })).ok).toBe(true);
  });

  it('a timestamp outside ±60 s is 2001, in both directions; the tolerance is configurable', async () => {
    for (const offset of [-60_001, 60_001]) {
      const result = await verify(signed(undefined, { now: () => NOW + offset }));
      expect(result).toMatchObject({ ok: false, code: 2001, check: 'timestamp' });
    }
    expect((await verify(signed(undefined, { now: () => NOW - 60_000 }))).ok).toBe(true);
    expect((await verify(signed(undefined, { now: () => NOW - 90_000 }), { toleranceMs: 120_000 })).ok).toBe(true);
  });

  it('a tampered body is 2001 and the failure shows both canonical strings, never the key', async () => {
    const request = signed();
    request.body = { ...request.body, phones: '13800138001' };
    const result = await verify(request);
    expect(result).toMatchObject({ ok: false, code: 2001, check: 'signature' });
    if (result.ok) throw new Error('unreachable');
    expect(result.canonical?.['skip-empty']).toContain('phones=13800138001');
    expect(JSON.stringify(result)).not.toContain('secret-1');
  });

  it('a signature of another method’s length says so', async () => {
    const request = signed();
    request.headers['x-sign-method'] = 'HmacSHA512';
    const result = await verify(request);
    expect(result).toMatchObject({ ok: false, code: 2001, check: 'signature' });
    if (!result.ok) expect(result.reason).toMatch(/64 hex digits; HmacSHA512 gives 128/);
  });

  it('a replayed nonce is 2001 — but only a correctly signed request records its nonce', async () => {
    const store = new MemoryNonceStore();
    const request = signed();
    const tampered = { headers: request.headers, body: { ...request.body, templateCode: 'T2' } };
    expect((await verify(tampered, { nonceStore: store })).ok).toBe(false);
    expect(store.size).toBe(0);
    expect((await verify(request, { nonceStore: store })).ok).toBe(true);
    expect(await verify(request, { nonceStore: store })).toMatchObject({ ok: false, code: 2001, check: 'replay' });
  });

  it('runs the checks in the documented order (an unknown key is reported before a stale clock)', async () => {
    const request = signed(undefined, { now: () => NOW - 3_600_000 });
    request.headers['x-api-key'] = 'nobody';
    expect(await verify(request)).toMatchObject({ check: 'api-key' });
  });
});

describe('MemoryNonceStore', () => {
  it('forgets keys after their time to live', () => {
    let now = 0;
    const store = new MemoryNonceStore({ now: () => now });
    expect(store.claimSync('a', 1000)).toBe(true);
    expect(store.claimSync('a', 1000)).toBe(false);
    now = 1000;
    expect(store.claimSync('a', 1000)).toBe(true);
  });

  it('when full of live keys refuses (replay protection fails closed) rather than forget one', async () => {
    const store = new MemoryNonceStore({ maxEntries: 3 });
    for (const k of ['a', 'b', 'c']) expect(store.claimSync(k, 60_000)).toBe(true);
    expect(() => store.claimSync('d', 60_000)).toThrow(/nonce store is full/);
    expect(store.claimSync('a', 60_000)).toBe(false);
    const request = signed();
    await expect(verify(request, { nonceStore: store })).rejects.toMatchObject({ code: -1, retryable: true });
  });

  it("with whenFull: 'evict-oldest' stays within maxEntries by forgetting the oldest", () => {
    const store = new MemoryNonceStore({ maxEntries: 100, whenFull: 'evict-oldest' });
    for (let i = 0; i < 1000; i++) store.claimSync(`k${i}`, 60_000);
    expect(store.size).toBe(100);
  });

  it('when full, makes room from expired keys first', () => {
    let now = 0;
    const store = new MemoryNonceStore({ maxEntries: 2, now: () => now });
    store.claimSync('a', 100);
    store.claimSync('b', 100);
    now = 150;
    expect(store.claimSync('c', 100)).toBe(true);
  });

  it('when full, finds an expired key even behind a live one of a longer lifetime', () => {
    let now = 0;
    const store = new MemoryNonceStore({ maxEntries: 2, now: () => now });
    store.claimSync('long', 10_000);
    store.claimSync('short', 10);
    now = 2000; // past the periodic sweep, which stops at the first live key
    expect(store.claimSync('next', 10)).toBe(true);
    expect(store.size).toBe(2);
  });

  it('sweeps expired keys so memory does not grow with time', () => {
    let now = 0;
    const store = new MemoryNonceStore({ now: () => now });
    for (let i = 0; i < 500; i++) store.claimSync(`k${i}`, 100);
    now = 5000;
    store.claimSync('fresh', 100);
    expect(store.size).toBe(1);
  });
});
