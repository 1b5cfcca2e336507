import { formatArriveTime, SmsError } from '@smskit/core';
import { answerPlatformError, requestIdOf, verifiedCaller } from '@smskit/koa';
import type { Context, Middleware, Next } from 'koa';
import compose from 'koa-compose';
import type { LimitedEndpoint } from './rate-limits.js';
import { acceptSend, acceptSendBatch, type Accepted, type SendContext } from './send-engine.js';
import { BALANCE_ITEMS } from './templates.js';
import { fieldsOf, RECEIPT_QUERY_FIELDS, SEND_BATCH_FIELDS, SEND_FIELDS, STATISTICS_FIELDS } from './wire-fields.js';

/** Receipts are kept for pulling this long (SPEC §3). */
export const RECEIPT_WINDOW_MS = 6 * 60 * 60 * 1000;

/** Most receipts one query returns (SPEC §3). */
export const MAX_RECEIPTS_PER_QUERY = 600;

/** What the platform endpoints need. */
export interface PlatformRouteDeps extends SendContext {
  /** `verifySignature`, shared by every signed endpoint (one nonce store). */
  verify: Middleware;
  /** The rate limit of an endpoint, or none. */
  limit: (endpoint: LimitedEndpoint) => Middleware | undefined;
  /** Called with accepted messages, to schedule their receipts. */
  onAccepted: (accepted: readonly Accepted[]) => void;
}

function ok(ctx: Context, fields: Record<string, unknown>, message = 'OK'): void {
  ctx.body = { code: 200, message, ...fields, requestId: requestIdOf(ctx) };
}

function bodyOf(ctx: Context): Record<string, unknown> {
  return (ctx.request as unknown as { body: Record<string, unknown> }).body;
}

function apiKeyOf(ctx: Context): string {
  // the routes run behind verifySignature, so a caller is always there
  return verifiedCaller(ctx)?.apiKey ?? '';
}

/**
 * The platform's endpoints (SPEC §3), each signed, rate-limited and answered as the manual
 * shows. The paths are fixed strings, so they are looked up in a Map: a router's pattern
 * matching showed in the profile of the send benchmark and buys nothing here. Other paths go
 * to `next`; a known path with a method other than POST answers 405 (40004).
 */
export function platformEndpoints(deps: PlatformRouteDeps): Middleware {
  const routes = new Map<string, { anyMethod: boolean; handle: Middleware }>();
  const endpoints = {
    all(paths: string[], handler: Middleware) {
      for (const path of paths) routes.set(path, { anyMethod: true, handle: handler });
    },
    post(path: string | string[], ...chain: Middleware[]) {
      const handle = compose(chain);
      for (const p of typeof path === 'string' ? [path] : path) routes.set(p, { anyMethod: false, handle });
    },
  };
  const signed = (endpoint: LimitedEndpoint | undefined): Middleware[] => {
    const limit = endpoint && deps.limit(endpoint);
    return limit ? [deps.verify, limit] : [deps.verify];
  };

  // The vendor's network check script POSTs here unsigned, with a trailing slash.
  endpoints.all(['/health/info', '/health/info/'], (ctx) => ok(ctx, { data: { status: 'UP' } }));

  endpoints.post('/message/send', ...signed('send'), async (ctx) => {
    const fields = fieldsOf(SEND_FIELDS, bodyOf(ctx));
    const { result, accepted } = await acceptSend(deps, apiKeyOf(ctx), fields);
    deps.onAccepted(accepted);
    ok(ctx, { data: result });
  });

  endpoints.post('/message/sendBatch', ...signed('sendBatch'), async (ctx) => {
    const fields = fieldsOf(SEND_BATCH_FIELDS, bodyOf(ctx));
    const { result, accepted } = await acceptSendBatch(deps, apiKeyOf(ctx), fields);
    deps.onAccepted(accepted);
    ok(ctx, { data: result });
  });

  // One of the vendor's Java samples uses /sms/arrive/qry; the manual says /sms/arriveRes/qry.
  endpoints.post(['/sms/arriveRes/qry', '/sms/arrive/qry'], ...signed('receipts'), async (ctx) => {
    const fields = fieldsOf(RECEIPT_QUERY_FIELDS, bodyOf(ctx));
    const ids = fields.msgId ? fields.msgId.split(',').map((id) => id.trim()).filter((id) => id !== '') : [];
    if (ids.length > MAX_RECEIPTS_PER_QUERY) throw new SmsError({ code: 40004, message: `msgId lists ${ids.length} ids; at most ${MAX_RECEIPTS_PER_QUERY}.` });
    const receipts = await deps.store.takeReceipts({
      apiKey: apiKeyOf(ctx),
      msgIds: ids.length > 0 ? new Set(ids) : undefined,
      bid: fields.bid || undefined,
      since: deps.now() - RECEIPT_WINDOW_MS,
      limit: MAX_RECEIPTS_PER_QUERY,
    });
    const data = receipts.map((m) => ({ msgId: m.msgId, tel: m.phone, arrive: m.state, arriveTime: formatArriveTime(new Date(m.arrivedAt ?? deps.now())), bid: m.bid ?? null }));
    ok(ctx, { data }, '查询成功');
  });

  endpoints.post('/sms/send/statistics', ...signed('statistics'), async (ctx) => {
    const fields = fieldsOf(STATISTICS_FIELDS, bodyOf(ctx));
    if (fields.startDate > fields.endDate) throw new SmsError({ code: 40004, message: 'startDate is after endDate.' });
    const days = await deps.store.statistics({ apiKey: apiKeyOf(ctx), from: fields.startDate, to: fields.endDate });
    const start = (fields.page - 1) * fields.pageSize;
    ok(ctx, { data: days.slice(start, start + fields.pageSize), totalSize: days.length });
  });

  endpoints.post('/sms/residueValue/qry', ...signed('balance'), async (ctx) => {
    const balance = await deps.store.balance(apiKeyOf(ctx));
    ok(ctx, { data: BALANCE_ITEMS.map((itemName) => ({ itemName, residueValue: balance[itemName] })) });
  });

  return function platformApi(ctx: Context, next: Next): Promise<void> | void {
    const route = routes.get(ctx.path);
    if (!route) return next();
    if (!route.anyMethod && ctx.method !== 'POST') {
      ctx.set('Allow', 'POST');
      answerPlatformError(ctx, { code: 40004, message: `${ctx.path} takes POST requests, not ${ctx.method.slice(0, 16)}.`, status: 405 });
      return;
    }
    return route.handle(ctx, next);
  };
}
