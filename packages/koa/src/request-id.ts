import { randomUUID } from 'node:crypto';
import type { Context } from 'koa';

/**
 * The requestId of this request: a UUID made on first use and kept on `ctx.state.requestId`,
 * so the success answer, an error answer and the log line of one request all carry the same id
 * (the platform answers a `requestId` that its support can look up). A `requestId` already on
 * `ctx.state` (set by an upstream tracing middleware) is kept.
 */
export function requestIdOf(ctx: Pick<Context, 'state'>): string {
  const state = ctx.state;
  if (typeof state.requestId === 'string' && state.requestId !== '') return state.requestId;
  const id = randomUUID();
  state.requestId = id;
  return id;
}
