import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redisAnswers } from '@smskit/test-support';
import { Redis, type RedisOptions } from 'ioredis';

/** The Redis the tests use: REDIS_URL, or the usual local one. */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Whether a Redis answers. Locally a missing Redis skips these tests with a message; in CI
 * (`CI` set) it is a failure, so a broken CI setup cannot pass by testing nothing.
 */
export const redisAvailable = await redisAnswers(REDIS_URL);
if (!redisAvailable) {
  if (process.env.CI) throw new Error(`@smskit/redis tests need Redis, and none answers at ${REDIS_URL} (CI is set, so this fails instead of skipping).`);
  console.warn(`\n  @smskit/redis: no Redis answers at ${REDIS_URL}; skipping the Redis tests. Start redis-server or set REDIS_URL.\n`);
}

/**
 * Whether the fault tests can start a redis-server of their own. Like a missing Redis, a
 * missing binary skips them locally and fails them in CI.
 */
export const canSpawnRedis = redisAvailable && spawnSync('redis-server', ['--version']).status === 0;
if (redisAvailable && !canSpawnRedis) {
  if (process.env.CI) throw new Error('The @smskit/redis fault tests need the redis-server binary on PATH (CI is set, so this fails instead of skipping).');
  console.warn('\n  @smskit/redis: redis-server is not on PATH; skipping the fault tests, which stop and restart a server of their own.\n');
}

/** A fresh key prefix per call, so concurrent runs never see each other's keys. */
export function uniquePrefix(): string {
  return `smskit-test-${process.pid}-${randomUUID().slice(0, 8)}`;
}

/** A client that never logs "unhandled error event" to the console. */
export function connect(options: RedisOptions = {}, url = REDIS_URL): Redis {
  const redis = new Redis(url, options);
  redis.on('error', () => undefined);
  return redis;
}

/** Deletes every key holding `prefix`. */
export async function removeKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `*${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
}

/** Every key holding `prefix`. */
export async function keysOf(redis: Redis, prefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `*${prefix}*`, 'COUNT', 1000);
    cursor = next;
    found.push(...keys);
  } while (cursor !== '0');
  return found.sort();
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A throwaway redis-server of our own, to stop and start without touching the shared one. */
export class ThrowawayRedis {
  private child: ChildProcess | undefined;
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<ThrowawayRedis> {
    // Its own folder, so a SAVE (to keep data across a restart) writes nothing into the repo.
    const server = new ThrowawayRedis(await freePort(), await mkdtemp(join(tmpdir(), 'smskit-redis-')));
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir], { stdio: 'ignore' });
    this.child = child;
    for (let i = 0; i < 200; i += 1) {
      if (await redisAnswers(this.url)) return;
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode} on port ${this.port}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`redis-server did not answer on port ${this.port}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }
}
