import { SmsError } from '@smskit/core/provider';
import type { ChannelFailure, FailureClass } from '@smskit/core/provider';
import { describeTencentCode } from './error-codes/index.js';
import { isTencentError, TencentError } from './errors.js';

// The nearest code of core's catalogue, so that code written against SmsError (logs, the send
// log, HTTP mapping) reads a Tencent failure sensibly; the Tencent code itself travels in
// `ChannelFailure.code` and `details.code`.
function coreCodeOf(code: string, failure: FailureClass): number {
  if (code.startsWith('AuthFailure') || code === 'UnauthorizedOperation.SmsSdkAppIdVerifyFail') return 2001;
  if (code === 'UnauthorizedOperation.RequestIpNotInWhitelist' || code === 'IpNotInWhitelist') return 2000;
  if (code.startsWith('RequestLimitExceeded')) return 6000;
  if (code === 'FailedOperation.InsufficientBalanceInSmsPackage' || code === 'UnauthorizedOperation.SerivceSuspendDueToArrears') return 40002;
  if (code === 'InvalidParameterValue.IncorrectPhoneNumber' || code === 'FailedOperation.PhoneNumberParseFail') return 60007;
  if (code === 'LimitExceeded.PhoneNumberCountLimit') return 60008;
  if (code === 'FailedOperation.TemplateIncorrectOrUnapproved') return 60001;
  return failure === 'retry' || failure === 'unknown' ? -1 : 40004;
}

/** A Tencent code (and the error that carried it) as the channel seam's {@link ChannelFailure}. */
export function channelFailureOf(input: { code: string; message?: string; requestId?: string; cause?: unknown; failure?: FailureClass }): ChannelFailure {
  const entry = describeTencentCode(input.code);
  const failure = input.failure ?? entry.class;
  const error = new SmsError({
    code: coreCodeOf(input.code, failure),
    message: `Tencent Cloud SMS ${input.code}: ${input.message ?? entry.messageEn}`,
    hint: entry.hint,
    requestId: input.requestId,
    details: { provider: 'tencent', code: input.code, class: failure },
    retryable: failure === 'retry',
    cause: input.cause,
  });
  return { failure, error, code: input.code };
}

/** Any error thrown while calling Tencent, as a {@link ChannelFailure}; a stranger error is `unknown`. */
export function channelFailureFromError(error: unknown): ChannelFailure {
  if (isTencentError(error)) return channelFailureOf({ code: error.code, message: error.message, requestId: error.requestId, cause: error, failure: error.class });
  const wrapped = new TencentError({ code: 'smskit.NoAnswer', class: 'unknown', message: error instanceof Error ? error.message : 'Unexpected failure.', cause: error });
  return channelFailureOf({ code: wrapped.code, message: wrapped.message, cause: error, failure: 'unknown' });
}
