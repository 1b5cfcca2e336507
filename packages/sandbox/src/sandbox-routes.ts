import Router from '@koa/router';
import { SmsError } from '@smskit/core';
import { readSignableBody, requestIdOf } from '@smskit/koa';
import type { Context } from 'koa';
import { z } from 'zod';
import { controlGuard } from './control-guard.js';
import type { FaultPlan } from './faults.js';
import { inboxRoutes } from './inbox/inbox-routes.js';
import type { SandboxControl } from './control.js';
import { BALANCE_ITEMS } from './templates.js';
import { fieldsOf } from './wire-fields.js';

/** Where the sandbox's own endpoints live, outside the platform API. */
export const SANDBOX_PREFIX = '/_sandbox';

const count = z.number().int().min(0).max(1_000_000).optional();
const FAULTS = z.object({ fail: count, failCode: z.number().int().optional(), drop: count, delay: count, delayMs: z.number().int().min(0).max(600_000).optional(), path: z.string().optional() }).strict();
const REPLY = z.object({
  tel: z.string().min(1).max(32),
  content: z.string().min(1).max(2000),
  apiKey: z.string().optional(),
  srcId: z.string().max(64).optional(),
  upExtendCode: z.string().regex(/^\d{1,8}$/).optional(),
});
const BALANCE = z.object({ apiKey: z.string().optional(), ...Object.fromEntries(BALANCE_ITEMS.map((item) => [item, z.number().int().min(0).optional()])), all: z.number().int().min(0).optional() });

function ok(ctx: Context, data: unknown): void {
  ctx.body = { code: 200, message: 'OK', data, requestId: requestIdOf(ctx) };
}

async function jsonBody(ctx: Context): Promise<Record<string, unknown>> {
  const body = await readSignableBody(ctx, '1mb');
  if (!body.ok) throw new SmsError({ code: 40004, message: body.message });
  return body.params as Record<string, unknown>;
}

function limitOf(ctx: Context): number {
  const limit = Number(ctx.query.limit ?? 100);
  return Number.isInteger(limit) && limit > 0 ? Math.min(limit, 10_000) : 100;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The sandbox's own endpoints, for tests and the inbox page: read what was sent, inject
 * replies, settle receipts now, inject faults, inspect and resume pushing, set balances, reset.
 * Only for local hosts, and never for another origin's page (see `controlGuard`).
 */
export function sandboxRouter(control: SandboxControl, options: { allowedHosts?: readonly string[] | true } = {}): Router {
  const router = new Router({ prefix: SANDBOX_PREFIX });
  router.use(controlGuard({ allowedHosts: options.allowedHosts ?? [] }));

  router.get('/state', async (ctx) => ok(ctx, await control.state()));
  router.get('/templates', (ctx) => ok(ctx, control.templates()));

  router.get('/messages', async (ctx) => {
    const q = ctx.query;
    ok(ctx, await control.messages({ phone: text(q.phone), msgId: text(q.msgId), apiKey: text(q.apiKey), limit: limitOf(ctx) }));
  });

  router.get('/replies', async (ctx) => ok(ctx, await control.replies({ phone: text(ctx.query.phone), apiKey: text(ctx.query.apiKey), limit: limitOf(ctx) })));
  router.post('/replies', async (ctx) => ok(ctx, await control.injectReply(fieldsOf(REPLY, await jsonBody(ctx)))));

  router.post('/deliver', async (ctx) => ok(ctx, { settled: await control.deliverNow() }));

  router.get('/faults', (ctx) => ok(ctx, control.faults()));
  router.post('/faults', async (ctx) => {
    control.setFaults(fieldsOf(FAULTS, await jsonBody(ctx)) as FaultPlan);
    ok(ctx, control.faults());
  });
  router.delete('/faults', (ctx) => {
    control.setFaults({});
    ok(ctx, control.faults());
  });

  router.get('/pushes', (ctx) => ok(ctx, { status: control.pushStatus(), attempts: control.pushAttempts() }));
  router.post('/pushes/resume', (ctx) => {
    control.resumePushes();
    ok(ctx, control.pushStatus());
  });

  router.post('/balance', async (ctx) => {
    const fields = fieldsOf(BALANCE, await jsonBody(ctx)) as { apiKey?: string; all?: number } & Record<string, number | undefined>;
    const values = Object.fromEntries(BALANCE_ITEMS.map((item) => [item, fields[item] ?? fields.all]).filter(([, v]) => v !== undefined));
    ok(ctx, await control.setBalance({ apiKey: fields.apiKey, values }));
  });

  inboxRoutes(router);

  router.post('/reset', async (ctx) => {
    await control.reset();
    ok(ctx, { reset: true });
  });

  return router;
}
