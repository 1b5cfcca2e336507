import { normalizePhone } from '../rules/phone.js';
import type { ChannelCapabilities, NumberKind } from './channel.js';

/** A recipient as the router handles it: normalised, with its kind. */
export interface RoutableNumber {
  /** Mainland: 11 digits; international: E.164 with a leading `+`. */
  readonly number: string;
  /** Which kind it is. */
  readonly kind: NumberKind;
}

// E.164: a country code that does not start with 0, at most 15 digits in all. A stand-in until
// core's number rules learn international numbers (the Tencent work); pass `normalizeNumber`
// to the router to use those instead.
const E164 = /^\+[1-9][0-9]{6,14}$/;

/**
 * A recipient as the router handles it, or `undefined` when it is neither a mainland mobile
 * number (`13800138000`, `+86 138-0013-8000`, `0086…`) nor an E.164 number (`+447700900123`).
 * A mainland number written in E.164 (`+86…`) is mainland.
 */
export function toRoutableNumber(input: string): RoutableNumber | undefined {
  const mainland = normalizePhone(input);
  if (mainland !== undefined) return { number: mainland, kind: 'mainland' };
  const compact = typeof input === 'string' ? input.normalize('NFKC').replace(/[\s\-()]/g, '') : '';
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  return E164.test(international) ? { number: international, kind: 'international' } : undefined;
}

/** Whether a channel with these capabilities can send to a number of this kind. */
export function canServe(capabilities: ChannelCapabilities, kind: NumberKind): boolean {
  return kind === 'mainland' || capabilities.numbers === 'international';
}
