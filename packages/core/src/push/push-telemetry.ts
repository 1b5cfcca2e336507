import type { ErrorAnswer } from '../error-answer.js';
import { recordTelemetry, startTelemetrySpan } from '../telemetry.js';

/**
 * Runs the answering of one push inside an INTERNAL span `smskit.push` and measures it: the
 * time until the answer is ready is what the platform waits for (it gives up after 1 s), so it
 * is recorded in `smskit.push.ack.duration` (seconds) beside a count in `smskit.push.requests`,
 * by push kind and the code answered. The items (numbers, message text) are never recorded.
 */
export async function observedPush(kind: string, answer: () => Promise<ErrorAnswer>): Promise<ErrorAnswer> {
  const started = performance.now();
  const span = startTelemetrySpan({ name: 'smskit.push', attributes: { 'smskit.push.kind': kind } });
  let code = -1;
  try {
    const result = await answer();
    code = result.body.code;
    return result;
  } finally {
    const attributes = { 'smskit.push.kind': kind, 'smskit.code': code };
    span.setAttributes({ 'smskit.code': code });
    if (code !== 200) span.fail(String(code));
    span.end();
    recordTelemetry({ metric: 'smskit.push.requests', attributes });
    recordTelemetry({ metric: 'smskit.push.ack.duration', value: (performance.now() - started) / 1000, attributes });
  }
}
