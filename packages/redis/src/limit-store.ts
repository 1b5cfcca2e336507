import type { LimitConsumeRequest, LimitDecision, LimitRefusal, LimitStore } from '@smskit/otp';
import { keyPrefixOf, otpKey, type RedisKeyOptions } from './keyspace.js';
import { LuaScript, type RedisClient } from './lua-script.js';

/**
 * Checks every limit, then — only if none refuses — consumes each: one script, so one atomic
 * step on the server. Rolling windows are sorted sets of hit times (scored by ms, one member per
 * request id); fixed periods are INCR counters that expire when the period ends.
 *
 * ARGV: now, member, then per key: kind ('r' rolling | 'f' fixed), max (-1: count only),
 * window ms (rolling) or period end ms (fixed).
 * Reply: {1, count...} when granted; {0, index, retryAfterMs, ...} when refused.
 */
export const CONSUME_SCRIPT = new LuaScript(`
local now = tonumber(ARGV[1])
local member = ARGV[2]
local refused = {0}
for i = 1, #KEYS do
  local kind, max, param = ARGV[i * 3], tonumber(ARGV[i * 3 + 1]), tonumber(ARGV[i * 3 + 2])
  if kind == 'r' then
    redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - param)
    local count = redis.call('ZCARD', KEYS[i])
    if count >= max then
      local held = redis.call('ZRANGE', KEYS[i], count - max, count - max, 'WITHSCORES')
      refused[#refused + 1] = i
      refused[#refused + 1] = tonumber(held[2]) + param - now
    end
  elseif max >= 0 then
    local count = tonumber(redis.call('GET', KEYS[i]) or '0')
    if count >= max then
      refused[#refused + 1] = i
      refused[#refused + 1] = param - now
    end
  end
end
if #refused > 1 then return refused end
local granted = {1}
for i = 1, #KEYS do
  local kind, param = ARGV[i * 3], tonumber(ARGV[i * 3 + 2])
  if kind == 'r' then
    redis.call('ZADD', KEYS[i], now, member)
    redis.call('PEXPIRE', KEYS[i], param)
    granted[#granted + 1] = redis.call('ZCARD', KEYS[i])
  else
    granted[#granted + 1] = redis.call('INCR', KEYS[i])
    redis.call('PEXPIRE', KEYS[i], math.max(param - now, 1))
  end
end
return granted
`);

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
  private readonly key: (key: string) => string;

  constructor(options: RedisLimitStoreOptions) {
    this.redis = options.redis;
    this.key = otpKey(keyPrefixOf(options), 'limit');
  }

  /** Checks every limit and, only if all pass, consumes each once — one Lua script. */
  async consume(request: LimitConsumeRequest): Promise<LimitDecision> {
    const keys: string[] = [];
    const args: (string | number)[] = [Math.floor(request.now), request.id];
    for (const check of request.checks) {
      keys.push(this.key(check.key));
      if (check.kind === 'rolling') args.push('r', check.max, check.windowMs);
      else args.push('f', check.max ?? -1, Math.ceil(check.resetAt));
    }
    const reply = (await CONSUME_SCRIPT.run(this.redis, { keys, args })) as number[];
    if (reply[0] === 1) return { ok: true, counts: reply.slice(1) };
    const refusals: LimitRefusal[] = [];
    for (let i = 1; i + 1 < reply.length; i += 2) {
      const check = request.checks[(reply[i] as number) - 1];
      if (check) refusals.push({ name: check.name, retryAfterMs: reply[i + 1] as number });
    }
    return { ok: false, refusals };
  }
}
