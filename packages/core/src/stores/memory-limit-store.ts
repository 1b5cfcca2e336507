import type { LimitConsumeRequest, LimitDecision, LimitRefusal, LimitStore } from './limit-store.js';

interface RollingLog {
  /** Hit times, oldest first. */
  hits: number[];
  windowMs: number;
}

interface FixedCounter {
  count: number;
  resetAt: number;
}

/** How often stale counters are dropped. */
const SWEEP_EVERY_MS = 10_000;

/**
 * An in-process {@link LimitStore}. `consume` runs start to end synchronously, so within one
 * process it is a critical section: no other request can interleave between check and update.
 * Each process counts alone; behind a load balancer use `@smskit/redis`.
 */
export class MemoryLimitStore implements LimitStore {
  private readonly rolling = new Map<string, RollingLog>();
  private readonly fixed = new Map<string, FixedCounter>();
  private nextSweep = Number.NEGATIVE_INFINITY;

  /** {@inheritDoc LimitStore.consume} */
  consume(request: LimitConsumeRequest): Promise<LimitDecision> {
    return Promise.resolve(this.consumeSync(request));
  }

  /** The synchronous form of {@link MemoryLimitStore.consume}. */
  consumeSync(request: LimitConsumeRequest): LimitDecision {
    const { now, checks } = request;
    this.sweep(now);
    const refusals: LimitRefusal[] = [];
    for (const check of checks) {
      if (check.kind === 'rolling') {
        const log = this.liveLog({ key: check.key, windowMs: check.windowMs, now });
        const excess = log.hits.length - check.max;
        // The hit that must age out before one more fits is the (excess)-th oldest.
        if (excess >= 0) refusals.push({ name: check.name, retryAfterMs: (log.hits[excess] ?? now) + check.windowMs - now });
      } else if (check.max !== undefined) {
        const counter = this.fixed.get(check.key);
        const count = counter && counter.resetAt > now ? counter.count : 0;
        if (count >= check.max) refusals.push({ name: check.name, retryAfterMs: check.resetAt - now });
      }
    }
    if (refusals.length > 0) return { ok: false, refusals };

    const counts: number[] = [];
    for (const check of checks) {
      if (check.kind === 'rolling') {
        const log = this.liveLog({ key: check.key, windowMs: check.windowMs, now });
        log.hits.push(now);
        counts.push(log.hits.length);
      } else {
        const counter = this.fixed.get(check.key);
        if (counter && counter.resetAt > now) {
          counter.count += 1;
          counts.push(counter.count);
        } else {
          this.fixed.set(check.key, { count: 1, resetAt: check.resetAt });
          counts.push(1);
        }
      }
    }
    return { ok: true, counts };
  }

  /** How many counters are held (stale ones linger until the next sweep). */
  get size(): number {
    return this.rolling.size + this.fixed.size;
  }

  /** The log for `key` with hits older than the window dropped (created empty if new). */
  private liveLog(at: { key: string; windowMs: number; now: number }): RollingLog {
    let log = this.rolling.get(at.key);
    if (!log) {
      log = { hits: [], windowMs: at.windowMs };
      this.rolling.set(at.key, log);
    }
    log.windowMs = at.windowMs;
    const cutoff = at.now - at.windowMs;
    let stale = 0;
    while (stale < log.hits.length && (log.hits[stale] as number) <= cutoff) stale += 1;
    if (stale > 0) log.hits.splice(0, stale);
    return log;
  }

  /**
   * Drops counters with nothing left in their window, so memory follows live traffic. Judged by
   * the requests' own clock, so an injected clock and the sweep always agree.
   */
  private sweep(now: number): void {
    if (now >= this.nextSweep - SWEEP_EVERY_MS && now < this.nextSweep) return;
    this.nextSweep = now + SWEEP_EVERY_MS;
    for (const [key, log] of this.rolling) {
      const newest = log.hits[log.hits.length - 1];
      if (newest === undefined || newest <= now - log.windowMs) this.rolling.delete(key);
    }
    for (const [key, counter] of this.fixed) {
      if (counter.resetAt <= now) this.fixed.delete(key);
    }
  }
}
