import { SmsError } from '../errors.js';

/**
 * Remembers keys for a while and answers, atomically, whether a key is new: the store behind
 * replay protection (nonces) and push de-duplication. `@smskit/redis` implements it for many
 * instances; {@link MemoryNonceStore} is the embedded default.
 */
export interface NonceStore {
  /**
   * Records `key` for `ttlMs` and resolves `true` if it was not already recorded — one atomic
   * check-and-set, so two concurrent callers with the same key never both get `true`.
   */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /**
   * Forgets `key`, so that the next claim of it succeeds again: used to give back a claim whose
   * work failed (a push that could not be handled is then accepted when the platform repeats
   * it). Optional: without it, a failed key stays claimed until it expires.
   */
  release?(key: string): Promise<void>;
  /**
   * Claims many keys at once, as if each were claimed in turn (a key repeated in `keys` is new
   * only the first time): one round trip for a whole push instead of one per item. Resolves
   * one answer per key, in order; when it rejects, none of the keys stays claimed. Optional:
   * without it, callers claim the keys one by one.
   */
  claimMany?(keys: readonly string[], ttlMs: number): Promise<boolean[]>;
  /** Forgets many keys at once (see {@link NonceStore.release}). Optional, like `release`. */
  releaseMany?(keys: readonly string[]): Promise<void>;
}

/** Options of {@link MemoryNonceStore}. */
export interface MemoryNonceStoreOptions {
  /**
   * Most keys held at once, so memory stays bounded. For replay protection size it to the
   * request rate × the nonce lifetime (2 × the clock tolerance: 120 s by default).
   * @defaultValue 1_000_000
   */
  maxEntries?: number;
  /**
   * What a claim does when the store is full of live keys. `'refuse'` throws an `SmsError`
   * (-1, retryable): forgetting a live nonce would let its request be replayed, so replay
   * protection fails closed. `'evict-oldest'` forgets the oldest key instead, for
   * de-duplication, where a very old repeat being handled twice is the lesser harm.
   * @defaultValue `'refuse'`
   */
  whenFull?: 'refuse' | 'evict-oldest';
  /** The clock, in ms. @defaultValue `Date.now` */
  now?: () => number;
}

/**
 * An in-process {@link NonceStore}: a Map of key → expiry, swept as time passes. Good for one
 * instance; behind a load balancer use the Redis store, since each process sees only its own
 * nonces.
 */
export class MemoryNonceStore implements NonceStore {
  private readonly entries = new Map<string, number>();
  private readonly maxEntries: number;
  private readonly whenFull: 'refuse' | 'evict-oldest';
  private readonly now: () => number;
  private nextSweep = 0;

  constructor(options: MemoryNonceStoreOptions = {}) {
    this.maxEntries = options.maxEntries ?? 1_000_000;
    this.whenFull = options.whenFull ?? 'refuse';
    this.now = options.now ?? Date.now;
  }

  /** {@inheritDoc NonceStore.claim} */
  claim(key: string, ttlMs: number): Promise<boolean> {
    return Promise.resolve(this.claimSync(key, ttlMs));
  }

  /** {@inheritDoc NonceStore.release} */
  release(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }

  /** {@inheritDoc NonceStore.claimMany} */
  claimMany(keys: readonly string[], ttlMs: number): Promise<boolean[]> {
    const answers: boolean[] = [];
    try {
      for (const key of keys) answers.push(this.claimSync(key, ttlMs));
      return Promise.resolve(answers);
    } catch (error) {
      // A full store refused part-way: give back what this call claimed, so the caller's
      // retry of the whole batch is not taken for a repeat.
      answers.forEach((claimed, index) => claimed && this.entries.delete(keys[index] as string));
      return Promise.reject(error);
    }
  }

  /** {@inheritDoc NonceStore.releaseMany} */
  releaseMany(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
    return Promise.resolve();
  }

  /** The synchronous form of {@link MemoryNonceStore.claim}. */
  claimSync(key: string, ttlMs: number): boolean {
    const now = this.now();
    if (now >= this.nextSweep) this.sweep(now);
    const expiry = this.entries.get(key);
    if (expiry !== undefined && expiry > now) return false;
    if (expiry !== undefined) this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.sweep(now, true);
    while (this.entries.size >= this.maxEntries) {
      if (this.whenFull === 'refuse') {
        throw new SmsError({
          code: -1,
          message: `The nonce store is full (${this.maxEntries} live keys); the request is refused rather than replay protection weakened.`,
          hint: 'Raise MemoryNonceStore maxEntries to the request rate × the nonce lifetime, or use @smskit/redis’s RedisNonceStore.',
        });
      }
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(key, now + ttlMs);
    return true;
  }

  /** How many keys are held (expired ones may linger until the next sweep). */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Drops expired keys; runs at most once a second. Keys are kept in the order they were
   * claimed, and one store's keys share a lifetime, so the expired ones come first: the
   * periodic sweep stops at the first live key (walking a million live nonces every second
   * was a visible part of a verified request's cost). A store that is full sweeps everything,
   * in case keys of a shorter lifetime hide behind a longer one.
   */
  private sweep(now: number, everything = false): void {
    this.nextSweep = now + 1000;
    for (const [key, expiry] of this.entries) {
      if (expiry <= now) this.entries.delete(key);
      else if (!everything) break;
    }
  }
}
