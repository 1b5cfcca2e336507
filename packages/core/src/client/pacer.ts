import type { RateLimit } from '../endpoints.js';
import { SmsError } from '../errors.js';
import { onAbort, pacerClosedError, type Pacer, type Release } from './pacing.js';

/** Options of a {@link RequestPacer}: at most `max` requests leave in any window of `windowMs`. */
export interface RequestPacerOptions extends RateLimit {
  /** The clock, in ms. @defaultValue `Date.now` */
  now?: () => number;
}

interface Waiter {
  timer: ReturnType<typeof setTimeout>;
  reject: (error: unknown) => void;
  detach: () => void;
}

/**
 * Lets at most `max` requests leave in ANY window of `windowMs` (a sliding log of departure
 * slots), queuing the rest in order; with `max` 1 it spaces requests evenly. The client uses
 * it for the overall request rate, together with a {@link RateWindow} that bounds what reaches
 * the platform.
 *
 * Hand-written rather than rate-limiter-flexible's `RateLimiterQueue`: its memory limiter
 * counts fixed windows, which let `2 × max` requests through across a window edge (the end
 * of one window and the start of the next) — exactly what a server counting in sliding windows
 * answers with 6000 — and it reads `Date.now` with no way to inject a clock for tests.
 *
 * Each request reserves its slot when it asks (`slot = max(now, slot of the request `max`
 * places earlier + windowMs)`), so a timer that fires late does not push later slots back:
 * the schedule keeps its rate over a long run.
 */
export class RequestPacer implements Pacer {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  /** The last `max` slots, as a ring. */
  private readonly slots: number[];
  private next = 0;
  private readonly waiters = new Set<Waiter>();
  private closed = false;

  constructor(options: RequestPacerOptions) {
    if (!(Number.isInteger(options.max) && options.max > 0) || !(options.windowMs > 0)) {
      throw new SmsError({ code: 40004, message: `A pacing limit needs a whole max ≥ 1 and a window > 0 ms, not ${options.max} per ${options.windowMs} ms.` });
    }
    this.limit = options.max;
    this.windowMs = options.windowMs;
    this.now = options.now ?? (() => Date.now());
    this.slots = new Array<number>(options.max).fill(Number.NEGATIVE_INFINITY);
  }

  /** How long a request asking now would wait, in ms (0 when it could leave at once). */
  delay(): number {
    return Math.max(0, (this.slots[this.next] as number) + this.windowMs - this.now());
  }

  /**
   * Resolves when the caller may send (with a release that does nothing: departures alone count here).
   *
   * @throws {@link SmsError} (-1, not retryable) when the pacer is closed while waiting; the
   *   signal's reason when it aborts first (the slot stays taken: a late start is harmless).
   */
  acquire(signal?: AbortSignal): Promise<Release> {
    if (this.closed) return Promise.reject(pacerClosedError());
    if (signal?.aborted) return Promise.reject(signal.reason);
    const now = this.now();
    const slot = Math.max(now, (this.slots[this.next] as number) + this.windowMs);
    this.slots[this.next] = slot;
    this.next = (this.next + 1) % this.limit;
    const wait = slot - now;
    if (wait <= 0) return Promise.resolve(noRelease);
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          waiter.detach();
          resolve(noRelease);
        }, wait),
        detach: onAbort(signal, (reason) => {
          clearTimeout(waiter.timer);
          this.waiters.delete(waiter);
          reject(reason);
        }),
      };
      this.waiters.add(waiter);
    });
  }

  /** Rejects every waiting request and every later one. */
  close(): void {
    this.closed = true;
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.detach();
      waiter.reject(pacerClosedError());
    }
    this.waiters.clear();
  }
}

const noRelease: Release = () => undefined;
