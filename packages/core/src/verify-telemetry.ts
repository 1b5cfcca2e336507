import { recordTelemetry, startTelemetrySpan } from './telemetry.js';
import type { VerifyResult } from './verify.js';

/**
 * Runs one verification inside an INTERNAL span `smskit.verify` and counts it in
 * `smskit.verify.requests`: the outcome, the code answered and the check that failed. The
 * apiKey, nonce and signature are left out (a key is not a secret, but it names a customer and
 * has no bound; the rest is noise).
 */
export async function observedVerification(run: () => Promise<VerifyResult>): Promise<VerifyResult> {
  const span = startTelemetrySpan({ name: 'smskit.verify' });
  try {
    const result = await run();
    const attributes = result.ok
      ? { 'smskit.outcome': 'ok', 'smskit.code': 200 }
      : { 'smskit.outcome': 'failed', 'smskit.code': result.code, 'smskit.verify.check': result.check };
    span.setAttributes(result.ok ? { ...attributes, 'smskit.sign_method': result.method } : attributes);
    if (!result.ok) span.fail(String(result.code));
    recordTelemetry({ metric: 'smskit.verify.requests', attributes });
    return result;
  } catch (error) {
    // The credentials lookup or the nonce store failed: the server's fault, answered -1.
    span.fail(error instanceof Error ? error.name : '_OTHER');
    recordTelemetry({ metric: 'smskit.verify.requests', attributes: { 'smskit.outcome': 'error', 'smskit.code': -1 } });
    throw error;
  } finally {
    span.end();
  }
}
