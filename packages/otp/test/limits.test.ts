import { describe, expect, it } from 'vitest';
import { MemoryLimitStore, MemorySendLog, type OtpLimits } from '../src/index.js';
import { harness, phone, T0 } from './harness.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const ip = (n: number) => `198.51.100.${n}`;
/** Only the limit under test, so the others do not interfere. */
const only = (limits: OtpLimits): OtpLimits => ({ phoneScene: false, phoneContent: false, phoneDaily: false, ipHourly: false, ...limits });

describe('same number and scene: 1 per 60 s', () => {
  it('refuses the second within 60 s, says when to retry, and allows it after', async () => {
    const { service, clock } = harness();
    const asked = { phone: phone(1), scene: 'login', ip: ip(1) };
    expect((await service.request(asked)).ok).toBe(true);
    clock.now += 20_000;
    expect(await service.request(asked)).toMatchObject({ ok: false, reason: 'limit', limit: 'phone-scene', retryAfterMs: 40_000 });
    clock.now += 40_000;
    expect((await service.request(asked)).ok).toBe(true);
  });

  it('one number written two ways counts once', async () => {
    const { service } = harness();
    expect((await service.request({ phone: '+86 139-0000-0001', scene: 'login', ip: ip(1) })).ok).toBe(true);
    expect(await service.request({ phone: phone(1), scene: 'login', ip: ip(2) })).toMatchObject({ reason: 'limit', limit: 'phone-scene' });
  });

  it('another scene of the same number has its own count', async () => {
    const { service } = harness({ limits: only({ phoneScene: {} }) });
    expect((await service.request({ phone: phone(1), scene: 'login', ip: ip(1) })).ok).toBe(true);
    expect((await service.request({ phone: phone(1), scene: 'reset', ip: ip(1) })).ok).toBe(true);
  });
});

describe('same number and content: 1 per 30 s', () => {
  it('counts two scenes that share one template as the same content', async () => {
    const { service, clock } = harness({ templateCode: 'TPL-1', limits: only({ phoneContent: {} }) });
    expect((await service.request({ phone: phone(1), scene: 'login', ip: ip(1) })).ok).toBe(true);
    expect(await service.request({ phone: phone(1), scene: 'reset', ip: ip(1) })).toMatchObject({ reason: 'limit', limit: 'phone-content', retryAfterMs: 30_000 });
    clock.now += 30_000;
    expect((await service.request({ phone: phone(1), scene: 'reset', ip: ip(1) })).ok).toBe(true);
  });
});

describe('same number per calendar day (Asia/Shanghai): 10', () => {
  it('refuses the 11th until local midnight, then allows again', async () => {
    const { service, clock } = harness({ limits: only({ phoneDaily: 10 }) });
    clock.now = Date.parse('2024-05-01T15:00:00Z'); // 23:00 in Shanghai
    for (let i = 0; i < 10; i += 1) expect((await service.request({ phone: phone(1), scene: `s${i}`, ip: ip(1) })).ok).toBe(true);
    expect(await service.request({ phone: phone(1), scene: 'more', ip: ip(1) })).toMatchObject({ reason: 'limit', limit: 'phone-daily', retryAfterMs: HOUR });
    clock.now = Date.parse('2024-05-01T16:00:00Z'); // 00:00 on 2 May in Shanghai, still 1 May in UTC
    expect((await service.request({ phone: phone(1), scene: 'more', ip: ip(1) })).ok).toBe(true);
  });

  it('follows the configured zone', async () => {
    const { service, clock } = harness({ timeZone: 'UTC', limits: only({ phoneDaily: 1 }) });
    clock.now = Date.parse('2024-05-01T15:00:00Z');
    expect((await service.request({ phone: phone(1), scene: 'a', ip: ip(1) })).ok).toBe(true);
    clock.now = Date.parse('2024-05-01T16:30:00Z');
    expect(await service.request({ phone: phone(1), scene: 'b', ip: ip(1) })).toMatchObject({ limit: 'phone-daily', retryAfterMs: 7.5 * HOUR });
  });
});

