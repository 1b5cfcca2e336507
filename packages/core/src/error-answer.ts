import { describeCode, ERROR_CODES, platformCodeForHttpStatus } from './error-codes.js';
import { isSmsError } from './errors.js';

/** The platform's JSON answer shape (SPEC §5): what every smskit server answer carries. */
export interface PlatformErrorBody {
  /** The platform return code. */
  code: number;
  /** What went wrong (or `'OK'`). */
  message: string;
  /** The id of this request, for support. */
  requestId: string;
}

/** An answer as it goes on the wire: HTTP status and body. */
export interface ErrorAnswer {
  /** The HTTP status: the catalogue's for the code, or the 4xx the error carried. */
  status: number;
  /** The JSON body. */
  body: PlatformErrorBody;
}

/**
 * Any thrown value as the answer the platform would give — the one mapping behind
 * `@smskit/koa`, `@smskit/nestjs` and the push inbox:
 *
 * - an {@link SmsError} keeps its code and message (they never carry a secret) with its own
 *   `httpStatus` or the catalogue's;
 * - a client error from a web framework or body parser (anything carrying a 4xx `status` or
 *   `statusCode`: too large, bad JSON, unsupported charset or encoding, broken gzip) becomes
 *   40004, 2001 or 6000 with that status, and its message unless it is marked `expose: false`;
 * - anything else becomes -1 (HTTP 503) with the catalogue's generic message, because the text
 *   of an unexpected error may hold a secret or an internal detail. Only these are worth
 *   logging as faults: `body.code === -1`.
 */
export function errorAnswer(error: unknown, requestId: string): ErrorAnswer {
  if (isSmsError(error)) {
    const status = typeof error.httpStatus === 'number' ? error.httpStatus : describeCode(error.code).httpStatus;
    return { status, body: { code: error.code, message: error.message, requestId } };
  }
  const status = clientErrorStatus(error);
  if (status !== undefined) {
    const code = platformCodeForHttpStatus(status);
    const e = error as { expose?: unknown; message?: unknown };
    const message = e.expose !== false && typeof e.message === 'string' && e.message !== '' ? e.message : ERROR_CODES[code].messageEn;
    return { status, body: { code, message, requestId } };
  }
  return { status: ERROR_CODES[-1].httpStatus, body: { code: -1, message: ERROR_CODES[-1].messageEn, requestId } };
}

/** The 4xx status a client error (http-errors, raw-body, body-parser, Fastify) carries, if any. */
function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { status?: unknown; statusCode?: unknown };
  const status = typeof e.status === 'number' ? e.status : e.statusCode;
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status < 500 ? status : undefined;
}
