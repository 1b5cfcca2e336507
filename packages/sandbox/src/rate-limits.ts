import { describeRateLimit, PLATFORM_ENDPOINTS, RATE_LIMITED_ENDPOINTS, type RateLimit, type RateLimitedEndpoint } from '@smskit/core';
import { answerPlatformError, verifiedCaller } from '@smskit/koa';
import type { Context, Middleware, Next } from 'koa';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * The platform's documented limits per account, read from core's endpoint table (SPEC §3):
 * about 300 sends a second, receipt queries 3 a minute, statistics 4 a minute, the balance
 * once in 15 s.
 */
export const DEFAULT_RATE_LIMITS: Readonly<Record<RateLimitedEndpoint, RateLimit>> = Object.fromEntries(
  RATE_LIMITED_ENDPOINTS.map((endpoint) => [endpoint, PLATFORM_ENDPOINTS[endpoint].rateLimit]),
) as Record<RateLimitedEndpoint, RateLimit>;

/**
 * Middleware answering 6000 (HTTP 429, with `Retry-After`) once the caller's apiKey
 * (`ctx.state.sms.apiKey`, set by `verifySignature`) passes `limit`.
 */
export function rateLimit(limit: RateLimit): Middleware {
  if (!(Number.isInteger(limit.max) && limit.max > 0) || !(limit.windowMs > 0)) {
    throw new TypeError(`A rate limit needs a whole max ≥ 1 and a window > 0 ms, not ${String(limit.max)} per ${String(limit.windowMs)} ms.`);
  }
  const limiter = new RateLimiterMemory({ points: limit.max, duration: limit.windowMs / 1000 });
  const words = describeRateLimit(limit);
  return async function limitRate(ctx: Context, next: Next): Promise<void> {
    const apiKey = verifiedCaller(ctx)?.apiKey ?? ctx.ip;
    try {
      await limiter.consume(apiKey);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      ctx.set('Retry-After', String(seconds));
      answerPlatformError(ctx, { code: 6000, message: `Rate limit of ${words} passed; retry in ${seconds} s.` });
      return;
    }
    await next();
  };
}
