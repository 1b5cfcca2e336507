import type { Agent } from 'node:http';
import type { RateLimit } from '../endpoints.js';
import type { SignMethod } from '../sign-method.js';
import type { PacerStore } from '../stores/pacer-store.js';
import type { ClientHooks, ClientLogger } from './events.js';

/** The platform's address (SPEC §1). */
export const DEFAULT_BASE_URL = 'https://opassapi.infocloud.cc';

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
  /** Receipt queries. @defaultValue 3 per 60 s (`PLATFORM_ENDPOINTS.receipts.rateLimit`) */
  receipts?: RateLimit | false;
  /** Statistics queries. @defaultValue 4 per 60 s (`PLATFORM_ENDPOINTS.statistics.rateLimit`) */
  statistics?: RateLimit | false;
  /** Balance queries. @defaultValue 1 per 15 s (`PLATFORM_ENDPOINTS.balance.rateLimit`) */
  balance?: RateLimit | false;
  /**
   * Shares the limits with every process that sends for the same account, through a store
   * (`RedisPacerStore` of `@smskit/redis`): the overall request rate and each query's limit are
   * then counted account-wide. Without it each client paces alone, in memory.
   */
  shared?: SharedPacingOptions;
}

/** Account-wide pacing: where the counts live and what happens when that store fails. */
export interface SharedPacingOptions {
  /** Where the counts live. */
  store: PacerStore;
  /**
   * Names the account in the store's keys; clients with the same name share limits.
   * @defaultValue a hash of the apiKey (the key itself is not written to the store)
   */
  account?: string;
  /**
   * What a request does while the store does not answer: `'closed'` fails it with -1 before
   * anything is sent (retryable); `'open'` paces it in-process alone, as without a store, and
   * tries the store again a second later.
   * @defaultValue `'closed'`
   */
  failMode?: 'closed' | 'open';
  /** The most one store call may take, in ms. @defaultValue 2000 */
  storeTimeoutMs?: number;
  /** Told of every store failure (the request itself fails or goes on per `failMode`). */
  onError?: (error: unknown) => void;
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
   * The most one attempt's exchange may take, in ms: from the moment the request leaves (after
   * pacing, connection setup included) to the last byte of the answer, however the server
   * spreads it out. A send that runs past it is reported as outcome `unknown`, never retried;
   * a query is retried. A whole call settles within about `(retries + 1) × timeoutMs` plus the
   * retry delays and its wait for a turn. A request that had no connection yet when the
   * deadline passed was never written: it fails as `connect-timeout` and is retried.
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
  /**
   * A `node:http` agent to send through instead of the client's own pool of kept-alive
   * connections: a proxy agent, say. For an `https:` baseUrl it must speak TLS (an
   * `https.Agent`, or a proxy agent that tunnels). `connections` does not apply to it, and
   * `close()` leaves it open.
   */
  agent?: Agent;
  /** The clock, in ms (signing timestamps, pacing). @defaultValue `Date.now` */
  now?: () => number;
}
