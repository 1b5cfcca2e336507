import { HttpException } from '@nestjs/common';
import { errorAnswer, platformCodeForHttpStatus, SmsError, type ErrorAnswer } from '@smskit/core';
import { SmsException } from './sms.exception.js';

/**
 * Turns anything thrown into the answer the platform would give, through core's `errorAnswer`
 * (the mapping `@smskit/koa` uses too): an {@link SmsException} as it is; an `SmsError` with its
 * code and message; Nest's own 4xx exceptions (a `ValidationPipe`'s 400, a 404, a guard's 403,
 * the throttler's 429) and the body parser's errors (413 too large, 415 charset or encoding,
 * 400 bad JSON or broken gzip) as 40004, 2001 or 6000 with their status and message; anything
 * else as -1 (503) with the catalogue's generic message, because the text of an unexpected
 * error may hold a secret or an internal detail.
 */
export function smsErrorResponse(error: unknown, requestId: string): ErrorAnswer {
  if (error instanceof SmsException) return { status: error.getStatus(), body: error.getResponse() };
  if (error instanceof HttpException && error.getStatus() >= 400 && error.getStatus() < 500) {
    // translated only for its message: a ValidationPipe's list lives in the response, not in `message`
    const status = error.getStatus();
    return errorAnswer(new SmsError({ code: platformCodeForHttpStatus(status), message: clientMessage(error), httpStatus: status }), requestId);
  }
  return errorAnswer(error, requestId);
}

/** A 4xx exception's message: the `message` of its response (a `ValidationPipe` gives a list). */
function clientMessage(error: HttpException): string | undefined {
  const response = error.getResponse();
  const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  if (typeof message === 'string' && message !== '') return message;
  if (Array.isArray(message) && message.every((item) => typeof item === 'string') && message.length > 0) return message.join('; ');
  return error.message || undefined;
}
