import type { NonceStore } from '@smskit/core';
import { LuaScript, type RedisClient } from './lua-script.js';

/**
 * `SET key 1 PX ttl NX` for each of KEYS, in order. ARGV: ttl ms. Reply: 1 (new) or 0 per key.
 * One script per batch, so a push of a thousand items costs one round trip, not a thousand.
 */
const CLAIM_MANY_SCRIPT = new LuaScript(`
local answers = {}
for i = 1, #KEYS do
  if redis.call('SET', KEYS[i], '1', 'PX', ARGV[1], 'NX') then answers[i] = 1 else answers[i] = 0 end
end
return answers
`);

/** Keys per script call: bounds how long one call holds the server (Redis runs scripts alone). */
const CLAIM_BATCH = 1000;

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

  /**
   * Claims every key of a push in one round trip: one script per thousand keys, all sent at
   * once. On a Cluster, whose scripts cannot span slots, one `SET NX` per key, pipelined.
   */
  async claimMany(keys: readonly string[], ttlMs: number): Promise<boolean[]> {
    const ttl = Math.max(1, Math.ceil(ttlMs));
    const full = keys.map((key) => this.prefix + key);
    if (this.redis.isCluster) return this.claimEach(full, ttl);
    const batches: string[][] = [];
    for (let start = 0; start < full.length; start += CLAIM_BATCH) batches.push(full.slice(start, start + CLAIM_BATCH));
    const settled = await Promise.allSettled(batches.map((batch) => CLAIM_MANY_SCRIPT.run(this.redis, { keys: batch, args: [ttl] }) as Promise<number[]>));
    const failed = settled.find((outcome) => outcome.status === 'rejected');
    if (!failed) return settled.flatMap((outcome) => (outcome as PromiseFulfilledResult<number[]>).value).map((answer) => answer === 1);
    // Give back the batches that did claim, so the caller's retry is not taken for a repeat.
    const claimed = settled.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? (batches[index] as string[]).filter((_, i) => outcome.value[i] === 1) : []));
    if (claimed.length > 0) await this.redis.del(...claimed).catch(() => undefined);
    throw (failed as PromiseRejectedResult).reason;
  }

  /** Forgets many keys: one `DEL` (one per key on a Cluster, where keys span slots). */
  async releaseMany(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const full = keys.map((key) => this.prefix + key);
    if (this.redis.isCluster) await Promise.all(full.map((key) => this.redis.del(key)));
    else await this.redis.del(...full);
  }

  /** Claims one by one, all in flight; on a failure, gives back what was claimed and rethrows. */
  private async claimEach(full: string[], ttl: number): Promise<boolean[]> {
    const settled = await Promise.allSettled(full.map((key) => this.redis.set(key, '1', 'PX', ttl, 'NX')));
    const failed = settled.find((outcome) => outcome.status === 'rejected');
    if (!failed) return settled.map((outcome) => outcome.status === 'fulfilled' && outcome.value === 'OK');
    await Promise.allSettled(settled.map((outcome, index) => (outcome.status === 'fulfilled' && outcome.value === 'OK' ? this.redis.del(full[index] as string) : undefined)));
    throw (failed as PromiseRejectedResult).reason;
  }
}
