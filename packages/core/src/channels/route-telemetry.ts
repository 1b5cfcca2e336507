import { recordTelemetry, startTelemetrySpan } from '../telemetry.js';
import type { TurnOutcome } from './channel-step.js';

/**
 * Runs one channel's turn of a routed send inside an INTERNAL span `smskit.route.channel`
 * (the channel's name and how many numbers it was given, settled and passed on), and counts
 * its numbers in `smskit.router.numbers` by channel and status (`sent`, `unknown`, `failed`,
 * or `passed` for those handed to the next channel). Counts only, never the numbers.
 */
export async function observedTurn(channel: string, numbers: number, run: () => Promise<TurnOutcome>): Promise<TurnOutcome> {
  const span = startTelemetrySpan({ name: 'smskit.route.channel', attributes: { 'smskit.channel': channel, 'smskit.number_count': numbers } });
  try {
    const outcome = await run();
    const byStatus = new Map<string, number>([['passed', outcome.passed.length]]);
    for (const routed of outcome.settled) byStatus.set(routed.status, (byStatus.get(routed.status) ?? 0) + 1);
    for (const [status, count] of byStatus) {
      if (count > 0) recordTelemetry({ metric: 'smskit.router.numbers', value: count, attributes: { 'smskit.channel': channel, 'smskit.route.status': status } });
    }
    span.setAttributes({ 'smskit.route.settled_count': outcome.settled.length, 'smskit.route.passed_count': outcome.passed.length });
    return outcome;
  } catch (error) {
    span.fail(error instanceof Error ? error.name : '_OTHER');
    throw error;
  } finally {
    span.end();
  }
}
