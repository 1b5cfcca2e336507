/** The retry policy with every default filled in. */
export interface RetryPolicy {
    retries: number;
    minDelayMs: number;
    maxDelayMs: number;
}
/**
 * The wait before retry number `retry` (1 for the first): exponential backoff with full jitter,
 * a uniform draw from `[0, min(maxDelayMs, minDelayMs × 2^(retry−1)))`, so that many clients
 * failing together do not come back together.
 */
export declare function backoffDelay(options: {
    retry: number;
    policy: RetryPolicy;
    random?: () => number;
}): number;
