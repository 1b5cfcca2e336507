import { signableParams, type SignableParams } from '@smskit/core';
import inflate from 'inflation';
import getRawBody from 'raw-body';
import type { Context } from 'koa';

/** Body size accepted when smskit reads the body itself: bytes, or a string like `'1mb'`. */
export type BodyLimit = number | string;

/** The body as a signable object, or why it cannot be one (a 4xx answer with code 40004). */
export type SignableBodyResult =
  | {
      /** The body is a usable parameter object. */
      ok: true;
      /** Its top-level parameters. */
      params: SignableParams;
    }
  | {
      /** The body was refused. */
      ok: false;
      /** The HTTP status to answer (400, 413, 415). */
      status: number;
      /** Why, for the caller. */
      message: string;
    };

/** The body as parsed, before core's gate; what the verifier and the push inbox take. */
export type ParsedBodyResult = { ok: true; body: unknown } | { ok: false; status: number; message: string };

interface ParsedRequest {
  body?: unknown;
  rawBody?: string;
}

/**
 * The request body's top-level parameters, whichever body parser ran before (its
 * `ctx.request.body` is used as it is) or none: then the body is read here (raw-body, with
 * gzip/deflate/br undone by inflation) and parsed as JSON, up to `limit`, and left on
 * `ctx.request.body` / `ctx.request.rawBody` as `@koa/bodyparser` would. The result passes
 * core's {@link @smskit/core!signableParams} (an object, no `__proto__`, bounded depth).
 */
export async function readSignableBody(ctx: Context, limit: BodyLimit): Promise<SignableBodyResult> {
  const read = await readParsedBody(ctx, limit);
  if (!read.ok) return read;
  const gate = signableParams(read.body);
  return gate.ok ? gate : { ok: false, status: 400, message: gate.reason };
}

/**
 * The parsed body without core's gate (the verifier and the push inbox apply it themselves,
 * so it runs once). A parser that skipped the request (an unexpected content type) leaves the
 * stream unread, and that is detected too, so the signature is never checked against a body
 * nobody read.
 * @internal
 */
export async function readParsedBody(ctx: Context, limit: BodyLimit): Promise<ParsedBodyResult> {
  const request = ctx.request as unknown as ParsedRequest;
  if (request.body !== undefined && !streamUnread(ctx)) return { ok: true, body: request.body };
  let raw: string;
  try {
    raw = (await getRawBody(inflate(ctx.req), { length: declaredLength(ctx), limit })).toString('utf8');
  } catch (error) {
    return bodyReadFailure(error, limit);
  }
  let body: unknown;
  try {
    // JSON.parse does not recurse, so a deep body is parsed and then refused by the gate
    body = raw === '' ? {} : (JSON.parse(raw) as unknown);
  } catch {
    return { ok: false, status: 400, message: 'The body is not a JSON object.' };
  }
  request.body = body;
  request.rawBody = raw;
  return { ok: true, body };
}

/** Content-Length, when the body arrives as sent (compressed bodies change length). */
function declaredLength(ctx: Context): string | undefined {
  const encoding = ctx.req.headers['content-encoding'];
  return encoding === undefined || encoding === 'identity' ? ctx.req.headers['content-length'] : undefined;
}

function streamUnread(ctx: Context): boolean {
  const req = ctx.req;
  if (req.readableDidRead || req.readableEnded) return false;
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

function bodyReadFailure(error: unknown, limit: BodyLimit): { ok: false; status: number; message: string } {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { status?: unknown; type?: unknown };
  const status = typeof e.status === 'number' && e.status >= 400 && e.status < 500 ? e.status : 400;
  if (e.type === 'entity.too.large') return { ok: false, status: 413, message: `The body is larger than the limit (${String(limit)}).` };
  if (e.type === 'encoding.unsupported' || status === 415) return { ok: false, status: 415, message: 'The body has an unsupported content encoding.' };
  if (e.type === 'request.size.invalid') return { ok: false, status: 400, message: 'The body length does not match Content-Length.' };
  if (e.type === 'request.aborted') return { ok: false, status: 400, message: 'The request was aborted while its body was read.' };
  return { ok: false, status, message: 'The body could not be read.' };
}
