import { describe, expect, it } from 'vitest';
import { MemoryLimitStore, type LimitCheck } from '../../src/index.js';

const perMinute = (key: string, max = 1): LimitCheck => ({ kind: 'rolling', name: `${key}-limit`, key, max, windowMs: 60_000 });

describe('MemoryLimitStore: all-or-nothing', () => {
  it('a refused request consumes none of its limits', () => {
    const store = new MemoryLimitStore();
    expect(store.consumeSync({ id: '1', now: 0, checks: [perMinute('b')] }).ok).toBe(true);
    // 'a' would pass but 'b' refuses, so 'a' must stay untouched.
    expect(store.consumeSync({ id: '2', now: 1, checks: [perMinute('a'), perMinute('b')] })).toEqual({ ok: false, refusals: [{ name: 'b-limit', retryAfterMs: 59_999 }] });
    expect(store.consumeSync({ id: '3', now: 2, checks: [perMinute('a')] })).toEqual({ ok: true, counts: [1] });
  });

  it('reports every refusing limit with its own retry time', () => {
    const store = new MemoryLimitStore();
    const fixed: LimitCheck = { kind: 'fixed', name: 'day', key: 'd', max: 1, resetAt: 500_000 };
    store.consumeSync({ id: '1', now: 0, checks: [perMinute('a'), fixed] });
    expect(store.consumeSync({ id: '2', now: 10_000, checks: [perMinute('a'), fixed] })).toEqual({
      ok: false,
      refusals: [
        { name: 'a-limit', retryAfterMs: 50_000 },
        { name: 'day', retryAfterMs: 490_000 },
      ],
    });
  });
});

describe('MemoryLimitStore: rolling windows are exact at every instant', () => {
  it('allows max hits in any window and retries when the oldest needed hit ages out', () => {
    const store = new MemoryLimitStore();
    const check = perMinute('k', 3);
    for (const now of [0, 10_000, 20_000]) expect(store.consumeSync({ id: String(now), now, checks: [check] }).ok).toBe(true);
    expect(store.consumeSync({ id: 'x', now: 59_999, checks: [check] })).toEqual({ ok: false, refusals: [{ name: 'k-limit', retryAfterMs: 1 }] });
    expect(store.consumeSync({ id: 'y', now: 60_000, checks: [check] })).toEqual({ ok: true, counts: [3] });
  });

  it('fixed counters reset at their period end and count-only checks never refuse', () => {
    const store = new MemoryLimitStore();
    const counter: LimitCheck = { kind: 'fixed', name: 'volume', key: 'v', resetAt: 1000 };
    expect(store.consumeSync({ id: '1', now: 0, checks: [counter] })).toEqual({ ok: true, counts: [1] });
    expect(store.consumeSync({ id: '2', now: 1, checks: [counter] })).toEqual({ ok: true, counts: [2] });
    expect(store.consumeSync({ id: '3', now: 1000, checks: [{ ...counter, resetAt: 2000 }] })).toEqual({ ok: true, counts: [1] });
  });

  it('drops counters whose window has passed, judged by the requests’ clock', () => {
    const store = new MemoryLimitStore();
    store.consumeSync({ id: '1', now: 0, checks: [perMinute('old')] });
    store.consumeSync({ id: '2', now: 3_600_000, checks: [perMinute('new')] });
    expect(store.size).toBe(1);
  });
});
