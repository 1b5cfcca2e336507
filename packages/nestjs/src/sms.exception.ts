import { HttpException } from '@nestjs/common';
import { describeCode, isSmsError } from '@smskit/core';

/** The platform's JSON error shape (SPEC §5), as every smskit failure answers. */
export interface SmsErrorBody {
  /** The platform return code. */
  code: number;
  /** What went wrong. */
  message: string;
  /** The id of this request, for support. */
  requestId: string;
}

/**
 * An `HttpException` that answers in the platform's shape: `{code, message, requestId}` with
 * the HTTP status the error catalogue gives the code (2001 → 401, 2000 → 403, 6000 → 429,
 * 40004 → 400, -1 → 503…). Nest's default exception filter already writes it as it is, so it
 * needs no filter of its own; {@link SmsExceptionFilter} produces the same shape for any error.
 */
export class SmsException extends HttpException {
  /** The platform code. */
  readonly code: number;
  /** The requestId answered. */
  readonly requestId: string;

  constructor(options: { code: number; message: string; requestId: string; status?: number; cause?: unknown }) {
    const body: SmsErrorBody = { code: options.code, message: options.message, requestId: options.requestId };
    super(body, options.status ?? describeCode(options.code).httpStatus, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.requestId = options.requestId;
  }

  /** The answer of an `SmsError` (its code and message; never a secret). */
  static fromSmsError(error: unknown, requestId: string): SmsException | undefined {
    return isSmsError(error) ? new SmsException({ code: error.code, message: error.message, requestId, cause: error }) : undefined;
  }

  /** The JSON body written to the caller. */
  override getResponse(): SmsErrorBody {
    return super.getResponse() as SmsErrorBody;
  }
}
