import { formatArriveTime, MAX_RECEIPT_QUERY_IDS, PLATFORM_ENDPOINTS, RECEIPT_RETENTION_MS, SmsError, type PlatformEndpoint } from '@smskit/core';
import { answerPlatformError, requestIdOf, verifiedCaller } from '@smskit/koa';
import type { Context, Middleware, Next } from 'koa';
import compose from 'koa-compose';
import { acceptSend, acceptSendBatch, type Accepted, type SendContext } from './send-engine.js';
import { BALANCE_ITEMS } from './templates.js';
import { fieldsOf, RECEIPT_QUERY_FIELDS, SEND_BATCH_FIELDS, SEND_FIELDS, STATISTICS_FIELDS } from './wire-fields.js';

/** What the platform endpoints need. */
export interface PlatformRouteDeps extends SendContext {
  /** `verifySignature`, shared by every signed endpoint (one nonce store). */
  verify: Middleware;
  /** The rate limit of an endpoint, or none. */
  limit: (endpoint: PlatformEndpoint) => Middleware | undefined;
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
 * The platform's endpoints (SPEC §3) at the paths and aliases of core's endpoint table, each
 * signed and rate-limited as the table says and answered as the manual shows. The paths are
 * fixed strings, so they are looked up in a Map: a router's pattern matching showed in the
 * profile of the send benchmark and buys nothing here. Other paths go to `next`; a known path
 * with a method other than POST answers 405 (40004), except the health probe, which answers
 * any method.
 */
export function platformEndpoints(deps: PlatformRouteDeps): Middleware {
  const handlers: Readonly<Record<PlatformEndpoint, Middleware>> = {
    health: (ctx) => ok(ctx, { data: { status: 'UP' } }),

    async send(ctx) {
      const fields = fieldsOf(SEND_FIELDS, bodyOf(ctx));
      const { result, accepted } = await acceptSend(deps, apiKeyOf(ctx), fields);
      deps.onAccepted(accepted);
      ok(ctx, { data: result });
    },

    async sendBatch(ctx) {
      const fields = fieldsOf(SEND_BATCH_FIELDS, bodyOf(ctx));
      const { result, accepted } = await acceptSendBatch(deps, apiKeyOf(ctx), fields);
      deps.onAccepted(accepted);
      ok(ctx, { data: result });
    },

    async receipts(ctx) {
      const fields = fieldsOf(RECEIPT_QUERY_FIELDS, bodyOf(ctx));
      const ids = fields.msgId ? fields.msgId.split(',').map((id) => id.trim()).filter((id) => id !== '') : [];
      if (ids.length > MAX_RECEIPT_QUERY_IDS) throw new SmsError({ code: 40004, message: `msgId lists ${ids.length} ids; at most ${MAX_RECEIPT_QUERY_IDS}.` });
      const receipts = await deps.store.takeReceipts({
        apiKey: apiKeyOf(ctx),
        msgIds: ids.length > 0 ? new Set(ids) : undefined,
        bid: fields.bid || undefined,
        since: deps.now() - RECEIPT_RETENTION_MS,
        limit: MAX_RECEIPT_QUERY_IDS,
      });
      const data = receipts.map((m) => ({ msgId: m.msgId, tel: m.phone, arrive: m.state, arriveTime: formatArriveTime(new Date(m.arrivedAt ?? deps.now())), bid: m.bid ?? null }));
      ok(ctx, { data }, '查询成功');
    },

    async statistics(ctx) {
      const fields = fieldsOf(STATISTICS_FIELDS, bodyOf(ctx));
      if (fields.startDate > fields.endDate) throw new SmsError({ code: 40004, message: 'startDate is after endDate.' });
      const days = await deps.store.statistics({ apiKey: apiKeyOf(ctx), from: fields.startDate, to: fields.endDate });
      const start = (fields.page - 1) * fields.pageSize;
      ok(ctx, { data: days.slice(start, start + fields.pageSize), totalSize: days.length });
    },

    async balance(ctx) {
      const balance = await deps.store.balance(apiKeyOf(ctx));
      ok(ctx, { data: BALANCE_ITEMS.map((itemName) => ({ itemName, residueValue: balance[itemName] })) });
    },
  };

  const routes = new Map<string, { anyMethod: boolean; handle: Middleware }>();
  for (const endpoint of Object.keys(PLATFORM_ENDPOINTS) as PlatformEndpoint[]) {
    const spec = PLATFORM_ENDPOINTS[endpoint];
    const limit = deps.limit(endpoint);
    const chain = [...(spec.signed ? [deps.verify] : []), ...(limit ? [limit] : []), handlers[endpoint]];
    // The unsigned probe answers any method, as the vendor's network check expects.
    const route = { anyMethod: !spec.signed, handle: chain.length === 1 ? handlers[endpoint] : compose(chain) };
    for (const path of [spec.path, ...spec.aliases]) routes.set(path, route);
  }

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
