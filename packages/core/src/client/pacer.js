import { SmsError } from '../errors.js';
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
export class RequestPacer {
    limit;
    windowMs;
    now;
    /** The last `limit` slots, as a ring. */
    slots;
    next = 0;
    waiters = new Set();
    closed = false;
    constructor(options) {
        if (!(Number.isInteger(options.limit) && options.limit > 0) || !(options.windowMs > 0)) {
            throw new SmsError({ code: 40004, message: `A pacing limit needs a whole limit ≥ 1 and a window > 0 ms, not ${options.limit} per ${options.windowMs} ms.` });
        }
        this.limit = options.limit;
        this.windowMs = options.windowMs;
        this.now = options.now ?? (() => Date.now());
        this.slots = new Array(options.limit).fill(Number.NEGATIVE_INFINITY);
    }
    /** How long a request asking now would wait, in ms (0 when it could leave at once). */
    delay() {
        return Math.max(0, this.slots[this.next] + this.windowMs - this.now());
    }
    /**
     * Resolves when the caller may send (with a release that does nothing: departures alone count here).
     *
     * @throws {@link SmsError} (-1, not retryable) when the pacer is closed while waiting.
     */
    acquire() {
        if (this.closed)
            return Promise.reject(closedError());
        const now = this.now();
        const slot = Math.max(now, this.slots[this.next] + this.windowMs);
        this.slots[this.next] = slot;
        this.next = (this.next + 1) % this.limit;
        const wait = slot - now;
        if (wait <= 0)
            return Promise.resolve(noRelease);
        return new Promise((resolve, reject) => {
            const waiter = {
                reject,
                timer: setTimeout(() => {
                    this.waiters.delete(waiter);
                    resolve(noRelease);
                }, wait),
            };
            this.waiters.add(waiter);
        });
    }
    /** Rejects every waiting request and every later one. */
    close() {
        this.closed = true;
        for (const waiter of this.waiters) {
            clearTimeout(waiter.timer);
            waiter.reject(closedError());
        }
        this.waiters.clear();
    }
}
const noRelease = () => undefined;
function closedError() {
    return new SmsError({ code: -1, message: 'The client was closed while this request waited for its turn.', hint: 'Call close() only after every call has settled.', retryable: false });
}
//# sourceMappingURL=pacer.js.map