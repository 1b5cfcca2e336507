import { createHash } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';

/** An ioredis client: a single server (`Redis`) or a cluster (`Cluster`). */
export type RedisClient = Redis | Cluster;

/**
 * A Lua script run by its SHA (EVALSHA), loaded on first use: the whole script runs as one
 * atomic step on the server, which is what makes each check-and-update exact. On `NOSCRIPT`
 * (a fresh server, a failover, SCRIPT FLUSH) it is sent once in full with EVAL, which caches
 * it again. Unlike `defineCommand`, it adds nothing to the caller's client.
 */
export class LuaScript {
  /** The script's SHA1, as EVALSHA and `redis-benchmark` address it. */
  readonly sha: string;

  /** @param source - The Lua source, kept to resend after a `NOSCRIPT`. */
  constructor(readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  /** Runs the script on `keys` with `args`. */
  async run(redis: RedisClient, call: { keys: readonly string[]; args: readonly (string | number)[] }): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, call.keys.length, ...call.keys, ...call.args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.source, call.keys.length, ...call.keys, ...call.args);
    }
  }
}
