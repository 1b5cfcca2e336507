/**
 * A limit over a window that rolls with time: at most `max` hits in any `windowMs`. Stores keep
 * the time of each hit (a sliding log), so the count is exact at every instant, not only at the
 * edges of fixed buckets.
 */
export interface RollingLimitCheck {
  /** Which kind of window. */
  kind: 'rolling';
  /** The name reported when this limit refuses. */
  name: string;
  /** The counter's key, unique to what is limited (e.g. the phone number). */
  key: string;
  /** Most hits allowed in the window; at least 1. */
  max: number;
  /** Length of the window, ms. */
  windowMs: number;
}

/**
 * A limit over a fixed period such as a calendar day: a plain counter whose key names the
 * period and which resets at `resetAt`. Without `max` it only counts (for volume alerts).
 */
export interface FixedLimitCheck {
  /** Which kind of window. */
  kind: 'fixed';
  /** The name reported when this limit refuses. */
  name: string;
  /** The counter's key; it should name the period (e.g. the date). */
  key: string;
  /** Most hits allowed in the period; leave out to count without limiting. */
  max?: number;
  /** When the period ends (ms since the epoch): the counter's expiry and the retry time. */
  resetAt: number;
}

/** One limit checked by a {@link LimitStore}. */
export type LimitCheck = RollingLimitCheck | FixedLimitCheck;

/** What {@link LimitStore.consume} is asked to do: pass every check, or consume none. */
export interface LimitConsumeRequest {
  /** A unique id for this hit (a sliding log records it). */
  id: string;
  /** The clock reading to judge by, ms since the epoch. */
  now: number;
  /** The limits; all pass and are consumed together, or none is consumed. */
  checks: readonly LimitCheck[];
  /**
   * The wall-clock time (`Date.now()` ms) after which the store must apply nothing and fail
   * instead. The caller has stopped waiting by then and answered "unavailable"; a store whose
   * client may run the call later (ioredis queues commands while it reconnects, and resends
   * unanswered ones) would otherwise consume the limits of a request that was refused. A store
   * that answers at once (the in-memory one) may ignore it.
   */
  notAfter?: number;
}

/** A limit that refused, and how long until it would let one more through. */
export interface LimitRefusal {
  /** The limit's name. */
  name: string;
  /** Ms until this limit alone would admit one more hit. */
  retryAfterMs: number;
}

/** Every check passed and each was consumed once. */
export interface LimitGranted {
  /** Granted. */
  ok: true;
  /** Each check's count after this hit, in the order of the request's checks. */
  counts: number[];
}

/** At least one check refused; nothing was consumed. */
export interface LimitRefused {
  /** Refused. */
  ok: false;
  /** Every check that refused, in the order of the request's checks. */
  refusals: LimitRefusal[];
}

/** The answer of {@link LimitStore.consume}. */
export type LimitDecision = LimitGranted | LimitRefused;

/**
 * Counters for several limits at once, all-or-nothing: a hit that passes every limit consumes
 * all of them in one atomic step; a hit that fails any consumes none. The atomicity is the whole
 * point — counting with a read, a compare and a write lets concurrent requests slip through.
 */
export interface LimitStore {
  /** Checks every limit and, only if all pass, consumes each once — one atomic step. */
  consume(request: LimitConsumeRequest): Promise<LimitDecision>;
}
