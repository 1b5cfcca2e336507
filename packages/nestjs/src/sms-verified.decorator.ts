import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { VerifySuccess } from '@smskit/core';

const verified = new WeakMap<object, VerifySuccess>();

/** Keeps what the guard verified for the rest of the request. */
export function recordVerification(request: object, result: VerifySuccess): void {
  verified.set(request, result);
}

/**
 * What {@link SmsSignatureGuard} verified for this request, or `undefined` on a route it does
 * not guard: `apiKey`, `method`, `nonce`, `timestamp` and the canonical `dialect` that matched.
 */
export function smsVerification(request: object): VerifySuccess | undefined {
  return verified.get(request);
}

/**
 * Parameter decorator: the caller {@link SmsSignatureGuard} verified (a `VerifySuccess`).
 *
 * @example
 * ```ts
 * @Post('send') send(@SmsVerified() caller: VerifySuccess) { return caller.apiKey; }
 * ```
 */
export const SmsVerified: () => ParameterDecorator = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  smsVerification(context.switchToHttp().getRequest<object>()),
);
