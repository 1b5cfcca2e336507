import { errorAnswer, type PlatformErrorBody } from '@smskit/core';
import type { Context, Middleware, Next } from 'koa';
import { requestIdOf } from './request-id.js';

/** Options of {@link platformErrors}. */
export interface PlatformErrorsOptions {
  /**
   * Called with every error this middleware answers, after the answer is set: the place to log.
   * `answered` is what the caller got; `error` is the original, which may hold details that
   * must not reach the caller (that is why they do not).
   * @defaultValue emits Koa's `'error'` event for answers with code -1 (Koa logs those to
   *   stderr) and stays quiet for client errors
   */
  onError?: (event: { error: unknown; answered: PlatformErrorBody; status: number; ctx: Context }) => void;
}

/**
 * Koa middleware that turns every error thrown below it into the platform's JSON shape
 * `{code, message, requestId}` through core's {@link @smskit/core!errorAnswer} (the mapping
 * `@smskit/nestjs` uses too): an `SmsError` keeps its code and message; a client error from
 * Koa or a body parser (bad JSON, body too large) becomes 40004 with its 4xx status; anything
 * else becomes -1 (HTTP 503) with a generic message, so no stack trace, internal detail or
 * secret reaches the caller. Put it first.
 *
 * @example
 * ```ts
 * app.use(platformErrors());
 * app.use(bodyParser());
 * app.use(verifySignature({ credentials }));
 * ```
 */
export function platformErrors(options: PlatformErrorsOptions = {}): Middleware {
  const onError = options.onError ?? defaultOnError;
  return async function mapPlatformErrors(ctx: Context, next: Next): Promise<void> {
    try {
      await next();
    } catch (error) {
      if (ctx.headerSent || !ctx.writable) throw error;
      const { status, body } = errorAnswer(error, requestIdOf(ctx));
      // headers set by the failed handler (a half-written download, say) must not survive
      for (const name of Object.keys(ctx.response.headers)) ctx.remove(name);
      ctx.status = status;
      ctx.body = body;
      onError({ error, answered: body, status, ctx });
    }
  };
}

function defaultOnError(event: { error: unknown; answered: PlatformErrorBody; ctx: Context }): void {
  if (event.answered.code !== -1) return;
  // Koa's own listener throws on a non-Error, which would turn this answer into a 500
  const error = event.error instanceof Error ? event.error : new Error(`Non-error thrown: ${typeof event.error}`);
  event.ctx.app.emit('error', error, event.ctx);
}

