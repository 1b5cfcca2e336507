import type { VerifyResult, VerifySuccess } from '@smskit/core';
import type { Context } from 'koa';

// Types what smskit puts on `ctx.state` for every Koa app that imports @smskit/koa, so a
// handler reads `ctx.state.sms` without a cast (what koa-session and others do for their keys).
declare module 'koa' {
  interface DefaultState {
    /** What {@link verifySignature} recorded under its default key: the verified caller, or (with `passthrough`) the failure. */
    sms?: VerifyResult;
    /** This request's id (see {@link requestIdOf}). */
    requestId?: string;
  }
}

/**
 * The caller {@link verifySignature} verified for this request, or `undefined` when the request
 * was not verified (a route outside the middleware, or a failure let through by `passthrough`).
 * Pass the middleware's `key` if you changed it.
 *
 * @example
 * ```ts
 * app.use((ctx) => { ctx.body = { caller: verifiedCaller(ctx)?.apiKey }; });
 * ```
 */
export function verifiedCaller(ctx: Pick<Context, 'state'>, key = 'sms'): VerifySuccess | undefined {
  const recorded = (ctx.state as Record<string, unknown>)[key] as VerifyResult | undefined;
  return recorded !== undefined && recorded.ok ? recorded : undefined;
}
