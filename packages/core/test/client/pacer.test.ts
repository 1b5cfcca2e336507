import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestPacer } from '../../src/client/pacer.js';

/** Acquires `n` slots and records, on the fake clock, when each was granted. */
function grants(pacer: RequestPacer, n: number): number[] {
  const at: number[] = [];
  for (let i = 0; i < n; i++) void pacer.acquire().then(() => at.push(Date.now()));
  return at;
}

/** The most grants that fall in any window of `windowMs` (sliding, both ends inclusive of the start). */
function busiestWindow(times: readonly number[], windowMs: number): number {
  let most = 0;
  for (const start of times) most = Math.max(most, times.filter((t) => t >= start && t < start + windowMs).length);
  return most;
}

describe('RequestPacer: at most `max` in ANY window, on a fake clock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('spreads requests evenly at 1 per interval (requestsPerSecond with burst 1)', async () => {
    const pacer = new RequestPacer({ max: 1, windowMs: 1000 / 300 });
    const at = grants(pacer, 900);
    await vi.advanceTimersByTimeAsync(3000);
    expect(at).toHaveLength(900);
    expect(busiestWindow(at, 1000)).toBeLessThanOrEqual(301);
    expect(at.at(-1)! - at[0]!).toBeGreaterThanOrEqual(2990); // 899 intervals of 3.33 ms
  });

  it('lets the query limits through at once, then waits a full window (3 per 61 s)', async () => {
    const pacer = new RequestPacer({ max: 3, windowMs: 61_000 });
    const start = Date.now();
    const at = grants(pacer, 7);
    await vi.advanceTimersByTimeAsync(0);
    expect(at.map((t) => t - start)).toEqual([0, 0, 0]);
    await vi.advanceTimersByTimeAsync(60_999);
    expect(at).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(at.map((t) => t - start)).toEqual([0, 0, 0, 61_000, 61_000, 61_000]);
    await vi.advanceTimersByTimeAsync(61_000);
    expect(at.map((t) => t - start)).toEqual([0, 0, 0, 61_000, 61_000, 61_000, 122_000]);
  });

  it('never lets 2 × max through across a window edge (what a fixed window would)', async () => {
    const pacer = new RequestPacer({ max: 4, windowMs: 1000 });
    const at: number[] = [];
    const take = (n: number) => {
      for (let i = 0; i < n; i++) void pacer.acquire().then(() => at.push(Date.now()));
    };
    take(1);
    await vi.advanceTimersByTimeAsync(900);
    take(3); // late in the first window
    await vi.advanceTimersByTimeAsync(150);
    take(4); // early in the next one
    await vi.advanceTimersByTimeAsync(3000);
    expect(at).toHaveLength(8);
    expect(busiestWindow(at, 1000)).toBeLessThanOrEqual(4);
  });

  it('reserves each slot when asked: 101 requests at 10 ms intervals span exactly 1000 ms', async () => {
    const pacer = new RequestPacer({ max: 1, windowMs: 10 });
    const at = grants(pacer, 101);
    await vi.advanceTimersByTimeAsync(1000);
    expect(at).toHaveLength(101);
    expect(at.at(-1)! - at[0]!).toBe(1000);
  });

  it('an idle pacer grants at once again', async () => {
    const pacer = new RequestPacer({ max: 1, windowMs: 1000 });
    await pacer.acquire();
    await vi.advanceTimersByTimeAsync(5000);
    expect(pacer.delay()).toBe(0);
    const at = grants(pacer, 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(at).toHaveLength(1);
  });

  it('close() rejects the waiting requests and every later one', async () => {
    const pacer = new RequestPacer({ max: 1, windowMs: 60_000 });
    await pacer.acquire();
    const waiting = pacer.acquire();
    pacer.close();
    await expect(waiting).rejects.toMatchObject({ code: -1, retryable: false });
    await expect(pacer.acquire()).rejects.toMatchObject({ code: -1 });
  });

  it('rejects a limit that is not a whole number above 0', () => {
    expect(() => new RequestPacer({ max: 0, windowMs: 1000 })).toThrow(expect.objectContaining({ code: 40004 }));
    expect(() => new RequestPacer({ max: 1, windowMs: 0 })).toThrow(expect.objectContaining({ code: 40004 }));
  });
});
