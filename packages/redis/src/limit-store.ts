import type { LimitConsumeRequest, LimitDecision, LimitRefusal, LimitStore } from '@smskit/core';
import { deadlineArg, LATE_BY_LUA, lateError } from './deadline.js';
import { keyPrefixOf, otpKey, type RedisKeyOptions } from './keyspace.js';
import { LuaScript, type RedisClient } from './lua-script.js';

/**
 * Checks every limit, then — only if none refuses — consumes each and, when a code key follows
 * the limit keys, keeps the code: one script, so one atomic step on the server. Rolling windows
 * are sorted sets of hit times (scored by ms, one member per request id); fixed periods are
 * INCR counters that expire when the period ends.
 *
 * KEYS: the n limit keys, then optionally the code key.
 * ARGV: deadline (wall-clock ms, 0: none), now, member, n, then per limit: kind ('r' rolling |
 * 'f' fixed), max (-1: count only), window ms (rolling) or period end ms (fixed); then, with a
 * code key: id, hash, expiresAt, ttl.
 * Reply: {1, count...} when granted; {0, index, retryAfterMs, ...} when refused; {-1, ms late}
 * when run past the deadline, with nothing changed.
 */
export const CONSUME_SCRIPT = new LuaScript(`${LATE_BY_LUA}
local late = late_by(tonumber(ARGV[1]))
if late then return {-1, late} end
local now = tonumber(ARGV[2])
local n = tonumber(ARGV[4])
local refused = {0}
local counts = {}
for i = 1, n do
  local kind, max, param = ARGV[i * 3 + 2], tonumber(ARGV[i * 3 + 3]), tonumber(ARGV[i * 3 + 4])
  local count
  if kind == 'r' then
    redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - param)
    count = redis.call('ZCARD', KEYS[i])
    if count >= max then
      local held = redis.call('ZRANGE', KEYS[i], count - max, count - max, 'WITHSCORES')
      refused[#refused + 1] = i
      refused[#refused + 1] = tonumber(held[2]) + param - now
    end
  else
    count = tonumber(redis.call('GET', KEYS[i]) or '0')
    if max >= 0 and count >= max then
      refused[#refused + 1] = i
      refused[#refused + 1] = param - now
    end
  end
  counts[i] = count
end
if #refused > 1 then return refused end
local granted = {1}
for i = 1, n do
  local param = tonumber(ARGV[i * 3 + 4])
  if ARGV[i * 3 + 2] == 'r' then
    redis.call('ZADD', KEYS[i], now, ARGV[3])
    redis.call('PEXPIRE', KEYS[i], param)
    granted[i + 1] = counts[i] + 1
  else
    local count = redis.call('INCR', KEYS[i])
    if count == 1 then redis.call('PEXPIRE', KEYS[i], math.max(param - now, 1)) end
    granted[i + 1] = count
  end
end
if #KEYS > n then
  local c = n * 3 + 5
  redis.call('HSET', KEYS[n + 1], 'id', ARGV[c], 'h', ARGV[c + 1], 'e', ARGV[c + 2], 'w', 0)
  redis.call('PEXPIRE', KEYS[n + 1], ARGV[c + 3])
end
return granted
`);

/** The keys and arguments of {@link CONSUME_SCRIPT} for one request (the code put left out). */
export function consumeCall(request: LimitConsumeRequest, key: (key: string) => string): { keys: string[]; args: (string | number)[] } {
  const keys: string[] = [];
  const args: (string | number)[] = [deadlineArg(request.notAfter), Math.floor(request.now), request.id, request.checks.length];
  for (const check of request.checks) {
    keys.push(key(check.key));
    if (check.kind === 'rolling') args.push('r', check.max, check.windowMs);
    else args.push('f', check.max ?? -1, Math.ceil(check.resetAt));
  }
  return { keys, args };
}

/** The script's reply as a {@link LimitDecision}; a late run (nothing applied) throws. */
export function decisionOf(reply: unknown, request: LimitConsumeRequest): LimitDecision {
  const values = reply as number[];
  if (values[0] === -1) throw lateError(values[1]);
  if (values[0] === 1) return { ok: true, counts: values.slice(1) };
  const refusals: LimitRefusal[] = [];
  for (let i = 1; i + 1 < values.length; i += 2) {
    const check = request.checks[(values[i] as number) - 1];
    if (check) refusals.push({ name: check.name, retryAfterMs: values[i + 1] as number });
  }
  return { ok: false, refusals };
}

/** Options of {@link RedisLimitStore}. */
export interface RedisLimitStoreOptions extends RedisKeyOptions {
  /** The ioredis client (or cluster). */
  redis: RedisClient;
}

/**
 * The Redis {@link LimitStore}: all limits of a request are checked and consumed by one Lua
 * script, so requests on any number of instances are counted exactly. Keys are
 * `{<prefix>}:otp:limit:<limit key>`; each expires when its window or period has passed.
 * Times come from the callers' clocks, so keep instances NTP-synchronised.
 */
export class RedisLimitStore implements LimitStore {
  private readonly redis: RedisClient;
  private readonly keyPrefix: string;
  private readonly key: (key: string) => string;

  constructor(options: RedisLimitStoreOptions) {
    this.redis = options.redis;
    this.keyPrefix = keyPrefixOf(options);
    this.key = otpKey(this.keyPrefix, 'limit');
  }

  /** Checks every limit and, only if all pass, consumes each once — one Lua script. */
  async consume(request: LimitConsumeRequest): Promise<LimitDecision> {
    return decisionOf(await CONSUME_SCRIPT.run(this.redis, consumeCall(request, this.key)), request);
  }

  /** True when `other` talks to the same client under the same prefix, so one script can reach both. */
  sharesKeyspace(other: { redis: RedisClient; keyPrefix: string }): boolean {
    return other.redis === this.redis && other.keyPrefix === this.keyPrefix;
  }
}