describe('per client IP: 10 an hour', () => {
  it('refuses the 11th number from one IP within a rolling hour', async () => {
    const { service, clock } = harness();
    for (let i = 0; i < 10; i += 1) {
      expect((await service.request({ phone: phone(i), scene: 'login', ip: ip(7) })).ok).toBe(true);
      clock.now += MIN;
    }
    expect(await service.request({ phone: phone(99), scene: 'login', ip: ip(7) })).toMatchObject({ limit: 'ip-hourly', retryAfterMs: 50 * MIN });
    expect((await service.request({ phone: phone(99), scene: 'login', ip: ip(8) })).ok).toBe(true);
  });

  it('counts an IPv6 client per /64 and an IPv4-mapped address as IPv4', async () => {
    const { service } = harness({ limits: only({ ipHourly: { max: 1 } }) });
    expect((await service.request({ phone: phone(1), scene: 'a', ip: '2001:db8:1:2::1' })).ok).toBe(true);
    expect(await service.request({ phone: phone(2), scene: 'a', ip: '2001:db8:1:2:ffff::9' })).toMatchObject({ limit: 'ip-hourly' });
    expect((await service.request({ phone: phone(3), scene: 'a', ip: '2001:db8:1:3::1' })).ok).toBe(true);
    expect((await service.request({ phone: phone(4), scene: 'a', ip: '::ffff:192.0.2.1' })).ok).toBe(true);
    expect(await service.request({ phone: phone(5), scene: 'a', ip: '192.0.2.1' })).toMatchObject({ limit: 'ip-hourly' });
  });

  it('requires an ip while the IP limit is on, so leaving it out cannot skip the limit', async () => {
    expect(await harness().service.request({ phone: phone(1), scene: 'a' })).toMatchObject({ reason: 'invalid', field: 'ip' });
    expect((await harness({ limits: { ipHourly: false } }).service.request({ phone: phone(1), scene: 'a' })).ok).toBe(true);
  });
});

describe('whole site per hour: off unless set', () => {
  it('caps every request when set', async () => {
    const { service } = harness({ limits: only({ siteHourly: { max: 3, windowMs: HOUR } }) });
    for (let i = 0; i < 3; i += 1) expect((await service.request({ phone: phone(i), scene: 'a', ip: ip(i) })).ok).toBe(true);
    expect(await service.request({ phone: phone(9), scene: 'a', ip: ip(9) })).toMatchObject({ limit: 'site-hourly' });
  });
});

describe('the optional ladder: 1/min, 5/h, 10/24 h per number', () => {
  it('walks up the ladder across scenes', async () => {
    const { service, clock } = harness({ limits: only({ ladder: true }) });
    const ask = (scene: string) => service.request({ phone: phone(1), scene, ip: ip(1) });
    expect((await ask('a')).ok).toBe(true);
    expect(await ask('b')).toMatchObject({ limit: 'ladder-minute', retryAfterMs: MIN });
    for (let i = 0; i < 4; i += 1) {
      clock.now += MIN;
      expect((await ask(`s${i}`)).ok).toBe(true);
    }
    clock.now += MIN;
    expect(await ask('c')).toMatchObject({ limit: 'ladder-hourly', retryAfterMs: HOUR - 5 * MIN });
  });
});

describe('all-or-nothing across limits', () => {
  it('a request refused by one limit consumes none of the others', async () => {
    const { service } = harness({ limits: { phoneScene: false, phoneContent: false, phoneDaily: 1, ipHourly: { max: 2 } } });
    expect((await service.request({ phone: phone(1), scene: 'a', ip: ip(1) })).ok).toBe(true);
    // Refused by phone-daily: had it consumed ip-hourly, the next request from ip(1) would fail.
    for (let i = 0; i < 5; i += 1) expect(await service.request({ phone: phone(1), scene: 'a', ip: ip(1) })).toMatchObject({ limit: 'phone-daily' });
    expect((await service.request({ phone: phone(2), scene: 'a', ip: ip(1) })).ok).toBe(true);
  });

  it('names the limit that holds the request back longest and lists all that refused', async () => {
    const { service } = harness();
    await service.request({ phone: phone(1), scene: 'a', ip: ip(1) });
    expect(await service.request({ phone: phone(1), scene: 'a', ip: ip(1) })).toMatchObject({ limit: 'phone-scene', limits: ['phone-scene', 'phone-content'], retryAfterMs: MIN });
  });

  it('1,000 concurrent requests for one number let exactly the allowed number through', async () => {
    const { service, sent } = harness({ limits: { phoneScene: false, phoneContent: false, phoneDaily: 7, ipHourly: false } });
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => service.request({ phone: phone(1), scene: `s${i % 50}` })));
    expect(results.filter((result) => result.ok)).toHaveLength(7);
    expect(sent).toHaveLength(7);
  });
});

