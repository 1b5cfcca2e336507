import { Controller, HttpCode, Inject, Logger, NotFoundException, Param, Post, Req, UseFilters, type OnApplicationBootstrap, type Type } from '@nestjs/common';
import type { PushKind } from '@smskit/core';
import { smsRequestId } from '../sms-request-id.js';
import { SmsPushExceptionFilter, SmsPushRefused } from './sms-push-exception.filter.js';
import { SmsPushReceiver } from './sms-push-receiver.js';

interface PushRequest {
  body?: unknown;
  ip?: string;
  socket?: { remoteAddress?: string };
}

/**
 * The controller `pushPath` mounts: `POST <pushPath>/receipts[/<token>]` and
 * `POST <pushPath>/replies[/<token>]`, answered by {@link SmsPushReceiver}. The pushing address
 * is `req.ip`, so the platform's trust-proxy setting applies as for the guard. Answers, refusals
 * included, are in the shape of `push.dialect` (the platform's by default).
 */
export function createSmsPushController(path: string): Type {
  @Controller(path)
  @UseFilters(SmsPushExceptionFilter)
  class SmsPushController implements OnApplicationBootstrap {
    private readonly logger = new Logger('SmsPushController');

    constructor(@Inject(SmsPushReceiver) private readonly receiver: SmsPushReceiver) {}

    /** Fails start-up without a `push` section; warns about a push kind nobody handles. */
    onApplicationBootstrap(): void {
      if (!this.receiver.configured) {
        throw new Error(`smskit: SmsModule mounts the push controller at "${path}" but has no \`push\` section — add push: { apiKeys } (the platform's pushes) or push: { dialect, pathToken } to its options, or drop pushPath.`);
      }
      for (const kind of ['receipts', 'replies'] as const) {
        if (this.receiver.handlerNames(kind).length === 0) {
          this.logger.warn(`No ${kind === 'receipts' ? '@OnSmsReceipts()' : '@OnSmsReplies()'} handler: ${kind} pushed to ${path}/${kind} will be reported to push.onError, not handled.`);
        }
      }
    }

    @Post(['receipts', 'receipts/:token'])
    @HttpCode(200)
    receipts(@Req() request: PushRequest, @Param('token') token?: string) {
      return this.receive('receipts', request, token);
    }

    @Post(['replies', 'replies/:token'])
    @HttpCode(200)
    replies(@Req() request: PushRequest, @Param('token') token?: string) {
      return this.receive('replies', request, token);
    }

    private async receive(kind: PushKind, request: PushRequest, token: string | undefined) {
      // without a configured token there is no token route: answer as for any unknown path
      if (token !== undefined && !this.receiver.expectsPathToken) throw new NotFoundException(`Cannot POST ${path}/${kind}/…`);
      const requestId = smsRequestId(request);
      const sourceIp = request.ip ?? request.socket?.remoteAddress ?? '';
      const answer = await this.receiver.receive({ kind, body: request.body, sourceIp, requestId, ...(token === undefined ? {} : { pathToken: token }) });
      if (answer.status !== 200) throw new SmsPushRefused(answer);
      return answer.body;
    }
  }
  return SmsPushController;
}
