import { recordTelemetry, startTelemetrySpan } from '@smskit/core';
import type { OtpRequestResult, OtpVerifyResult } from './results.js';

const SCOPE = '@smskit/otp';

/**
 * Runs a code request inside an INTERNAL span `smskit.otp.request` and counts it: the result
 * in `smskit.otp.requests`, and for a refusal each refusing limit in `smskit.otp.refusals`.
 * Nothing of the caller's input is recorded — not the number, the code or the IP, and not the
 * scene either: it is the caller's text (unbounded for a metric, and it could hold a number).
 */
export async function observedRequest(run: () => Promise<OtpRequestResult>): Promise<OtpRequestResult> {
  const span = startTelemetrySpan({ name: 'smskit.otp.request', scope: SCOPE });
  const result = await run();
  const outcome = result.ok ? 'sent' : result.reason;
  span.setAttributes({ 'smskit.otp.result': outcome, 'smskit.otp.limit': result.ok || result.reason !== 'limit' ? undefined : result.limit });
  if (!result.ok && result.reason !== 'limit' && result.reason !== 'denied' && result.reason !== 'human-check' && result.reason !== 'invalid') span.fail(outcome);
  span.end();
  recordTelemetry({ metric: 'smskit.otp.requests', attributes: { 'smskit.otp.result': outcome } });
  if (!result.ok && result.reason === 'limit') for (const limit of result.limits) recordTelemetry({ metric: 'smskit.otp.refusals', attributes: { 'smskit.otp.limit': limit } });
  return result;
}

/** Runs a code check inside an INTERNAL span `smskit.otp.verify` and counts it in `smskit.otp.verifications` by result. */
export async function observedVerify(run: () => Promise<OtpVerifyResult>): Promise<OtpVerifyResult> {
  const span = startTelemetrySpan({ name: 'smskit.otp.verify', scope: SCOPE });
  const result = await run();
  const outcome = result.ok ? 'verified' : result.reason;
  span.setAttributes({ 'smskit.otp.result': outcome });
  if (!result.ok && result.reason === 'unavailable') span.fail(outcome);
  span.end();
  recordTelemetry({ metric: 'smskit.otp.verifications', attributes: { 'smskit.otp.result': outcome } });
  return result;
}
