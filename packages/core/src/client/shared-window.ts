import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RateLimit } from '../endpoints.js';
import { SmsError } from '../errors.js';
import type { PacerDecision, PacerStore } from '../stores/pacer-store.js';
import { queueForTurn, rejectWaiters, type Pacer, type Release, type Waiter } from './pacing.js';
import { RateWindow } from './rate-window.js';

/** How long `failMode: 'open'` keeps to the in-process window before trying the store again. */
const STORE_RETRY_MS = 1000;
/** The longest a refused request waits before asking again: a release elsewhere may have made room. */
const POLL_MS = 50;

/** Options of a {@link SharedRateWindow}. */
export interface SharedRateWindowOptions {
  /** Where the count lives. */
  store: PacerStore;
  /** The limit's key in the store: the account and what it limits. */
  key: string;
  /** The limit. */
  limit: RateLimit;
  /** How long an unanswered request may count (longer than the client's exchange timeout plus the window). */
  leaseMs: number;
  /** The most one store call may take, in ms. */
  timeoutMs: number;
  /** `'closed'`: a request fails (-1, nothing sent) while the store is unreachable; `'open'`: an in-process window stands in. */
  failMode: 'closed' | 'open';
  /** Told of each store failure. */
  onError: (error: unknown) => void;
  /** The clock, in ms. */
  now: () => number;
}

/**
 * A {@link RateWindow} whose count lives in a {@link PacerStore}, so every process sending for
 * one account shares it: a request counts from when it may leave until a window after its
 * answer, whichever process sent it. Waiting requests of this process queue here in order and
 * only the first asks the store, so a full window costs one store call per wait, not one per
 * waiter.
 */
export class SharedRateWindow implements Pacer {
  private readonly queue: Waiter[] = [];
  private readonly instance = randomUUID().slice(0, 12);
  private readonly fallback: RateWindow;
  private seq = 0;
  private pumping = false;
  private closed = false;
  private storeDownUntil = Number.NEGATIVE_INFINITY;
  private wake: (() => void) | undefined;

  constructor(private readonly options: SharedRateWindowOptions) {
    this.fallback = new RateWindow({ ...options.limit, now: options.now });
  }

  /**
   * Resolves when the account has room, with the function to call once the answer came.
   *
   * @throws {@link SmsError} -1 (retryable, nothing sent) when the store does not answer and
   *   `failMode` is `'closed'`; -1 (not retryable) when closed while waiting; the signal's reason.
   */
  acquire(signal?: AbortSignal): Promise<Release> {
    return queueForTurn({ queue: this.queue, closed: this.closed, signal, pump: () => void this.pump() });
  }

  /** Rejects every waiting request and every later one. */
  close(): void {
    this.closed = true;
    this.fallback.close();
    this.wake?.();
    rejectWaiters(this.queue);
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0 && !this.closed) {
        if (this.options.now() < this.storeDownUntil) {
          this.standIn();
          continue;
        }
        const id = `${this.instance}:${++this.seq}`;
        const decision = await this.take(id);
        if (decision === undefined) continue;
        if (decision.ok) this.grant(id);
        else await this.pause(Math.min(Math.max(decision.retryAfterMs, 1), POLL_MS));
      }
    } finally {
      this.pumping = false;
    }
  }

  /** One store call; undefined when it failed (and the queue was handled by the fail mode). */
  private async take(id: string): Promise<PacerDecision | undefined> {
    const { store, key, limit, leaseMs, timeoutMs } = this.options;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the pacing store gave no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      // The deadline makes a call the store runs late (queued while reconnecting) take nothing.
      return await Promise.race([store.take({ key, id, max: limit.max, leaseMs, notAfter: Date.now() + timeoutMs }), late]);
    } catch (error) {
      this.options.onError(error);
      if (this.options.failMode === 'open') this.storeDownUntil = this.options.now() + STORE_RETRY_MS;
      else for (const waiter of this.queue.splice(0)) {
        waiter.detach();
        waiter.reject(storeUnavailable(error));
      }
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private grant(id: string): void {
    const waiter = this.queue.shift();
    const release = this.releaser(id);
    // The waiter gave up while the store answered: the room is given back at once.
    if (waiter === undefined || this.closed) return release();
    waiter.detach();
    waiter.resolve(release);
  }

  /** While the store is down (`failMode: 'open'`): the in-process window paces the queue. */
  private standIn(): void {
    const waiter = this.queue.shift() as Waiter;
    waiter.detach();
    this.fallback.acquire(waiter.signal).then(waiter.resolve, waiter.reject);
  }

  private async pause(ms: number): Promise<void> {
    await Promise.race([sleep(ms), new Promise<void>((resolve) => (this.wake = resolve))]);
    this.wake = undefined;
  }

  private releaser(id: string): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const { store, key, limit, onError } = this.options;
      // A failed release is safe: the request then counts until its lease runs out.
      store.release({ key, id, windowMs: limit.windowMs }).then(() => this.wake?.(), onError);
    };
  }
}

function storeUnavailable(cause: unknown): SmsError {
  return new SmsError({
    code: -1,
    message: 'The shared pacing store did not answer, so this request was not sent.',
    hint: 'Check that the store (e.g. Redis) is reachable; requests fail until it answers unless pacing.shared.failMode is "open".',
    retryable: true,
    cause,
    details: { outcome: 'failed', attempts: 0 },
  });
}
