/** Options shared by the Redis stores. */
export interface RedisKeyOptions {
  /**
   * What every key starts with, so several apps (or test runs) can share one Redis.
   * @defaultValue `'smskit'`
   */
  keyPrefix?: string;
}

/**
 * The keys of the OTP stores: `{<prefix>}:otp:<store>:<key>`. The braces are a Redis Cluster
 * hash tag: every key of one service hashes to the same slot, because one limit check touches
 * the number's, the IP's and the site's counters in a single script, and a script may only
 * touch keys of one slot. The cost is that one service's OTP keys live on one cluster node —
 * ample at SMS rates (a node does ~100k script calls/s; the platform takes ~300 sends/s). To
 * spread several services over a cluster, give each its own prefix.
 */
export function otpKey(prefix: string, store: string): (key: string) => string {
  const head = `{${prefix}}:otp:${store}:`;
  return (key) => head + key;
}

/** The prefix in force. */
export function keyPrefixOf(options: RedisKeyOptions): string {
  const prefix = options.keyPrefix ?? 'smskit';
  if (prefix === '' || /[{}]/.test(prefix)) throw new RangeError('keyPrefix must be non-empty and hold no braces (the stores add the hash tag themselves).');
  return prefix;
}
