import { errorAnswer, SmsError, type PlatformErrorBody } from '@smskit/core';
import type { Context } from 'koa';
import { requestIdOf } from './request-id.js';

/**
 * Writes the platform's error answer for `code` with a specific message: core's
 * {@link @smskit/core!errorAnswer} for an `SmsError` of that code, so this answer and
 * {@link platformErrors}' agree to the byte. `status` overrides the catalogue's HTTP status
 * (413 for a body too large, 404 for an unknown path).
 */
export function answerPlatformError(
  ctx: Context,
  failure: { code: number; message: string; status?: number },
): PlatformErrorBody {
  const answer = errorAnswer(new SmsError({ code: failure.code, message: failure.message, httpStatus: failure.status }), requestIdOf(ctx));
  ctx.status = answer.status;
  ctx.body = answer.body;
  return answer.body;
}
