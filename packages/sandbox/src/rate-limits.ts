import { answerPlatformError, verifiedCaller } from '@smskit/koa';
import type { Context, Middleware, Next } from 'koa';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** The rate-limited platform endpoints. */
export type LimitedEndpoint = 'send' | 'sendBatch' | 'receipts' | 'statistics' | 'balance';

/** A limit: at most `points` calls per `durationSec` seconds, per apiKey. */
export interface RateLimit {
  /** Calls allowed in a window. */
  points: number;
  /** The window, in seconds. */
  durationSec: number;
}

/**
 * The platform's documented limits per account (SPEC §3): about 300 sends a second, receipt
 * queries 3 a minute, statistics 4 a minute, the balance once in 15 s.
 */
export const DEFAULT_RATE_LIMITS: Readonly<Record<LimitedEndpoint, RateLimit>> = {
  send: { points: 300, durationSec: 1 },
  sendBatch: { points: 300, durationSec: 1 },
  receipts: { points: 3, durationSec: 60 },
  statistics: { points: 4, durationSec: 60 },
  balance: { points: 1, durationSec: 15 },
};

/**
 * Middleware answering 6000 (HTTP 429, with `Retry-After`) once the caller's apiKey
 * (`ctx.state.sms.apiKey`, set by `verifySignature`) passes `limit`.
 */
export function rateLimit(limit: RateLimit): Middleware {
  const limiter = new RateLimiterMemory({ points: limit.points, duration: limit.durationSec });
  return async function limitRate(ctx: Context, next: Next): Promise<void> {
    const apiKey = verifiedCaller(ctx)?.apiKey ?? ctx.ip;
    try {
      await limiter.consume(apiKey);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      ctx.set('Retry-After', String(seconds));
      answerPlatformError(ctx, { code: 6000, message: `Rate limit of ${limit.points} call(s) per ${limit.durationSec} s passed; retry in ${seconds} s.` });
      return;
    }
    await next();
  };
}
