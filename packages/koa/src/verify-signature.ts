import { SignatureVerifier, type SignatureVerifierOptions, type VerifyFailure, type VerifyResult } from '@smskit/core';
import type { Context, Middleware, Next } from 'koa';
import { answerPlatformError } from './platform-response.js';
import { readParsedBody, type BodyLimit } from './signable-body.js';
import { sourceIpReader } from './source-ip.js';

/**
 * Options of {@link verifySignature}: core's {@link @smskit/core!SignatureVerifierOptions}
 * (`credentials`, `nonceStore`, `toleranceMs`, `now`, with their defaults declared there once),
 * plus what is Koa's.
 */
export interface VerifySignatureOptions extends SignatureVerifierOptions {
  /** The `ctx.state` key the {@link @smskit/core!VerifyResult} is put under. @defaultValue `'sms'` */
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
   * How many proxies of yours stand in front of the app. `0`: the connection's peer is the
   * caller. `n`: the caller is the n-th `X-Forwarded-For` entry from the right — what your
   * outermost proxy saw. Koa's `app.proxy` is ignored on purpose: it makes `ctx.ip` the
   * leftmost entry, which the caller writes. Only make the app reachable through the proxies.
   * @defaultValue 0
   */
  trustedProxies?: number;
  /**
   * The caller's address, checked against `allowedIps`, when neither default fits (a
   * `Forwarded` header, a socket path). Replaces `trustedProxies`.
   * @defaultValue the connection's peer, or the address `trustedProxies` points at
   */
  sourceIp?: (ctx: Context) => string | undefined;
  /**
   * Called for every request that fails verification, e.g. to log `failure.reason` and the
   * canonical strings (neither holds the accessKey).
   */
  onFailure?: (failure: VerifyFailure, ctx: Context) => void;
}

/**
 * Koa middleware that verifies signed requests exactly as the platform does (SPEC §2), with
 * core's {@link @smskit/core!SignatureVerifier}: the body (an object, no `__proto__`, at most
 * 32 levels deep), the five `x-` headers, a known apiKey, the IP allowlist, the clock, the HMAC
 * over the body's top-level parameters in either canonical dialect, and the nonce. It works
 * after any body parser, or without one (it then reads the JSON body itself, up to `bodyLimit`).
 *
 * On success `ctx.state[key]` holds the {@link @smskit/core!VerifyResult} (`ok: true`, apiKey,
 * method, nonce, timestamp, dialect); read it with {@link verifiedCaller}. On failure it
 * answers the platform's JSON error (`{code, message, requestId}`, code 40004, 2000 or 2001)
 * with the catalogue's HTTP status, or, with `passthrough`, records the failure there and
 * calls the next middleware.
 *
 * @example
 * ```ts
 * app.use(verifySignature({ credentials: { [apiKey]: { accessKey } } }));
 * app.use((ctx) => { ctx.body = { caller: verifiedCaller(ctx)?.apiKey }; });
 * ```
 */
export function verifySignature(options: VerifySignatureOptions): Middleware {
  const verifier = new SignatureVerifier(options);
  const key = options.key ?? 'sms';
  const passthrough = options.passthrough ?? false;
  const bodyLimit = options.bodyLimit ?? '1mb';
  const sourceIp = options.sourceIp ?? sourceIpReader(options.trustedProxies);
  const onFailure = options.onFailure;

  return async function verifySmsSignature(ctx: Context, next: Next): Promise<void> {
    const read = await readParsedBody(ctx, bodyLimit);
    // A failing credentials lookup or nonce store is the server's fault, not the caller's: it
    // goes to the error handler (-1), never relabelled as a bad request.
    const result: VerifyResult = read.ok
      ? await verifier.verify({ headers: ctx.req.headers, body: read.body, sourceIp: sourceIp(ctx) })
      : { ok: false, code: 40004, check: 'body', reason: read.message, status: read.status };
    (ctx.state as Record<string, unknown>)[key] = result;
    if (result.ok) return next();
    onFailure?.(result, ctx);
    if (passthrough) return next();
    answerPlatformError(ctx, { code: result.code, message: result.reason, status: result.status });
  };
}
