import type { NonceStore } from '@smskit/core';
import type { RedisClient } from './lua-script.js';

/** Options of {@link RedisNonceStore}. */
export interface RedisNonceStoreOptions {
  /** The ioredis client (or cluster). */
  redis: RedisClient;
  /**
   * What every key starts with; use a different one for replay nonces and for push
   * de-duplication.
   * @defaultValue `'smskit:nonce'`
   */
  keyPrefix?: string;
}

/**
 * The Redis {@link NonceStore} of `@smskit/core`: `SET key 1 NX PX ttl` is the atomic "is this
 * new? record it", and the key expires by itself. Serves replay protection (nonces) and
 * receipt/push de-duplication alike. One key per claim, so keys spread over a cluster freely.
 */
export class RedisNonceStore implements NonceStore {
  private readonly redis: RedisClient;
  private readonly prefix: string;

  constructor(options: RedisNonceStoreOptions) {
    this.redis = options.redis;
    this.prefix = `${options.keyPrefix ?? 'smskit:nonce'}:`;
  }

  /** Records `key` for `ttlMs`; resolves `true` only for the first claim within that time. */
  async claim(key: string, ttlMs: number): Promise<boolean> {
    const reply = await this.redis.set(this.prefix + key, '1', 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX');
    return reply === 'OK';
  }

  /**
   * Forgets `key`, so its next claim succeeds: a push whose handling failed is accepted again
   * when the platform repeats it.
   */
  async release(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}
