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
export declare class MemoryNonceStore implements NonceStore {
    private readonly entries;
    private readonly maxEntries;
    private readonly whenFull;
    private readonly now;
    private nextSweep;
    constructor(options?: MemoryNonceStoreOptions);
    /** {@inheritDoc NonceStore.claim} */
    claim(key: string, ttlMs: number): Promise<boolean>;
    /** {@inheritDoc NonceStore.release} */
    release(key: string): Promise<void>;
    /** The synchronous form of {@link MemoryNonceStore.claim}. */
    claimSync(key: string, ttlMs: number): boolean;
    /** How many keys are held (expired ones may linger until the next sweep). */
    get size(): number;
    /** Drops expired keys; runs at most once a second, so a claim stays O(1) amortised. */
    private sweep;
}
