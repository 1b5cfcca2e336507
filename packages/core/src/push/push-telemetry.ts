import type { PushAnswer } from './dialect.js';
import { recordTelemetry, startTelemetrySpan } from '../telemetry.js';

/**
 * Runs the answering of one push inside an INTERNAL span `smskit.push` and measures it: the
 * time until the answer is ready is what the platform waits for (it gives up after 1 s), so it
 * is recorded in `smskit.push.ack.duration` (seconds) beside a count in `smskit.push.requests`,
 * by push kind and the code answered. The items (numbers, message text) are never recorded.
 */
export async function observedPush(kind: string, answer: () => Promise<PushAnswer>): Promise<PushAnswer> {
  const started = performance.now();
  const span = startTelemetrySpan({ name: 'smskit.push', attributes: { 'smskit.push.kind': kind } });
  let code = -1;
  let refused = true;
  try {
    const result = await answer();
    code = answeredCode(result);
    refused = result.status >= 400;
    return result;
  } finally {
    const attributes = { 'smskit.push.kind': kind, 'smskit.code': code };
    span.setAttributes({ 'smskit.code': code });
    if (refused) span.fail(String(code));
    span.end();
    recordTelemetry({ metric: 'smskit.push.requests', attributes });
    recordTelemetry({ metric: 'smskit.push.ack.duration', value: (performance.now() - started) / 1000, attributes });
  }
}

/**
 * The code a push answer carries, whatever the provider's shape: infocloud's and Aliyun's
 * `code`, Tencent's `result`; the HTTP status when the body has neither.
 */
function answeredCode(answer: PushAnswer): number {
  const { code, result } = answer.body;
  if (typeof code === 'number') return code;
  if (typeof result === 'number') return result;
  return answer.status;
}
