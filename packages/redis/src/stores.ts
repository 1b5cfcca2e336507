import { RedisCodeStore } from './code-store.js';
import type { RedisKeyOptions } from './keyspace.js';
import { RedisLimitStore } from './limit-store.js';
import type { RedisClient } from './lua-script.js';
import { RedisSendLog } from './send-log.js';

/** Options of {@link redisOtpStores}. */
export interface RedisOtpStoresOptions extends RedisKeyOptions {
  /** The ioredis client (or cluster). */
  redis: RedisClient;
  /** Most send-log records kept. @defaultValue 10_000 */
  sendLogCapacity?: number;
}

/** The stores {@link redisOtpStores} makes: what `OtpService`'s `stores` option takes. */
export interface RedisOtpStores {
  /** The limit counters. */
  limits: RedisLimitStore;
  /** The codes, by hash. */
  codes: RedisCodeStore;
  /** The send log. */
  sendLog: RedisSendLog;
}

/**
 * Every store an `OtpService` needs, on one Redis: `new OtpService({ stores: redisOtpStores({ redis }), ... })`.
 * The store interfaces live in `@smskit/core`, so this package needs `@smskit/otp` only where
 * the service itself runs.
 */
export function redisOtpStores(options: RedisOtpStoresOptions): RedisOtpStores {
  const shared = { redis: options.redis, keyPrefix: options.keyPrefix };
  return {
    limits: new RedisLimitStore(shared),
    codes: new RedisCodeStore(shared),
    sendLog: new RedisSendLog({ ...shared, capacity: options.sendLogCapacity }),
  };
}
