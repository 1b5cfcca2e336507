import type { PacerDecision, PacerReleaseRequest, PacerStore, PacerTakeRequest } from '@smskit/core';
import { deadlineArg, LATE_BY_LUA, lateError } from './deadline.js';
import { keyPrefixOf, type RedisKeyOptions } from './keyspace.js';
import { LuaScript, type RedisClient } from './lua-script.js';

/**
 * Takes room under one account-wide limit. The key is a sorted set of the requests that count,
 * each scored by when it stops counting: its lease while unanswered, a window after its answer
 * once released. Times come from the server's clock (TIME), so instances whose clocks differ
 * still share one window; only the deadline is the caller's wall clock.
 *
 * KEYS: the limit's key. ARGV: deadline (ms, 0: none), max, lease ms, id.
 * Reply: {1} taken; {0, ms until the oldest stops counting} full; {-1, ms late} nothing applied.
 */
export const PACER_TAKE_SCRIPT = new LuaScript(`${LATE_BY_LUA}
local late = late_by(tonumber(ARGV[1]))
if late then return {-1, late} end
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local max, lease = tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local count = redis.call('ZCARD', KEYS[1])
if count >= max then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, math.max(tonumber(oldest[2]) - now, 1)}
end
redis.call('ZADD', KEYS[1], now + lease, ARGV[4])
redis.call('PEXPIRE', KEYS[1], lease)
return {1}
`);

/**
 * A request's answer came: it counts until a window from now (never longer than it already
 * did: a release cannot extend a lease). Unknown ids — forgotten after their lease — stay
 * forgotten (ZADD XX).
 *
 * KEYS: the limit's key. ARGV: window ms, id.
 */
export const PACER_RELEASE_SCRIPT = new LuaScript(`
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], 'XX', 'LT', now + tonumber(ARGV[1]), ARGV[2])
return 1
`);

/** Options of {@link RedisPacerStore}. */
export interface RedisPacerStoreOptions extends RedisKeyOptions {
  /** The ioredis client (or cluster). */
  redis: RedisClient;
}

/**
 * The Redis {@link PacerStore}: every process sending for one account shares its request rate
 * and its query limits, with the guarantee of core's in-process `RateWindow` (a request counts
 * until a window after its answer). Each decision is one Lua script; a script run past its
 * deadline (queued while ioredis reconnected) takes nothing. Keys are
 * `{<prefix>}:pace:<account>:<limit>`, each a sorted set that expires with its last request.
 *
 * @example
 * ```ts
 * const client = new SmsClient({ apiKey, accessKey, pacing: { shared: { store: new RedisPacerStore({ redis }) } } });
 * ```
 */
export class RedisPacerStore implements PacerStore {
  private readonly redis: RedisClient;
  private readonly head: string;

  constructor(options: RedisPacerStoreOptions) {
    this.redis = options.redis;
    this.head = `{${keyPrefixOf(options)}}:pace:`;
  }

  /** Counts one more request if there is room — one Lua script. */
  async take(request: PacerTakeRequest): Promise<PacerDecision> {
    const reply = (await PACER_TAKE_SCRIPT.run(this.redis, {
      keys: [this.head + request.key],
      args: [deadlineArg(request.notAfter), request.max, Math.ceil(request.leaseMs), request.id],
    })) as number[];
    if (reply[0] === -1) throw lateError(reply[1]);
    return reply[0] === 1 ? { ok: true } : { ok: false, retryAfterMs: reply[1] as number };
  }

  /** Keeps the request counted for one window from now — one Lua script. */
  async release(request: PacerReleaseRequest): Promise<void> {
    await PACER_RELEASE_SCRIPT.run(this.redis, { keys: [this.head + request.key], args: [Math.ceil(request.windowMs), request.id] });
  }
}
