import { HttpException } from '@nestjs/common';
import { errorAnswer, isSmsError, SmsError, type PlatformErrorBody } from '@smskit/core';

/**
 * An `HttpException` that answers in the platform's shape: `{code, message, requestId}` with
 * the HTTP status the error catalogue gives the code (2001 → 401, 2000 → 403, 6000 → 429,
 * 40004 → 400, -1 → 503…), made by core's `errorAnswer` like every other smskit answer.
 * Nest's default exception filter already writes it as it is, so it needs no filter of its
 * own; {@link SmsExceptionFilter} produces the same shape for any error.
 */
export class SmsException extends HttpException {
  /** The platform code. */
  readonly code: number;
  /** The requestId answered. */
  readonly requestId: string;

  constructor(options: { code: number; message: string; requestId: string; status?: number; cause?: unknown }) {
    const answer = errorAnswer(new SmsError({ code: options.code, message: options.message, httpStatus: options.status }), options.requestId);
    super(answer.body, answer.status, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.requestId = options.requestId;
  }

  /** The answer of an `SmsError` (its code, message and status; never a secret). */
  static fromSmsError(error: unknown, requestId: string): SmsException | undefined {
    if (!isSmsError(error)) return undefined;
    const status = typeof error.httpStatus === 'number' ? error.httpStatus : undefined;
    return new SmsException({ code: error.code, message: error.message, requestId, status, cause: error });
  }

  /** The JSON body written to the caller. */
  override getResponse(): PlatformErrorBody {
    return super.getResponse() as PlatformErrorBody;
  }
}
