import type { LimitConsumeRequest, LimitDecision, LimitStore } from './limit-store.js';

/** A code to keep: its hash only, never the code itself. */
export interface CodePut {
  /** Where the code lives (scene and number); a new code replaces the one there. */
  key: string;
  /** Identifies this code, so a later discard cannot remove a newer one. */
  id: string;
  /** The keyed hash of the code (hex). */
  hash: string;
  /** When the code stops being accepted, ms since the epoch. */
  expiresAt: number;
  /** The clock reading now, ms since the epoch. */
  now: number;
}

/** One attempt to use a code. */
export interface CodeAttempt {
  /** Where the code lives. */
  key: string;
  /** The keyed hash of the code the user typed (hex, same length as the stored one). */
  hash: string;
  /** The clock reading now, ms since the epoch. */
  now: number;
  /** Wrong tries after which the code is burnt. */
  maxAttempts: number;
  /**
   * The wall-clock time (`Date.now()` ms) after which the store must neither use the code up nor
   * count the try, and fail instead: see {@link LimitConsumeRequest.notAfter}.
   */
  notAfter?: number;
}

/** What {@link CodeStore.check} found. */
export type CodeCheck =
  /** The code matched and has been used up. */
  | { status: 'ok'; id: string }
  /** Wrong code; this many tries remain before the code is burnt. */
  | { status: 'mismatch'; attemptsLeft: number }
  /** Wrong code, and the last allowed try: the code is gone. */
  | { status: 'burnt' }
  /** The code's time ran out (it is gone now). */
  | { status: 'expired' }
  /** No code: never sent, already used, burnt, or long expired. */
  | { status: 'missing' };

/**
 * Where verification codes wait to be used, by hash. `check` is one atomic step — compare,
 * count the wrong try or use the code up — so two concurrent right answers cannot both pass and
 * concurrent wrong ones are each counted.
 */
export interface CodeStore {
  /** Keeps a code, replacing any earlier one under the same key. */
  put(code: CodePut): Promise<void>;
  /** Compares in constant time and, atomically, uses the code up or counts a wrong try. */
  check(attempt: CodeAttempt): Promise<CodeCheck>;
  /** Removes the code under `key`, but only if it is still the one with this `id`. */
  discard(target: { key: string; id: string }): Promise<void>;
  /**
   * Optional fast path for a store that shares one atomic domain with `limits` (the same Redis
   * and key prefix, say): consume the limits and, only if all pass, keep the code — one atomic
   * step, one round trip instead of two. Returns `undefined` when it cannot serve these
   * `limits`; the service then consumes and puts in two steps.
   */
  consumeAndPut?(input: { limits: LimitStore; consume: LimitConsumeRequest; code: CodePut }): Promise<LimitDecision> | undefined;
}

/**
 * How long a record outlives its expiry so that a late attempt is told "expired" rather than
 * "missing". Stores may drop it sooner; the answer then is `missing`.
 */
export const EXPIRED_CODE_GRACE_MS = 10 * 60_000;
