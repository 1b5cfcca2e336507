import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { IncomingHeaders, VerifyFailure } from '@smskit/core';
import { SmsException } from './sms.exception.js';
import { smsRequestId } from './sms-request-id.js';
import { SmsRequestVerifier } from './sms-request-verifier.js';
import { recordVerification } from './sms-verified.decorator.js';

/** What the guard reads of a request; Express's `Request` and Fastify's `FastifyRequest` both fit. */
export interface SignedHttpRequest {
  /** The headers, lower-case names. */
  headers: IncomingHeaders;
  /** The body as the platform's body parser left it. */
  body?: unknown;
  /** The caller's address as the platform works it out (honouring its trust-proxy setting). */
  ip?: string;
  /** The connection, for its remote address when `ip` is missing. */
  socket?: { remoteAddress?: string };
}

/**
 * Lets a request through only when it is signed as the platform's API requires (SPEC §2): the
 * five `x-` headers, a known apiKey, its IP allowlist, the clock within tolerance, the HMAC over
 * the body's top-level parameters in either canonical dialect, and a fresh nonce — checked by
 * core's `SignatureVerifier` with the module's `verify` options, after core's body gate (a JSON
 * object, no `__proto__` at any depth, at most 32 levels deep). A failure answers the platform's
 * JSON (`{code, message, requestId}`, 40004, 2000 or 2001) through an {@link SmsException}.
 * The handler can read the verified caller with {@link SmsVerified}.
 *
 * Works on Express and Fastify, after their JSON body parsers. Subclass it to change where the
 * address or the body come from, or what a failure does.
 *
 * @example
 * ```ts
 * @Controller('message')
 * @UseGuards(SmsSignatureGuard)
 * export class MessageController {
 *   @Post('send') send(@SmsVerified() caller: VerifySuccess, @Body() body: SendBody) {}
 * }
 * ```
 */
@Injectable()
export class SmsSignatureGuard implements CanActivate {
  constructor(@Inject(SmsRequestVerifier) protected readonly verifier: SmsRequestVerifier) {}

  /** Verifies the request; throws (through {@link SmsSignatureGuard.onFailure}) when it fails. */
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<SignedHttpRequest>();
    const result = await this.verifier.verify({ headers: request.headers, body: this.getBody(request), sourceIp: this.getSourceIp(request) });
    if (!result.ok) return this.onFailure(result, context);
    recordVerification(request, result);
    return true;
  }

  /**
   * The caller's address, checked against the apiKey's allowlist. The default is the
   * platform's own answer (`req.ip`): behind a proxy, enable Express's `trust proxy` or
   * Fastify's `trustProxy` so it is the client's address, not the proxy's.
   */
  protected getSourceIp(request: SignedHttpRequest): string | undefined {
    return request.ip ?? request.socket?.remoteAddress;
  }

  /**
   * The body as the platform's parser left it; core's gate then takes an absent body as `{}`
   * and refuses anything but a JSON object of parameters (40004).
   */
  protected getBody(request: SignedHttpRequest): unknown {
    return request.body;
  }

  /**
   * Decides what a failed verification does: by default it throws an {@link SmsException}
   * with the failure's code and reason (the reason never holds the accessKey). Override it to
   * log `failure.canonical` (the canonical strings this server built) or to let some requests
   * through by returning `true`.
   */
  protected onFailure(failure: VerifyFailure, context: ExecutionContext): boolean | Promise<boolean> {
    const requestId = smsRequestId(context.switchToHttp().getRequest<object>());
    throw new SmsException({ code: failure.code, message: failure.reason, requestId, status: failure.status });
  }
}
