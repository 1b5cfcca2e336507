import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateWindow } from '../../src/client/rate-window.js';
import type { Release } from '../../src/client/pacing.js';

describe('RateWindow: at most `max` at the platform in any window, on a fake clock', () => {
  let start = 0;
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    start = Date.now();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Asks `n` times; records when each was let through and keeps its release. */
  function ask(window: RateWindow, n: number) {
    const granted: number[] = [];
    const releases: Release[] = [];
    for (let i = 0; i < n; i++) {
      void window.acquire().then((release) => {
        granted.push(Date.now() - start);
        releases.push(release);
      });
    }
    return { granted, releases };
  }

  it('counts a request until a full window after its answer: the 4th of 3 per 60 s leaves 60 s after the 1st answer', async () => {
    const window = new RateWindow({ max: 3, windowMs: 60_000 });
    const { granted, releases } = ask(window, 4);
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toEqual([0, 0, 0]);
    await vi.advanceTimersByTimeAsync(5000);
    releases[0]?.(); // answered 5 s after leaving
    await vi.advanceTimersByTimeAsync(59_999);
    expect(granted).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toEqual([0, 0, 0, 65_000]);
  });

  it('a request still in flight keeps its place: nothing more leaves until an answer comes', async () => {
    const window = new RateWindow({ max: 2, windowMs: 1000 });
    const { granted, releases } = ask(window, 3);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(granted).toEqual([0, 0]);
    releases[1]?.();
    await vi.advanceTimersByTimeAsync(999);
    expect(granted).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toEqual([0, 0, 11_000]);
  });

  it('when the first answer is slow, the requests after it wait for it (the platform’s window opened late)', async () => {
    const window = new RateWindow({ max: 3, windowMs: 1000 });
    const { granted, releases } = ask(window, 4);
    await vi.advanceTimersByTimeAsync(10);
    releases[1]?.();
    releases[2]?.();
    await vi.advanceTimersByTimeAsync(90);
    releases[0]?.(); // the first request took 100 ms
    await vi.advanceTimersByTimeAsync(2000);
    expect(granted).toEqual([0, 0, 0, 1010]); // a slot freed 1000 ms after the earliest answer (10 ms)
  });

  it('a release called twice counts once', async () => {
    const window = new RateWindow({ max: 1, windowMs: 1000 });
    const { granted, releases } = ask(window, 3);
    await vi.advanceTimersByTimeAsync(0);
    releases[0]?.();
    releases[0]?.();
    await vi.advanceTimersByTimeAsync(1000);
    expect(granted).toEqual([0, 1000]);
  });

  it('close() rejects the waiting requests and every later one', async () => {
    const window = new RateWindow({ max: 1, windowMs: 1000 });
    await window.acquire();
    const waiting = window.acquire();
    window.close();
    await expect(waiting).rejects.toMatchObject({ code: -1, retryable: false });
    await expect(window.acquire()).rejects.toMatchObject({ code: -1 });
  });
});
