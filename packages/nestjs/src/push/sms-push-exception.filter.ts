import { Catch, Inject, Optional, type ArgumentsHost } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { PushAnswer } from '@smskit/core';
import { smsErrorResponse } from '../sms-error-response.js';
import { SmsExceptionFilter } from '../sms-exception.filter.js';
import { smsRequestId } from '../sms-request-id.js';
import { SmsPushReceiver } from './sms-push-receiver.js';

/**
 * Carries a refusal the push inbox has already worded, from the controller to the filter.
 * @internal
 */
export class SmsPushRefused extends Error {
  constructor(readonly answer: PushAnswer) {
    super('push refused');
  }
}

interface ReplyingResponse {
  headersSent?: boolean;
  sent?: boolean;
  status(code: number): { send(body: unknown): unknown };
}

/**
 * The push controller's filter: every refusal goes out in the configured dialect's shape —
 * `{"code":…,"msg":…}` to Aliyun, `{"result":…,"errmsg":…}` to Tencent, the platform's
 * `{code, message, requestId}` by default — whether the inbox refused the push or something
 * before it did (an unknown route token, a body the parser would not take). Mapping and logging
 * of unexpected errors are {@link SmsExceptionFilter}'s.
 */
@Catch()
export class SmsPushExceptionFilter extends SmsExceptionFilter {
  constructor(
    @Inject(SmsPushReceiver) private readonly receiver: SmsPushReceiver,
    @Optional() @Inject(HttpAdapterHost) adapterHost?: HttpAdapterHost,
  ) {
    super(adapterHost);
  }

  /** Writes the refusal in the dialect's shape. */
  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http' || !this.receiver.configured) return super.catch(exception, host);
    const http = host.switchToHttp();
    const response = http.getResponse<ReplyingResponse>();
    let answer: PushAnswer;
    if (exception instanceof SmsPushRefused) {
      answer = exception.answer;
    } else {
      const platform = smsErrorResponse(exception, smsRequestId(http.getRequest<object>()));
      this.report(exception, platform);
      answer = this.receiver.refusal({ code: platform.body.code, message: platform.body.message, status: platform.status, requestId: platform.body.requestId });
    }
    if (response.headersSent === true || response.sent === true) return;
    const adapter = this.adapterHost?.httpAdapter;
    if (adapter) adapter.reply(response, answer.body, answer.status);
    else response.status(answer.status).send(answer.body);
  }
}
