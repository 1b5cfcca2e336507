import type { Release } from './rate-window.js';
/** At most `limit` requests leave in any window of `windowMs`. */
export interface WindowLimit {
    /** Requests allowed in one window. */
    limit: number;
    /** The window, in ms. */
    windowMs: number;
}
/** Options of a {@link RequestPacer}. */
export interface RequestPacerOptions extends WindowLimit {
    /** The clock, in ms. @defaultValue `Date.now` */
    now?: () => number;
}
/**
 * Lets at most `limit` requests leave in ANY window of `windowMs` (a sliding log of departure
 * slots), queuing the rest in order; with `limit` 1 it spaces requests evenly. The client uses
 * it for the overall request rate, together with a {@link RateWindow} that bounds what reaches
 * the platform.
 *
 * Hand-written rather than rate-limiter-flexible's `RateLimiterQueue`: its memory limiter
 * counts fixed windows, which let `2 × limit` requests through across a window edge (the end
 * of one window and the start of the next) — exactly what a server counting in sliding windows
 * answers with 6000 — and it reads `Date.now` with no way to inject a clock for tests.
 *
 * Each request reserves its slot when it asks (`slot = max(now, slot of the request `limit`
 * places earlier + windowMs)`), so a timer that fires late does not push later slots back:
 * the schedule keeps its rate over a long run.
 */
export declare class RequestPacer {
    private readonly limit;
    private readonly windowMs;
    private readonly now;
    /** The last `limit` slots, as a ring. */
    private readonly slots;
    private next;
    private readonly waiters;
    private closed;
    constructor(options: RequestPacerOptions);
    /** How long a request asking now would wait, in ms (0 when it could leave at once). */
    delay(): number;
    /**
     * Resolves when the caller may send (with a release that does nothing: departures alone count here).
     *
     * @throws {@link SmsError} (-1, not retryable) when the pacer is closed while waiting.
     */
    acquire(): Promise<Release>;
    /** Rejects every waiting request and every later one. */
    close(): void;
}
