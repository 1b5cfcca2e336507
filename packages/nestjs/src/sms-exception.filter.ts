import { Catch, Inject, Logger, Optional, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { ErrorAnswer } from '@smskit/core';
import { smsErrorResponse } from './sms-error-response.js';
import { smsRequestId } from './sms-request-id.js';

interface ReplyingResponse {
  headersSent?: boolean;
  sent?: boolean;
  status(code: number): { send(body: unknown): unknown };
}

/**
 * Answers every error of an HTTP handler in the platform's JSON shape `{code, message,
 * requestId}` (see {@link smsErrorResponse} for the mapping): no stack trace, internal detail or
 * secret reaches the caller. Unexpected errors are logged through Nest's `Logger`; override
 * {@link SmsExceptionFilter.report} to log elsewhere. Works on Express and Fastify.
 *
 * @example
 * ```ts
 * @UseFilters(SmsExceptionFilter)    // on a controller or a handler, or for the whole app:
 * app.useGlobalFilters(new SmsExceptionFilter(app.get(HttpAdapterHost)));
 * ```
 */
@Catch()
export class SmsExceptionFilter implements ExceptionFilter {
  /** Where unexpected errors are logged. */
  protected readonly logger = new Logger('SmsExceptionFilter');

  constructor(@Optional() @Inject(HttpAdapterHost) protected readonly adapterHost?: HttpAdapterHost) {}

  /** Writes the platform-shaped answer; errors outside HTTP (RPC, WebSocket) are thrown on. */
  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<object>();
    const response = http.getResponse<ReplyingResponse>();
    const answer = smsErrorResponse(exception, smsRequestId(request));
    this.report(exception, answer);
    if (response.headersSent === true || response.sent === true) return;
    const adapter = this.adapterHost?.httpAdapter;
    if (adapter) adapter.reply(response, answer.body, answer.status);
    else response.status(answer.status).send(answer.body);
  }

  /**
   * Told about every answered error; logs only the unexpected ones (answered -1) with their
   * stack. A caller's mistake — a body too large, a bad signature — is answered, not logged.
   */
  protected report(exception: unknown, answer: ErrorAnswer): void {
    if (answer.body.code !== -1) return;
    const stack = exception instanceof Error ? exception.stack : undefined;
    this.logger.error(`Answered ${answer.body.code} (requestId ${answer.body.requestId}) for an unexpected error: ${describe(exception)}`, stack);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `a thrown ${typeof error}`;
}
