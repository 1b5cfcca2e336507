import type { Dispatcher } from 'undici';
import type { SignMethod } from '../sign-method.js';
import type { ClientHooks, ClientLogger } from './events.js';
import type { WindowLimit } from './pacer.js';
/** The platform's address (SPEC §1). */
export declare const DEFAULT_BASE_URL = "https://opassapi.infocloud.cc";
/**
 * When the client tries again. It only ever retries where a repeat cannot send a message
 * twice: failures that prove the request never reached the platform (connection refused, DNS,
 * connect timeout), and answers with a code the catalogue marks retryable (-1, 6000, 60009),
 * which mean the platform did not take the request. Delays grow exponentially with full
 * jitter: before retry n (from 1), a random wait between 0 and `min(maxDelayMs, minDelayMs × 2^(n−1))`.
 */
export interface RetryOptions {
    /** Retries after the first attempt; 0 turns retrying off. @defaultValue 3 */
    retries?: number;
    /** The base of the exponential backoff, in ms (with full jitter a retry may come sooner). @defaultValue 200 */
    minDelayMs?: number;
    /**
     * The longest delay, in ms. A `Retry-After` longer than this is not waited for: the call
     * fails with its 6000 instead.
     * @defaultValue 5000
     */
    maxDelayMs?: number;
}
/**
 * Client-side pacing, so callers do not run into the platform's limits (6000) by accident.
 * Every request counts towards `requestsPerSecond`; the query endpoints also keep their own
 * limits. Limits are kept at the platform, not just at the client: a request counts from when
 * it leaves until a full window after its answer came (see `RateWindow`), so however the
 * platform's windows fall, it never sees more than the limit in one.
 */
export interface PacingOptions {
    /**
     * Requests per second, all endpoints together, spread evenly; `false` turns it off.
     * @defaultValue 300 (the platform's documented throughput)
     */
    requestsPerSecond?: number | false;
    /**
     * How many requests may leave back to back before the even spacing applies.
     * @defaultValue 1
     */
    burst?: number;
    /** Receipt queries. @defaultValue 3 per 60 s */
    receipts?: WindowLimit | false;
    /** Statistics queries. @defaultValue 4 per 60 s */
    statistics?: WindowLimit | false;
    /** Balance queries. @defaultValue 1 per 15 s */
    balance?: WindowLimit | false;
}
/** Options of {@link SmsClient}. */
export interface SmsClientOptions {
    /** The account's apiKey. */
    apiKey: string;
    /** The account's secret accessKey: signs requests, never sent, never logged. */
    accessKey: string;
    /**
     * Where the platform is; a path after the origin is kept as a prefix (for on-premise proxies).
     * @defaultValue {@link DEFAULT_BASE_URL}
     */
    baseUrl?: string;
    /** The HMAC requests are signed with. @defaultValue `'HmacSHA256'` */
    signMethod?: SignMethod;
    /**
     * How long to wait for the answer once a request was written, in ms: for the response
     * headers, then for each part of the body. A send that times out here is reported as outcome
     * `unknown`, never retried.
     * @defaultValue 10 000
     */
    timeoutMs?: number;
    /**
     * How long to wait for a connection, in ms. A connect timeout proves the request never left,
     * so it is retried.
     * @defaultValue 5000
     */
    connectTimeoutMs?: number;
    /** Retry policy; `false` turns retrying off. @defaultValue {@link RetryOptions} defaults */
    retry?: RetryOptions | false;
    /** Client-side pacing; `false` turns it off. @defaultValue {@link PacingOptions} defaults */
    pacing?: PacingOptions | false;
    /**
     * How many requests of one bulk `send` or `sendBatch` are in flight at once.
     * @defaultValue 8
     */
    concurrency?: number;
    /**
     * Kept-alive connections to the platform, all calls together.
     * @defaultValue 32
     */
    connections?: number;
    /**
     * How numbers that are not mainland mobile numbers are handled: `'reject'` fails the whole
     * call locally with 60007 naming them; `'skip'` sends the valid ones and reports the others
     * in `invalid`, as the platform itself does with `failPhones`.
     * @defaultValue `'reject'`
     */
    invalidPhones?: 'reject' | 'skip';
    /**
     * Template texts by template code, for local 60003/60004 checks of the values when a call
     * does not pass its own `template`.
     */
    templates?: Readonly<Record<string, string>>;
    /** Observability hooks; a hook that throws is ignored. */
    hooks?: ClientHooks;
    /** Receives one line per request, retry and failure; phone numbers masked, no secrets. */
    logger?: ClientLogger;
    /** An undici dispatcher to send through instead of the client's own pool (a `ProxyAgent`, say); `close()` leaves it open. */
    dispatcher?: Dispatcher;
    /** The clock, in ms (signing timestamps, pacing). @defaultValue `Date.now` */
    now?: () => number;
}
