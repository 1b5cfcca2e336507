import { describeCode, ERROR_CODES, isSmsError, platformCodeForHttpStatus, type ErrorCodeEntry } from '@smskit/core';
import type { Context } from 'koa';
import { requestIdOf } from './request-id.js';

/** The platform's JSON error shape (SPEC §5): what every failure answers. */
export interface PlatformErrorBody {
  /** The platform return code. */
  code: number;
  /** What went wrong. */
  message: string;
  /** The id of this request, for support. */
  requestId: string;
}

/** A failure as it goes on the wire: HTTP status and body. */
export interface PlatformErrorResponse {
  /** The HTTP status: the catalogue's for the code, or the 4xx a body parser chose. */
  status: number;
  /** The JSON body. */
  body: PlatformErrorBody;
}

/**
 * Turns anything thrown into the answer the platform would give. {@link @smskit/core!SmsError}s keep their
 * code and message (they never carry secrets); client errors of Koa and body parsers (4xx
 * `HttpError`s: bad JSON, body too large, wrong encoding) become 40004, 2001 or 6000 with their
 * own status (core's `platformCodeForHttpStatus`, shared with the NestJS adapter); everything else becomes -1 with the catalogue's generic message, because the text
 * of an unexpected error may hold a secret or an internal detail.
 */
export function platformErrorResponse(error: unknown, requestId: string): PlatformErrorResponse {
  if (isSmsError(error)) {
    return { status: describeCode(error.code).httpStatus, body: { code: error.code, message: error.message, requestId } };
  }
  const status = clientErrorStatus(error);
  if (status !== undefined) {
    const code = platformCodeForHttpStatus(status);
    const exposed = (error as { expose?: unknown; message?: unknown }).expose !== false;
    const message = (error as { message?: unknown }).message;
    return {
      status,
      body: { code, message: exposed && typeof message === 'string' && message !== '' ? message : ERROR_CODES[code].messageEn, requestId },
    };
  }
  return { status: ERROR_CODES[-1].httpStatus, body: { code: -1, message: ERROR_CODES[-1].messageEn, requestId } };
}

/** The 4xx status an `HttpError` (http-errors, raw-body, co-body) carries, if any. */
function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { status?: unknown; statusCode?: unknown };
  const status = typeof e.status === 'number' ? e.status : e.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/** Writes a platform answer for `code` with a specific message. */
export function answerPlatformError(
  ctx: Context,
  failure: { code: number; message: string; status?: number },
): PlatformErrorBody {
  const entry: ErrorCodeEntry = describeCode(failure.code);
  const body: PlatformErrorBody = { code: failure.code, message: failure.message, requestId: requestIdOf(ctx) };
  ctx.status = failure.status ?? entry.httpStatus;
  ctx.body = body;
  return body;
}
