import type { SmsError } from '../errors.js';
import type { FailureClass, NumberStatus } from './channel.js';

/**
 * Why the router passed a channel over for a number:
 * - `capability`: the channel cannot send to this kind of number (mainland only);
 * - `template`: the logical template has no entry for this channel, or its fields are wrong;
 * - `breaker-open`: the channel kept failing and is cooling down;
 * - `failover`: the channel answered with a fail-over failure for this number;
 * - `retry-exhausted`: the channel kept refusing before the write (busy, throttled) through
 *   every retry; nothing was sent there, so moving on is safe.
 */
export type PassOverReason = 'capability' | 'template' | 'breaker-open' | 'failover' | 'retry-exhausted';

/** One channel that did not take a number, and why. */
export interface PassedOver {
  /** The channel's name. */
  readonly channel: string;
  /** Why it was passed over. */
  readonly reason: PassOverReason;
  /** The provider's code, when it answered one. */
  readonly code?: string;
  /** The error, when there was one. */
  readonly error?: SmsError;
}

/**
 * How one number ended, through every channel: `sent` by the channel named, `unknown` at the
 * channel named (written, no answer: it may have been sent, so it went nowhere else), or
 * `failed` (stopped for good, or no channel could take it).
 */
export interface RoutedNumber {
  /** The number, normalised (mainland 11 digits, international E.164). */
  readonly number: string;
  /** How it ended. */
  readonly status: NumberStatus;
  /** The channel that took it (`sent`), may have (`unknown`), or refused it with `stop`. */
  readonly channel?: string;
  /** For `failed` and `unknown`: the class of the failure that ended it. */
  readonly failure?: FailureClass;
  /** The provider's message id, when the channel gave one. */
  readonly messageId?: string;
  /** The idempotency key of the request that carried it to `channel` (receipts echo it). */
  readonly idempotencyKey?: string;
  /** The provider's code of its final outcome, when there was one. */
  readonly code?: string;
  /** Why it failed or is unknown. */
  readonly error?: SmsError;
  /** Every channel before `channel` that did not take it, in order, and why. */
  readonly passedOver: readonly PassedOver[];
}

/** A number the router refused before any channel, because it is no number it knows. */
export interface UnroutableNumber {
  /** The input as given. */
  readonly input: string;
  /** Its position in the input. */
  readonly index: number;
}

/** How a routed send ended, for every number. */
export interface RouteResult {
  /**
   * `sent`: every number sent; `partial`: some sent, others failed or unknown; `unknown`: none
   * surely sent, some may have been; `failed`: nothing sent.
   */
  readonly status: 'sent' | 'partial' | 'unknown' | 'failed';
  /** Every distinct valid number, in input order, each accounted for exactly once. */
  readonly numbers: readonly RoutedNumber[];
  /** Inputs that are no number (never sent anywhere). */
  readonly invalid: readonly UnroutableNumber[];
  /** Repeats of a number earlier in the input, dropped (each number is sent once). */
  readonly duplicates: number;
  /** The logical template sent. */
  readonly template: string;
}

/** Sums the numbers up into a {@link RouteResult}. */
export function routeResult(input: { numbers: RoutedNumber[]; invalid: UnroutableNumber[]; duplicates: number; template: string }): RouteResult {
  let sent = 0;
  let unknown = 0;
  for (const routed of input.numbers) {
    if (routed.status === 'sent') sent++;
    else if (routed.status === 'unknown') unknown++;
  }
  const all = input.numbers.length;
  const status = all > 0 && sent === all && input.invalid.length === 0 ? 'sent' : sent > 0 ? 'partial' : unknown > 0 ? 'unknown' : 'failed';
  return { status, numbers: input.numbers, invalid: input.invalid, duplicates: input.duplicates, template: input.template };
}
