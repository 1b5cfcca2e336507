import { HttpException } from '@nestjs/common';
import { ERROR_CODES, isSmsError, platformCodeForHttpStatus } from '@smskit/core';
import { SmsException, type SmsErrorBody } from './sms.exception.js';

/** A failure as it goes on the wire. */
export interface SmsErrorResponse {
  /** The HTTP status. */
  status: number;
  /** The platform-shaped body. */
  body: SmsErrorBody;
}

/**
 * Turns anything thrown into the answer the platform would give: an {@link SmsException} as
 * it is; an `SmsError` with its code, message and the catalogue's status; Nest's own 4xx
 * exceptions (a `ValidationPipe`'s 400, a 404, a guard's 403, the throttler's 429) as 40004,
 * 2001 or 6000 with their status and message; anything else as -1 (503) with the catalogue's
 * generic message, because the text of an unexpected error may hold a secret or an internal
 * detail.
 */
export function smsErrorResponse(error: unknown, requestId: string): SmsErrorResponse {
  if (error instanceof SmsException) return { status: error.getStatus(), body: error.getResponse() };
  const fromSms = SmsException.fromSmsError(error, requestId);
  if (fromSms) return { status: fromSms.getStatus(), body: fromSms.getResponse() };
  if (error instanceof HttpException && error.getStatus() >= 400 && error.getStatus() < 500) {
    const status = error.getStatus();
    const code = platformCodeForHttpStatus(status);
    return { status, body: { code, message: clientMessage(error) ?? ERROR_CODES[code].messageEn, requestId } };
  }
  return { status: ERROR_CODES[-1].httpStatus, body: { code: -1, message: ERROR_CODES[-1].messageEn, requestId } };
}

/** A 4xx exception's message: the `message` of its response (a `ValidationPipe` gives a list). */
function clientMessage(error: HttpException): string | undefined {
  const response = error.getResponse();
  const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  if (typeof message === 'string' && message !== '') return message;
  if (Array.isArray(message) && message.every((item) => typeof item === 'string') && message.length > 0) return message.join('; ');
  return error.message || undefined;
}

/** True when the answer hides an unexpected error (the case worth logging). */
export function isUnexpected(error: unknown): boolean {
  return !isSmsError(error) && !(error instanceof HttpException && error.getStatus() < 500);
}
