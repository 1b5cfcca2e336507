import type { OtpStores } from '@smskit/otp';
import { redisOtpStores } from '@smskit/redis';
import { Redis } from 'ioredis';

/** The OTP stores of one run, and how to let go of them. */
export interface DemoOtpStores {
  /** `memory` (the OTP service's own in-process stores) or `redis`. */
  kind: 'memory' | 'redis';
  /** What to hand `OtpService`; undefined leaves it its in-memory stores. */
  stores: Partial<OtpStores> | undefined;
  /** Closes the Redis connection, if there is one. */
  close(): Promise<void>;
}

/**
 * In memory by default (one process; a restart forgets limits and codes), or Redis when
 * `redisUrl` is set — what several instances of an app behind a load balancer need.
 */
export function demoOtpStores(options: { redisUrl: string | undefined; keyPrefix?: string; log: (line: string) => void }): DemoOtpStores {
  const { redisUrl, log } = options;
  if (!redisUrl) return { kind: 'memory', stores: undefined, close: async () => {} };
  // while Redis is down, OtpService answers "unavailable" after its store timeout (2 s)
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  let lastError = '';
  redis.on('error', (error: Error) => {
    if (error.message !== lastError) log(`redis: ${error.message} (retrying)`);
    lastError = error.message;
  });
  redis.on('ready', () => (lastError = ''));
  return {
    kind: 'redis',
    stores: redisOtpStores({ redis, keyPrefix: options.keyPrefix ?? 'smskit-demo' }),
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
