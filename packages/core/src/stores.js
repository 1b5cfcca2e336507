import { SmsError } from './errors.js';
/**
 * An in-process {@link NonceStore}: a Map of key → expiry, swept as time passes. Good for one
 * instance; behind a load balancer use the Redis store, since each process sees only its own
 * nonces.
 */
export class MemoryNonceStore {
    entries = new Map();
    maxEntries;
    whenFull;
    now;
    nextSweep = 0;
    constructor(options = {}) {
        this.maxEntries = options.maxEntries ?? 1_000_000;
        this.whenFull = options.whenFull ?? 'refuse';
        this.now = options.now ?? Date.now;
    }
    /** {@inheritDoc NonceStore.claim} */
    claim(key, ttlMs) {
        return Promise.resolve(this.claimSync(key, ttlMs));
    }
    /** {@inheritDoc NonceStore.release} */
    release(key) {
        this.entries.delete(key);
        return Promise.resolve();
    }
    /** The synchronous form of {@link MemoryNonceStore.claim}. */
    claimSync(key, ttlMs) {
        const now = this.now();
        if (now >= this.nextSweep)
            this.sweep(now);
        const expiry = this.entries.get(key);
        if (expiry !== undefined && expiry > now)
            return false;
        if (expiry !== undefined)
            this.entries.delete(key);
        if (this.entries.size >= this.maxEntries)
            this.sweep(now);
        while (this.entries.size >= this.maxEntries) {
            if (this.whenFull === 'refuse') {
                throw new SmsError({
                    code: -1,
                    message: `The nonce store is full (${this.maxEntries} live keys); the request is refused rather than replay protection weakened.`,
                    hint: 'Raise MemoryNonceStore maxEntries to the request rate × the nonce lifetime, or use @smskit/redis’s RedisNonceStore.',
                });
            }
            const oldest = this.entries.keys().next();
            if (oldest.done)
                break;
            this.entries.delete(oldest.value);
        }
        this.entries.set(key, now + ttlMs);
        return true;
    }
    /** How many keys are held (expired ones may linger until the next sweep). */
    get size() {
        return this.entries.size;
    }
    /** Drops expired keys; runs at most once a second, so a claim stays O(1) amortised. */
    sweep(now) {
        this.nextSweep = now + 1000;
        for (const [key, expiry] of this.entries) {
            if (expiry <= now)
                this.entries.delete(key);
        }
    }
}
//# sourceMappingURL=stores.js.map