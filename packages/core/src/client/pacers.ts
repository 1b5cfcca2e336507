import { createHash } from 'node:crypto';
import { PLATFORM_ENDPOINTS, type RateLimit } from '../endpoints.js';
import { SmsError } from '../errors.js';
import type { ClientEndpoint } from './events.js';
import type { PacingOptions, SharedPacingOptions } from './options.js';
import { RequestPacer } from './pacer.js';
import type { Pacer } from './pacing.js';
import { RateWindow } from './rate-window.js';
import { SharedRateWindow } from './shared-window.js';

/** The query endpoints, which keep their own documented limits besides the overall rate. */
const QUERIES = ['receipts', 'statistics', 'balance'] as const;

/** A number option: above 0 (and whole when asked), or the fallback when absent. */
export function positive(value: number | undefined, options: { label: string; fallback: number; integer?: boolean }): number {
  if (value === undefined) return options.fallback;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value) || (options.integer && !Number.isInteger(value))) {
    throw new SmsError({ code: 40004, message: `${options.label} must be a ${options.integer ? 'whole ' : ''}number above 0, not ${String(value)}.` });
  }
  return value;
}

/** What the pacers are built from besides the pacing options. */
export interface PacerContext {
  apiKey: string;
  /** The client's exchange timeout: an unanswered request counts account-wide at most this long plus its window. */
  timeoutMs: number;
  now: () => number;
}

/** A window of `limit` named `name`: in memory, or in the shared store when one is configured. */
function windowMaker(shared: SharedPacingOptions | undefined, context: PacerContext): (name: string, limit: RateLimit) => Pacer {
  if (shared === undefined) return (_, limit) => new RateWindow({ ...limit, now: context.now });
  if (typeof shared.store?.take !== 'function') throw new SmsError({ code: 40004, message: 'pacing.shared.store must be a PacerStore (take and release).' });
  const failMode = shared.failMode ?? 'closed';
  if (failMode !== 'closed' && failMode !== 'open') throw new SmsError({ code: 40004, message: `pacing.shared.failMode must be 'closed' or 'open', not ${JSON.stringify(failMode)}.` });
  const account = shared.account ?? createHash('sha256').update(context.apiKey).digest('hex').slice(0, 16);
  const timeoutMs = positive(shared.storeTimeoutMs, { label: 'pacing.shared.storeTimeoutMs', fallback: 2000 });
  const onError = shared.onError ?? (() => undefined);
  return (name, limit) =>
    new SharedRateWindow({
      store: shared.store,
      key: `${account}:${name}`,
      limit,
      // Lost releases and dead processes: a request never counts longer than its exchange can last plus a window.
      leaseMs: context.timeoutMs + limit.windowMs + 1000,
      timeoutMs,
      failMode,
      onError: (error) => {
        try {
          onError(error);
        } catch {
          // A hook that throws is ignored, as the client's hooks are.
        }
      },
      now: context.now,
    });
}

/** The pacers each endpoint's requests pass, in order. */
export function pacersOf(pacing: PacingOptions | false | undefined, context: PacerContext): Map<ClientEndpoint, Pacer[]> {
  const byEndpoint = new Map<ClientEndpoint, Pacer[]>();
  if (pacing === false) return byEndpoint;
  const windowOf = windowMaker(pacing?.shared, context);
  const overall: Pacer[] = [];
  if (pacing?.requestsPerSecond !== false) {
    const send: RateLimit = PLATFORM_ENDPOINTS.send.rateLimit;
    const rps = positive(pacing?.requestsPerSecond, { label: 'pacing.requestsPerSecond', fallback: (send.max * 1000) / send.windowMs });
    const burst = positive(pacing?.burst, { label: 'pacing.burst', fallback: 1, integer: true });
    // Even spacing gives the rate (per process); the window bounds what reaches the platform in any second.
    const perWindow = Math.max(1, Math.floor(rps));
    overall.push(new RequestPacer({ max: burst, windowMs: (burst * 1000) / rps, now: context.now }), windowOf('requests', { max: perWindow, windowMs: (perWindow * 1000) / rps }));
  }
  for (const endpoint of Object.keys(PLATFORM_ENDPOINTS) as ClientEndpoint[]) {
    const query = QUERIES.find((name) => name === endpoint);
    const own = query === undefined ? false : (pacing?.[query] ?? PLATFORM_ENDPOINTS[query].rateLimit);
    // The endpoint's own (long) wait comes first, so it does not hold a slot of the overall rate.
    byEndpoint.set(endpoint, [...(own && query ? [windowOf(query, own)] : []), ...overall]);
  }
  return byEndpoint;
}