describe('lists and hooks', () => {
  it('deny lists refuse before anything is counted', async () => {
    const limits = new MemoryLimitStore();
    const { service } = harness({ denyPhones: ['+86 139 0000 0001'], denyIps: ['10.0.0.0/8'], stores: { limits } });
    expect(await service.request({ phone: phone(1), scene: 'a', ip: ip(1) })).toMatchObject({ reason: 'denied', list: 'phone' });
    expect(await service.request({ phone: phone(2), scene: 'a', ip: '10.1.2.3' })).toMatchObject({ reason: 'denied', list: 'ip' });
    expect(limits.size).toBe(0);
  });

  it('allow lists exempt numbers from per-number limits and IPs from the per-IP limit only', async () => {
    const { service } = harness({ allowPhones: [phone(1)], allowIps: ['192.0.2.0/24'], limits: { ipHourly: { max: 1 }, siteHourly: { max: 5, windowMs: HOUR } } });
    for (let i = 0; i < 3; i += 1) expect((await service.request({ phone: phone(1), scene: 'a', ip: ip(1 + i) })).ok).toBe(true);
    for (let i = 0; i < 2; i += 1) expect((await service.request({ phone: phone(10 + i), scene: 'a', ip: '192.0.2.5' })).ok).toBe(true);
    expect(await service.request({ phone: phone(20), scene: 'a', ip: '192.0.2.5' })).toMatchObject({ limit: 'site-hourly' });
  });

  it('the human check runs first: a refused check consumes no limit', async () => {
    const seen: unknown[] = [];
    const { service } = harness({
      humanCheck: ({ proof }) => {
        seen.push(proof);
        return proof === 'good-token';
      },
    });
    for (let i = 0; i < 3; i += 1) expect(await service.request({ phone: phone(1), scene: 'a', ip: ip(1), human: 'bad' })).toMatchObject({ reason: 'human-check' });
    expect((await service.request({ phone: phone(1), scene: 'a', ip: ip(1), human: 'good-token' })).ok).toBe(true);
    expect(seen).toEqual(['bad', 'bad', 'bad', 'good-token']);
  });

  it('a human check that throws refuses, and the error reaches onError', async () => {
    const errors: string[] = [];
    const { service } = harness({ humanCheck: () => Promise.reject(new Error('captcha service down')), onError: (_, { operation }) => errors.push(operation) });
    expect(await service.request({ phone: phone(1), scene: 'a', ip: ip(1) })).toMatchObject({ reason: 'human-check' });
    expect(errors).toEqual(['humanCheck']);
  });

  it('alerts once when the day’s volume reaches the threshold, and again the next day', async () => {
    const alerts: unknown[] = [];
    const { service, clock } = harness({ limits: { ipHourly: false }, alert: { threshold: 3, notify: (alert) => void alerts.push(alert) } });
    for (let i = 0; i < 5; i += 1) await service.request({ phone: phone(i), scene: 'a' });
    clock.now += 24 * HOUR;
    for (let i = 0; i < 3; i += 1) await service.request({ phone: phone(i), scene: 'a' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(alerts).toEqual([
      { day: '2024-05-01', timeZone: 'Asia/Shanghai', count: 3, threshold: 3 },
      { day: '2024-05-02', timeZone: 'Asia/Shanghai', count: 3, threshold: 3 },
    ]);
  });
});

describe('the send log (SPEC §8)', () => {
  it('records sent and blocked requests with the number masked and the provider’s answer', async () => {
    const sendLog = new MemorySendLog();
    const { service } = harness({ stores: { sendLog }, templateCode: (scene) => `TPL-${scene}`, channel: 'primary' });
    const first = await service.request({ phone: phone(1), scene: 'login', ip: ip(1) });
    await service.request({ phone: phone(1), scene: 'login', ip: ip(1) });
    const [blocked, sent] = await sendLog.recent();
    expect(sent).toEqual({
      id: first.ok ? first.id : '',
      type: 'verification',
      channel: 'primary',
      phone: '139****0001',
      scene: 'login',
      templateCode: 'TPL-login',
      time: T0,
      result: 'sent',
      msgId: 'm1',
      ip: ip(1),
    });
    expect(blocked).toMatchObject({ result: 'blocked', remark: 'limit phone-scene' });
  });

  it('can leave blocked requests out and write numbers in full', async () => {
    const sendLog = new MemorySendLog();
    const { service } = harness({ stores: { sendLog }, logBlocked: false, maskPhone: (p) => p });
    await service.request({ phone: phone(1), scene: 'login', ip: ip(1) });
    await service.request({ phone: phone(1), scene: 'login', ip: ip(1) });
    expect(await sendLog.recent()).toMatchObject([{ result: 'sent', phone: phone(1) }]);
  });

  it('keeps at most its capacity', async () => {
    const sendLog = new MemorySendLog({ capacity: 3 });
    for (let i = 0; i < 100; i += 1) await sendLog.append({ id: String(i), type: 'verification', channel: 'c', phone: 'p', time: i, result: 'sent' });
    expect((await sendLog.recent(10)).map((record) => record.id)).toEqual(['99', '98', '97']);
  });
});

describe('options are checked at construction', () => {
  it.each([
    [{ limits: { phoneDaily: 0 } }, /phoneDaily/],
    [{ limits: { ipHourly: { max: 1.5 } } }, /ipHourly\.max/],
    [{ codeLength: 3 }, /codeLength/],
    [{ timeZone: 'Nowhere/Land' }, /IANA/],
    [{ alphabet: 'a' }, /alphabet/],
  ])('%j', (options, message) => {
    expect(() => harness(options)).toThrow(message);
  });
});
