import { SmsError } from '../errors.js';
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
export class RateWindow {
    limit;
    windowMs;
    now;
    /** When recently answered requests were answered, oldest first. */
    answered = [];
    head = 0;
    inFlight = 0;
    queue = [];
    timer;
    closed = false;
    constructor(options) {
        if (!(Number.isInteger(options.limit) && options.limit > 0) || !(options.windowMs > 0)) {
            throw new SmsError({ code: 40004, message: `A pacing limit needs a whole limit ≥ 1 and a window > 0 ms, not ${options.limit} per ${options.windowMs} ms.` });
        }
        this.limit = options.limit;
        this.windowMs = options.windowMs;
        this.now = options.now ?? (() => Date.now());
    }
    /**
     * Resolves when the caller may send, with the function to call once the answer came.
     *
     * @throws {@link SmsError} (-1, not retryable) when the window is closed while waiting.
     */
    acquire() {
        if (this.closed)
            return Promise.reject(closedError());
        return new Promise((resolve, reject) => {
            this.queue.push({ resolve, reject });
            this.pump();
        });
    }
    /** Rejects every waiting request and every later one. */
    close() {
        this.closed = true;
        if (this.timer)
            clearTimeout(this.timer);
        for (const waiter of this.queue.splice(0))
            waiter.reject(closedError());
    }
    counted() {
        const now = this.now();
        while (this.head < this.answered.length && this.answered[this.head] + this.windowMs <= now)
            this.head++;
        if (this.head > 1024 && this.head * 2 > this.answered.length) {
            this.answered.splice(0, this.head);
            this.head = 0;
        }
        return this.inFlight + this.answered.length - this.head;
    }
    pump() {
        if (this.timer) {
            clearTimeout(this.timer);
            this.timer = undefined;
        }
        while (this.queue.length > 0 && this.counted() < this.limit) {
            this.inFlight++;
            this.queue.shift().resolve(this.releaser());
        }
        // Otherwise wait for the oldest answer to leave the window (or for an answer to come).
        if (this.queue.length > 0 && this.head < this.answered.length) {
            this.timer = setTimeout(() => this.pump(), this.answered[this.head] + this.windowMs - this.now());
        }
    }
    releaser() {
        let released = false;
        return () => {
            if (released)
                return;
            released = true;
            this.inFlight--;
            this.answered.push(this.now());
            if (!this.closed)
                this.pump();
        };
    }
}
function closedError() {
    return new SmsError({ code: -1, message: 'The client was closed while this request waited for its turn.', hint: 'Call close() only after every call has settled.', retryable: false });
}
//# sourceMappingURL=rate-window.js.map