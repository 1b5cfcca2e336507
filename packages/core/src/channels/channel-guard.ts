/*
 * Per-channel resilience: retries with backoff while the channel refuses before the write,
 * and a circuit breaker that skips a channel that keeps failing, then probes it back
 * (half-open). Both are cockatiel's policies, loaded on the first send so that importing
 * @smskit/core stays cheap (cockatiel's entry loads every policy it has).
 */
import type * as Cockatiel from 'cockatiel';

/** Retries on one channel, for failures classed `retry`. */
export interface ChannelRetryOptions {
  /**
   * Retries after the first attempt.
   * @defaultValue 2
   */
  retries?: number;
  /**
   * The first backoff, in ms; later ones grow exponentially (decorrelated jitter).
   * @defaultValue 100
   */
  initialDelayMs?: number;
  /**
   * The longest backoff, in ms.
   * @defaultValue 2000
   */
  maxDelayMs?: number;
}

/** The circuit breaker of one channel. */
export interface ChannelBreakerOptions {
  /**
   * Consecutive failed requests (fail-over failures, retries exhausted, unknown outcomes)
   * that open the breaker.
   * @defaultValue 5
   */
  failures?: number;
  /**
   * How long an open breaker skips the channel before one request probes it (half-open).
   * @defaultValue 30000
   */
  cooldownMs?: number;
}

/** The state of a channel's breaker: `closed` (in use), `open` (skipped), `half-open` (being probed). */
export type BreakerState = 'closed' | 'open' | 'half-open';

/** What one attempt on a channel tells the guard. */
export interface AttemptVerdict {
  /** Some numbers were refused before the write: try them again after a backoff. */
  readonly retryAgain: boolean;
  /** The channel failed this request (counts toward opening the breaker). */
  readonly channelFailed: boolean;
}

let cockatiel: Promise<typeof Cockatiel> | undefined;
function loadCockatiel(): Promise<typeof Cockatiel> {
  cockatiel ??= import('cockatiel');
  return cockatiel;
}

/** Retry and breaker of one channel, composed the cockatiel way (`wrap(breaker, retry)`). */
export class ChannelGuard {
  private policy: Promise<{ run: Cockatiel.IPolicy; breaker?: Cockatiel.CircuitBreakerPolicy; lib: typeof Cockatiel }> | undefined;

  constructor(private readonly options: { retry: ChannelRetryOptions | false; breaker: ChannelBreakerOptions | false }) {}

  /** Loads cockatiel and builds the policies (done by the first {@link ChannelGuard.run}). */
  ready(): Promise<unknown> {
    this.policy ??= this.build();
    return this.policy;
  }

  /**
   * Runs `attempt` under the retry and the breaker: again (after a backoff) while it says
   * `retryAgain` and retries are left. `'open'` when the breaker refused to run it at all.
   */
  async run<T extends AttemptVerdict>(attempt: () => Promise<T>): Promise<T | 'open'> {
    const { run, lib } = await (this.policy ??= this.build());
    try {
      return await run.execute(attempt);
    } catch (error) {
      if (error instanceof lib.BrokenCircuitError || error instanceof lib.IsolatedCircuitError) return 'open';
      throw error;
    }
  }

  /** The breaker's state now (`closed` before the first send, or without a breaker). */
  async state(): Promise<BreakerState> {
    const { breaker, lib } = await (this.policy ??= this.build());
    const state = breaker?.state;
    return state === lib.CircuitState.Open || state === lib.CircuitState.Isolated ? 'open' : state === lib.CircuitState.HalfOpen ? 'half-open' : 'closed';
  }

  private async build(): Promise<{ run: Cockatiel.IPolicy; breaker?: Cockatiel.CircuitBreakerPolicy; lib: typeof Cockatiel }> {
    const lib = await loadCockatiel();
    const { retry, breaker } = this.options;
    const policies: Cockatiel.IPolicy[] = [];
    let breakerPolicy: Cockatiel.CircuitBreakerPolicy | undefined;
    if (breaker !== false) {
      breakerPolicy = lib.circuitBreaker(lib.handleWhenResult((verdict) => (verdict as AttemptVerdict).channelFailed), {
        halfOpenAfter: breaker.cooldownMs ?? 30_000,
        breaker: new lib.ConsecutiveBreaker(breaker.failures ?? 5),
      });
      policies.push(breakerPolicy);
    }
    if (retry !== false && (retry.retries ?? 2) > 0) {
      policies.push(
        lib.retry(lib.handleWhenResult((verdict) => (verdict as AttemptVerdict).retryAgain), {
          maxAttempts: retry.retries ?? 2,
          backoff: new lib.ExponentialBackoff({ initialDelay: retry.initialDelayMs ?? 100, maxDelay: retry.maxDelayMs ?? 2000 }),
        }),
      );
    }
    const run = policies.length === 0 ? lib.noop : policies.length === 1 ? (policies[0] as Cockatiel.IPolicy) : lib.wrap(...policies);
    return breakerPolicy === undefined ? { run, lib } : { run, breaker: breakerPolicy, lib };
  }
}
