import type { RateLimit } from '../endpoints.js';
import { SmsError } from '../errors.js';
import { queueForTurn, rejectWaiters, type Pacer, type Release, type Waiter } from './pacing.js';

/** Options of a {@link RateWindow}. */
export interface RateWindowOptions extends RateLimit {
  /** The clock, in ms. @defaultValue `Date.now` */
  now?: () => number;
}

/**
 * Keeps at most `max` requests AT THE PLATFORM in any window of `windowMs`, whatever window
 * the platform counts in and wherever its windows start.
 *
 * A request is known to have arrived somewhere between leaving and being answered. So it
 * counts from the moment it leaves until `windowMs` after its answer came: the next request in
 * line leaves only when fewer than `max` are counted. Counting from departure instead (a
 * sliding log) is not enough: when the first requests of a run are slowed by connection setup,
 * the platform's window opens late and the requests that catch up crowd into it — measured
 * against the sandbox, 313 arrivals in its first second at an even 300/s. This costs one
 * round-trip per window when the limit binds (300 requests per 1000 ms + latency).
 */
export class RateWindow implements Pacer {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  /** When recently answered requests were answered, oldest first. */
  private readonly answered: number[] = [];
  private head = 0;
  private inFlight = 0;
  private readonly queue: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(options: RateWindowOptions) {
    if (!(Number.isInteger(options.max) && options.max > 0) || !(options.windowMs > 0)) {
      throw new SmsError({ code: 40004, message: `A pacing limit needs a whole max ≥ 1 and a window > 0 ms, not ${options.max} per ${options.windowMs} ms.` });
    }
    this.limit = options.max;
    this.windowMs = options.windowMs;
    this.now = options.now ?? (() => Date.now());
  }

  /**
   * Resolves when the caller may send, with the function to call once the answer came.
   *
   * @throws {@link SmsError} (-1, not retryable) when the window is closed while waiting; the
   *   signal's reason when it aborts first.
   */
  acquire(signal?: AbortSignal): Promise<Release> {
    return queueForTurn({ queue: this.queue, closed: this.closed, signal, pump: () => this.pump() });
  }

  /** Rejects every waiting request and every later one. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    rejectWaiters(this.queue);
  }

  private counted(): number {
    const now = this.now();
    while (this.head < this.answered.length && (this.answered[this.head] as number) + this.windowMs <= now) this.head++;
    if (this.head > 1024 && this.head * 2 > this.answered.length) {
      this.answered.splice(0, this.head);
      this.head = 0;
    }
    return this.inFlight + this.answered.length - this.head;
  }

  private pump(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.queue.length > 0 && this.counted() < this.limit) {
      this.inFlight++;
      const waiter = this.queue.shift() as Waiter;
      waiter.detach();
      waiter.resolve(this.releaser());
    }
    // Otherwise wait for the oldest answer to leave the window (or for an answer to come).
    if (this.queue.length > 0 && this.head < this.answered.length) {
      this.timer = setTimeout(() => this.pump(), (this.answered[this.head] as number) + this.windowMs - this.now());
    }
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
      this.answered.push(this.now());
      if (!this.closed) this.pump();
    };
  }
}
