import { requestIdOf, verifiedCaller } from '@smskit/koa';
import type { Context, Middleware, Next } from 'koa';

/** One line of the sandbox's request log: no header values, no bodies, never a secret. */
export interface RequestLogEntry {
  /** When the request ended, ISO 8601. */
  time: string;
  /** HTTP method. */
  method: string;
  /** The path, without query. */
  path: string;
  /** HTTP status answered. */
  status: number;
  /** The platform code answered, when the body had one. */
  code?: number;
  /** The message answered with a failure code (what went wrong, never a secret). */
  message?: string;
  /** The verified caller. */
  apiKey?: string;
  /** The requestId answered. */
  requestId: string;
  /** Time spent, in ms. */
  ms: number;
}

/** Middleware that hands one {@link RequestLogEntry} per request to `log`. */
export function requestLog(log: (entry: RequestLogEntry) => void): Middleware {
  return async function logRequest(ctx: Context, next: Next): Promise<void> {
    const started = performance.now();
    try {
      await next();
    } finally {
      const body = ctx.body as { code?: unknown; message?: unknown } | undefined;
      const code = typeof body?.code === 'number' ? body.code : undefined;
      const entry: RequestLogEntry = {
        time: new Date().toISOString(),
        method: ctx.method,
        path: ctx.path,
        status: ctx.status,
        requestId: requestIdOf(ctx),
        ms: Math.round((performance.now() - started) * 10) / 10,
      };
      if (code !== undefined) entry.code = code;
      if (code !== undefined && code !== 200 && typeof body?.message === 'string') entry.message = body.message;
      const caller = verifiedCaller(ctx);
      if (caller) entry.apiKey = caller.apiKey;
      log(entry);
    }
  };
}
