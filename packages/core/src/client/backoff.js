/**
 * The wait before retry number `retry` (1 for the first): exponential backoff with full jitter,
 * a uniform draw from `[0, min(maxDelayMs, minDelayMs × 2^(retry−1)))`, so that many clients
 * failing together do not come back together.
 */
export function backoffDelay(options) {
    const { policy } = options;
    const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** Math.max(0, options.retry - 1));
    return Math.floor((options.random ?? Math.random)() * ceiling);
}
//# sourceMappingURL=backoff.js.map