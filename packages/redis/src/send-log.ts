import type { SendLogRecord, SendLogStore } from '@smskit/core';
import { keyPrefixOf, otpKey, type RedisKeyOptions } from './keyspace.js';
import { LuaScript, type RedisClient } from './lua-script.js';

/** LPUSH, trim to ARGV[2] records, and keep the list ARGV[3] ms past the last append. */
const APPEND_SCRIPT = new LuaScript(`
redis.call('LPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`);

/** Options of {@link RedisSendLog}. */
export interface RedisSendLogOptions extends RedisKeyOptions {
  /** The ioredis client (or cluster). */
  redis: RedisClient;
  /** Most records kept; the oldest go first. @defaultValue 10_000 */
  capacity?: number;
  /** The log expires this long after its last append. @defaultValue 30 days */
  retentionMs?: number;
}

/**
 * The Redis {@link SendLogStore}: a capped list of JSON records, newest first, at
 * `{<prefix>}:otp:log:records`. Push and trim run as one script, so the list never outgrows
 * its capacity, whatever the concurrency.
 */
export class RedisSendLog implements SendLogStore {
  private readonly redis: RedisClient;
  private readonly key: string;
  private readonly capacity: number;
  private readonly retentionMs: number;

  constructor(options: RedisSendLogOptions) {
    this.redis = options.redis;
    this.key = otpKey(keyPrefixOf(options), 'log')('records');
    this.capacity = options.capacity ?? 10_000;
    this.retentionMs = options.retentionMs ?? 30 * 86_400_000;
  }

  /** Adds a record, newest first, dropping the oldest past the capacity. */
  async append(record: SendLogRecord): Promise<void> {
    await APPEND_SCRIPT.run(this.redis, { keys: [this.key], args: [JSON.stringify(record), this.capacity, this.retentionMs] });
  }

  /** The newest records, newest first. */
  async recent(limit = 100): Promise<SendLogRecord[]> {
    const lines = await this.redis.lrange(this.key, 0, Math.max(0, Math.min(limit, this.capacity) - 1));
    const records: SendLogRecord[] = [];
    for (const line of lines) {
      try {
        const record = JSON.parse(line) as Partial<SendLogRecord> | null;
        // Only what has the fields a reader relies on (a panel's channel column among them).
        if (typeof record?.id === 'string' && typeof record.channel === 'string' && typeof record.time === 'number') records.push(record as SendLogRecord);
      } catch {
        // A line some other writer left: not ours to interpret.
      }
    }
    return records;
  }
}
