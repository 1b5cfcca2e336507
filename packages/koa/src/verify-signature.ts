import {
  MemoryNonceStore,
  verifyRequest,
  type ApiCredentials,
  type CredentialsResolver,
  type NonceStore,
  type VerifyFailure,
  type VerifyResult,
} from '@smskit/core';
import type { Context, Middleware, Next } from 'koa';
import { answerPlatformError } from './platform-response.js';
import { readSignableBody, type BodyLimit } from './signable-body.js';

/** Options of {@link verifySignature}. */
export interface VerifySignatureOptions {
  /** The apiKey → credentials table, or a function that looks a key up (may be async). */
  credentials: Readonly<Record<string, ApiCredentials>> | CredentialsResolver;
  /**
   * Where seen nonces are remembered, for replay protection. `false` turns replay protection
   * off. Behind a load balancer, pass a shared store (`@smskit/redis`).
   * @defaultValue a new in-process `MemoryNonceStore`
   */
  nonceStore?: NonceStore | false;
  /** Accepted clock skew in either direction, in ms. @defaultValue 60_000 */
  toleranceMs?: number;
  /** The server clock, in ms. @defaultValue `Date.now` */
  now?: () => number;
  /** The `ctx.state` key the {@link VerifyResult} is put under. @defaultValue `'sms'` */
  key?: string;
  /**
   * Record a failed verification on `ctx.state[key]` (with `ok: false`) and go on to the next
   * middleware instead of answering the error.
   * @defaultValue false
   */
  passthrough?: boolean;
  /**
   * Largest body read when no body parser ran before this middleware.
   * @defaultValue `'1mb'`
   */
  bodyLimit?: BodyLimit;
  /**
   * The caller's address, checked against `allowedIps`. The default honours
   * `X-Forwarded-For` only when `app.proxy` is set, as Koa does.
   * @defaultValue `(ctx) => ctx.ip`
   */
  sourceIp?: (ctx: Context) => string | undefined;
  /**
   * Called for every request that fails verification, e.g. to log `failure.reason` and the
   * canonical strings (neither holds the accessKey).
   */
  onFailure?: (failure: VerifyFailure, ctx: Context) => void;
}

/**
 * Koa middleware that verifies signed requests exactly as the platform does (SPEC §2): the
 * five `x-` headers, a known apiKey, the IP allowlist, the clock, the HMAC over the body's
 * top-level parameters in either canonical dialect, and the nonce. It works after any body
 * parser, or without one (it then reads the JSON body itself, up to `bodyLimit`).
 *
 * On success `ctx.state[key]` holds the {@link VerifyResult} (`ok: true`, apiKey, method,
 * nonce, timestamp, dialect). On failure it answers the platform's JSON error
 * (`{code, message, requestId}`, code 40004, 2000 or 2001) with the catalogue's HTTP status,
 * or, with `passthrough`, records the failure there and calls the next middleware.
 *
 * @example
 * ```ts
 * app.use(verifySignature({ credentials: { [apiKey]: { accessKey } } }));
 * app.use((ctx) => { ctx.body = { caller: ctx.state.sms.apiKey }; });
 * ```
 */
export function verifySignature(options: VerifySignatureOptions): Middleware {
  const credentials = options.credentials;
  if (typeof credentials !== 'function' && (typeof credentials !== 'object' || credentials === null)) {
    throw new TypeError('verifySignature: options.credentials must be an apiKey → { accessKey } table or a resolver function.');
  }
  const nonceStore = options.nonceStore === false ? undefined : (options.nonceStore ?? new MemoryNonceStore());
  const toleranceMs = options.toleranceMs ?? 60_000;
  const now = options.now ?? Date.now;
  const key = options.key ?? 'sms';
  const passthrough = options.passthrough ?? false;
  const bodyLimit = options.bodyLimit ?? '1mb';
  const sourceIp = options.sourceIp ?? ((ctx: Context) => ctx.ip);
  const onFailure = options.onFailure;

  return async function verifySmsSignature(ctx: Context, next: Next): Promise<void> {
    const body = await readSignableBody(ctx, bodyLimit);
    let result: VerifyResult;
    let status: number | undefined;
    if (body.ok) {
      // A failing credentials lookup or nonce store is the server's fault, not the caller's: it
      // goes to the error handler (-1), never relabelled as a bad request.
      result = await verifyRequest({ headers: ctx.headers, body: body.params, credentials, sourceIp: sourceIp(ctx), nonceStore, toleranceMs, now });
    } else {
      result = { ok: false, code: 40004, check: 'headers', reason: body.message };
      status = body.status;
    }
    (ctx.state as Record<string, unknown>)[key] = result;
    if (result.ok) return next();
    onFailure?.(result, ctx);
    if (passthrough) return next();
    answerPlatformError(ctx, { code: result.code, message: result.reason, status });
  };
}
