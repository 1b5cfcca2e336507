import { EXPIRED_CODE_GRACE_MS, type CodeAttempt, type CodeCheck, type CodePut, type CodeStore, type LimitConsumeRequest, type LimitDecision, type LimitStore } from '@smskit/core';
import { deadlineArg, LATE_BY_LUA, lateError } from './deadline.js';
import { keyPrefixOf, otpKey, type RedisKeyOptions } from './keyspace.js';
import { CONSUME_SCRIPT, consumeCall, decisionOf, RedisLimitStore } from './limit-store.js';
import { LuaScript, type RedisClient } from './lua-script.js';

/** Replaces the code under KEYS[1]. ARGV: id, hash, expiresAt, ttl ms. */
const PUT_SCRIPT = new LuaScript(`
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'h', ARGV[2], 'e', ARGV[3], 'w', 0)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`);

/**
 * Compares, then uses the code up or counts the wrong try — one atomic step. The comparison
 * ORs the XOR of every byte, so it takes the same time wherever the hashes differ.
 * ARGV: hash, now, maxAttempts, deadline (wall-clock ms, 0: none). Reply: {status, id |
 * attemptsLeft}, or {'late', ms} when run past the deadline, with nothing changed.
 */
const CHECK_SCRIPT = new LuaScript(`${LATE_BY_LUA}
local late = late_by(tonumber(ARGV[4]))
if late then return {'late', late} end
local held = redis.call('HMGET', KEYS[1], 'id', 'h', 'e')
if not held[1] then return {'missing'} end
if tonumber(ARGV[2]) >= tonumber(held[3]) then
  redis.call('DEL', KEYS[1])
  return {'expired'}
end
local stored, typed = held[2], ARGV[1]
local diff = 0
if #stored ~= #typed then diff = 1 end
for i = 1, #stored do
  diff = bit.bor(diff, bit.bxor(string.byte(stored, i), string.byte(typed, i) or 0))
end
if diff == 0 then
  redis.call('DEL', KEYS[1])
  return {'ok', held[1]}
end
local tries = redis.call('HINCRBY', KEYS[1], 'w', 1)
local max = tonumber(ARGV[3])
if tries >= max then
  redis.call('DEL', KEYS[1])
  return {'burnt'}
end
return {'mismatch', max - tries}
`);

/** Deletes KEYS[1] only if it still holds the code with id ARGV[1]. */
const DISCARD_SCRIPT = new LuaScript(`
if redis.call('HGET', KEYS[1], 'id') == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

/** The put arguments: id, hash, expiry, and a TTL a grace period past the expiry. */
function putArgs(code: CodePut): (string | number)[] {
  return [code.id, code.hash, Math.ceil(code.expiresAt), Math.max(1, Math.ceil(code.expiresAt - code.now + EXPIRED_CODE_GRACE_MS))];
}

/** Options of {@link RedisCodeStore}. */
export interface RedisCodeStoreOptions extends RedisKeyOptions {
  /** The ioredis client (or cluster). */
  redis: RedisClient;
}

/**
 * The Redis {@link CodeStore}: one hash per scene and number (`{<prefix>}:otp:code:<key>`)
 * holding the request id, the code's keyed hash, its expiry and the wrong tries so far. It
 * expires a grace period after the code does, so a late try is told "expired".
 */
export class RedisCodeStore implements CodeStore {
  private readonly redis: RedisClient;
  private readonly keyPrefix: string;
  private readonly key: (key: string) => string;

  constructor(options: RedisCodeStoreOptions) {
    this.redis = options.redis;
    this.keyPrefix = keyPrefixOf(options);
    this.key = otpKey(this.keyPrefix, 'code');
  }

  /** Keeps a code, replacing any earlier one under the same key. */
  async put(code: CodePut): Promise<void> {
    await PUT_SCRIPT.run(this.redis, { keys: [this.key(code.key)], args: putArgs(code) });
  }

  /**
   * With a {@link RedisLimitStore} on the same client and prefix: consumes the limits and, if
   * all pass, keeps the code, in one script. Any other limit store: `undefined` (two steps).
   */
  consumeAndPut(input: { limits: LimitStore; consume: LimitConsumeRequest; code: CodePut }): Promise<LimitDecision> | undefined {
    const { limits, consume, code } = input;
    if (!(limits instanceof RedisLimitStore) || !limits.sharesKeyspace({ redis: this.redis, keyPrefix: this.keyPrefix })) return undefined;
    const call = consumeCall(consume, otpKey(this.keyPrefix, 'limit'));
    call.keys.push(this.key(code.key));
    call.args.push(...putArgs(code));
    return CONSUME_SCRIPT.run(this.redis, call).then((reply) => decisionOf(reply, consume));
  }

  /** Compares in constant time and, atomically, uses the code up or counts a wrong try. */
  async check(attempt: CodeAttempt): Promise<CodeCheck> {
    const reply = (await CHECK_SCRIPT.run(this.redis, {
      keys: [this.key(attempt.key)],
      args: [attempt.hash, Math.floor(attempt.now), attempt.maxAttempts, deadlineArg(attempt.notAfter)],
    })) as [string, (string | number)?];
    switch (reply[0]) {
      case 'late':
        throw lateError(reply[1]);
      case 'ok':
        return { status: 'ok', id: String(reply[1]) };
      case 'mismatch':
        return { status: 'mismatch', attemptsLeft: Number(reply[1]) };
      case 'burnt':
        return { status: 'burnt' };
      case 'expired':
        return { status: 'expired' };
      default:
        return { status: 'missing' };
    }
  }

  /** Removes the code under `key`, but only if it is still the one with this `id`. */
  async discard(target: { key: string; id: string }): Promise<void> {
    await DISCARD_SCRIPT.run(this.redis, { keys: [this.key(target.key)], args: [target.id] });
  }
}
