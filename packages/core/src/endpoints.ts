/*
 * The platform's endpoints as data (SPEC §3): where each lives, whether it is signed, the
 * limits the platform documents for it. The client paces by this table, the sandbox routes
 * and limits by it, and the Postman generator writes its requests from it — one place to
 * change when the platform does.
 */

/**
 * At most `max` calls in any window of `windowMs` milliseconds. The one shape of a rate limit
 * across smskit: the platform's endpoint limits, the client's pacing, the sandbox's limits.
 */
export interface RateLimit {
  /** Calls allowed in one window. */
  max: number;
  /** The window, in ms. */
  windowMs: number;
}

/** The platform's endpoints, by name. */
export type PlatformEndpoint = 'send' | 'sendBatch' | 'receipts' | 'statistics' | 'balance' | 'health';

/** What the platform documents about one endpoint. */
export interface EndpointSpec {
  /** The path after the base URL, as the manual writes it. */
  readonly path: string;
  /** Other paths the platform answers at for the same endpoint (the vendor's samples use them). */
  readonly aliases: readonly string[];
  /** Whether requests carry the HMAC signature headers (SPEC §2). */
  readonly signed: boolean;
  /**
   * Whether calling twice changes nothing at the platform, so a call whose answer was lost may
   * be repeated. Sends are not: the platform has no idempotency key.
   */
  readonly repeatable: boolean;
  /** The documented per-account limit; answered with 6000 past it. Absent when none is documented. */
  readonly rateLimit?: RateLimit;
  /** The most phone numbers one request takes (60008 past it). */
  readonly maxPhones?: number;
  /** The most msgIds one query takes; also the most receipts one answer holds. */
  readonly maxIds?: number;
  /** How far back the endpoint reaches, in ms (receipts: the last 6 hours). */
  readonly retentionMs?: number;
}

/** The most numbers one `send` or `sendBatch` request takes (60008). */
export const MAX_PHONES_PER_REQUEST = 1000;

/** The longest list of msgIds one receipt query takes; also the most receipts one answer holds. */
export const MAX_RECEIPT_QUERY_IDS = 600;

/** How long the platform keeps receipts for pulling (SPEC §3): 6 hours. */
export const RECEIPT_RETENTION_MS = 6 * 60 * 60 * 1000;

// About 300 sends a second per account, as the manual puts the platform's throughput.
const SEND_RATE: RateLimit = { max: 300, windowMs: 1000 };

/** Every endpoint of SPEC §3, by name. */
export const PLATFORM_ENDPOINTS = {
  send: { path: '/message/send', aliases: [], signed: true, repeatable: false, rateLimit: SEND_RATE, maxPhones: MAX_PHONES_PER_REQUEST },
  sendBatch: { path: '/message/sendBatch', aliases: [], signed: true, repeatable: false, rateLimit: SEND_RATE, maxPhones: MAX_PHONES_PER_REQUEST },
  // One of the vendor's Java samples uses /sms/arrive/qry; the manual says /sms/arriveRes/qry.
  receipts: {
    path: '/sms/arriveRes/qry',
    aliases: ['/sms/arrive/qry'],
    signed: true,
    repeatable: true,
    rateLimit: { max: 3, windowMs: 60_000 },
    maxIds: MAX_RECEIPT_QUERY_IDS,
    retentionMs: RECEIPT_RETENTION_MS,
  },
  statistics: { path: '/sms/send/statistics', aliases: [], signed: true, repeatable: true, rateLimit: { max: 4, windowMs: 60_000 } },
  balance: { path: '/sms/residueValue/qry', aliases: [], signed: true, repeatable: true, rateLimit: { max: 1, windowMs: 15_000 } },
  // The vendor's network check script POSTs here unsigned, with a trailing slash.
  health: { path: '/health/info', aliases: ['/health/info/'], signed: false, repeatable: true },
} as const satisfies Readonly<Record<PlatformEndpoint, EndpointSpec>>;

/** The names of the endpoints with a documented rate limit. */
export type RateLimitedEndpoint = {
  [K in PlatformEndpoint]: (typeof PLATFORM_ENDPOINTS)[K] extends { rateLimit: RateLimit } ? K : never;
}[PlatformEndpoint];

/** The endpoints with a documented rate limit, in table order. */
export const RATE_LIMITED_ENDPOINTS: readonly RateLimitedEndpoint[] = ['send', 'sendBatch', 'receipts', 'statistics', 'balance'];

/** A limit in words, as the docs write it: `3 calls per 60 s`. */
export function describeRateLimit(limit: RateLimit): string {
  const seconds = limit.windowMs / 1000;
  return `${limit.max} call${limit.max === 1 ? '' : 's'} per ${seconds} s`;
}
