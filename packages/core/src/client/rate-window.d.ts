import type { WindowLimit } from './pacer.js';
/** Options of a {@link RateWindow}. */
export interface RateWindowOptions extends WindowLimit {
    /** The clock, in ms. @defaultValue `Date.now` */
    now?: () => number;
}
/** Called when a request's answer (or failure) came. */
export type Release = () => void;
/**
 * Keeps at most `limit` requests AT THE PLATFORM in any window of `windowMs`, whatever window
 * the platform counts in and wherever its windows start.
 *
 * A request is known to have arrived somewhere between leaving and being answered. So it
 * counts from the moment it leaves until `windowMs` after its answer came: the next request in
 * line leaves only when fewer than `limit` are counted. Counting from departure instead (a
 * sliding log) is not enough: when the first requests of a run are slowed by connection setup,
 * the platform's window opens late and the requests that catch up crowd into it — measured
 * against the sandbox, 313 arrivals in its first second at an even 300/s. This costs one
 * round-trip per window when the limit binds (300 requests per 1000 ms + latency).
 */
export declare class RateWindow {
    private readonly limit;
    private readonly windowMs;
    private readonly now;
    /** When recently answered requests were answered, oldest first. */
    private readonly answered;
    private head;
    private inFlight;
    private readonly queue;
    private timer;
    private closed;
    constructor(options: RateWindowOptions);
    /**
     * Resolves when the caller may send, with the function to call once the answer came.
     *
     * @throws {@link SmsError} (-1, not retryable) when the window is closed while waiting.
     */
    acquire(): Promise<Release>;
    /** Rejects every waiting request and every later one. */
    close(): void;
    private counted;
    private pump;
    private releaser;
}
