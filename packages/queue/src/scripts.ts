import { LuaScript } from '@smskit/redis';

/**
 * Whether a worker may send a chunk, decided once, atomically: `done` when it already ended
 * (the same send enqueued again, or a job retried after its record was written), `cancelled`,
 * `started` when a worker began sending it before and never recorded an end — it may have been
 * sent, so it must not be sent again — and otherwise `go`, marking it started.
 *
 * KEYS: meta, results, started. ARGV: bid, now.
 */
export const CLAIM_SCRIPT = new LuaScript(`
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return 'done' end
if redis.call('HGET', KEYS[1], 'cancelled') == '1' then return 'cancelled' end
if redis.call('HSETNX', KEYS[3], ARGV[1], ARGV[2]) == 0 then return 'started' end
return 'go'
`);

/**
 * Records how a chunk ended, once: a second record of the same bid changes nothing. Counts
 * its numbers by outcome in the same step.
 *
 * KEYS: results, counts. ARGV: bid, record JSON, sent, failed, unknown, cancelled.
 * Reply: 1 recorded, 0 already recorded.
 */
export const RECORD_SCRIPT = new LuaScript(`
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('HINCRBY', KEYS[2], 'chunks', 1)
redis.call('HINCRBY', KEYS[2], 'sent', ARGV[3])
redis.call('HINCRBY', KEYS[2], 'failed', ARGV[4])
redis.call('HINCRBY', KEYS[2], 'unknown', ARGV[5])
redis.call('HINCRBY', KEYS[2], 'cancelled', ARGV[6])
return 1
`);

/**
 * Records a receipt of one number, and settles its chunk when that was `unknown`: a receipt
 * proves the request reached the platform, so its numbers count as sent.
 *
 * KEYS: results, counts, receipts. ARGV: bid, msgId, phone, receipt JSON.
 * Reply: 1 when it settled the chunk, else 0.
 */
export const SETTLE_SCRIPT = new LuaScript(`
redis.call('HSET', KEYS[3], ARGV[3], ARGV[4])
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return 0 end
local record = cjson.decode(raw)
if record.status ~= 'unknown' then return 0 end
record.status = 'sent'
record.msgId = ARGV[2]
record.settledBy = 'receipt'
record.code = nil
record.reason = nil
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(record))
local n = #record.phones
redis.call('HINCRBY', KEYS[2], 'unknown', -n)
redis.call('HINCRBY', KEYS[2], 'sent', n)
return 1
`);
