import { PushInbox, type PushAnswer, type PushInboxOptions, type PushKind, type Receipt, type Reply } from '@smskit/core';
import type { Context, Middleware, Next } from 'koa';
import { requestIdOf } from './request-id.js';
import { readParsedBody, type BodyLimit } from './signable-body.js';
import { sourceIpReader } from './source-ip.js';

/**
 * Options of {@link receivePushes}: core's push handling (with a `dialect` for another
 * provider's pushes), plus where the endpoints are.
 */
export interface ReceivePushesOptions<R = Receipt, U = Reply> extends PushInboxOptions<R, U> {
  /** Path of the receipt push endpoint. @defaultValue `'/sms/push/receipts'` */
  receiptPath?: string;
  /** Path of the uplink (reply) push endpoint. @defaultValue `'/sms/push/replies'` */
  replyPath?: string;
  /**
   * How many proxies of yours stand in front of the app, for `allowedIps`: as for
   * {@link verifySignature}, the caller is the n-th `X-Forwarded-For` entry from the right, and
   * `app.proxy` is ignored (it would trust the caller-written leftmost entry).
   * @defaultValue 0 (the connection's peer is the pusher)
   */
  trustedProxies?: number;
  /**
   * The pushing address, when neither default fits. Replaces `trustedProxies`.
   * @defaultValue the connection's peer, or the address `trustedProxies` points at
   */
  sourceIp?: (ctx: Context) => string | undefined;
  /**
   * Largest push body. The platform pushes at most a few thousand items at once (about 100
   * bytes each), so 2 MB leaves room for the largest push it sends (Aliyun and Tencent batch
   * fewer). A larger body is refused 413 in the dialect's answer shape.
   * @defaultValue `'2mb'`
   */
  bodyLimit?: BodyLimit;
}

/** The middleware {@link receivePushes} returns, with a way to wait for queued handlers. */
export interface PushReceiver extends Middleware {
  /** Resolves once every accepted push has been handled (for shutdown and tests). */
  idle(): Promise<void>;
  /** Batches accepted but not yet handled. */
  readonly pending: number;
}

/**
 * Koa middleware for receipt and uplink pushes (SPEC §3) — the platform's by default, or any
 * provider's through `dialect` (`aliyunPushDialect()`, `tencentPushDialect()`). It answers the
 * two push paths and passes every other request on; everything else — authentication by path
 * token, IP allowlist (and the platform's apiKey), validation into typed receipts and replies,
 * de-duplication, answering at once in the provider's shape and handling afterwards — is
 * `@smskit/core`'s {@link PushInbox}, shared with the NestJS adapter.
 *
 * @example
 * ```ts
 * app.use(receivePushes({
 *   apiKeys: process.env.SMS_API_KEY!,
 *   pathToken: process.env.SMS_PUSH_TOKEN,
 *   onReceipts: async (receipts) => { for (const r of receipts) await markDelivered(r); },
 * }));
 * ```
 */
export function receivePushes<R = Receipt, U = Reply>(options: ReceivePushesOptions<R, U>): PushReceiver {
  const inbox = new PushInbox<R, U>(options);
  const routes = new Map<string, PushKind>([
    [trimSlash(options.receiptPath ?? '/sms/push/receipts'), 'receipts'],
    [trimSlash(options.replyPath ?? '/sms/push/replies'), 'replies'],
  ]);
  const sourceIp = options.sourceIp ?? sourceIpReader(options.trustedProxies);
  const bodyLimit = options.bodyLimit ?? '2mb';

  const route = (path: string): { kind: PushKind; token?: string } | undefined => {
    const trimmed = trimSlash(path);
    if (!inbox.expectsPathToken) {
      const kind = routes.get(trimmed);
      return kind && { kind };
    }
    const cut = trimmed.lastIndexOf('/');
    const kind = routes.get(trimmed.slice(0, cut));
    if (kind) return { kind, token: trimmed.slice(cut + 1) };
    // the bare path without its token: answered (and refused), not passed on
    const bare = routes.get(trimmed);
    return bare && { kind: bare };
  };

  const answer = (ctx: Context, reply: PushAnswer): void => {
    ctx.status = reply.status;
    ctx.body = reply.body;
  };
  // refusals the middleware makes itself, in the dialect's answer shape like the inbox's own
  const refuse = (ctx: Context, refusal: { code: number; message: string; status?: number }): void => answer(ctx, inbox.refusal({ ...refusal, requestId: requestIdOf(ctx) }));

  const receiver = async function receiveSmsPushes(ctx: Context, next: Next): Promise<void> {
    const matched = route(ctx.path);
    if (!matched) return next();
    if (!inbox.pathTokenMatches(matched.token)) return refuse(ctx, { code: 2001, message: 'Unknown push path token.' });
    if (ctx.method !== 'POST') {
      ctx.set('Allow', 'POST');
      return refuse(ctx, { code: 40004, message: 'Pushes are POST requests.', status: 405 });
    }
    const read = await readParsedBody(ctx, bodyLimit);
    if (!read.ok) return refuse(ctx, { code: 40004, message: read.message, status: read.status });
    // the inbox applies core's body gate (no __proto__, bounded depth; arrays only where the
    // dialect's pushes are arrays), as on NestJS
    answer(ctx, await inbox.accept({ kind: matched.kind, body: read.body, sourceIp: sourceIp(ctx) ?? '', requestId: requestIdOf(ctx), pathToken: matched.token }));
  };
  return Object.defineProperties(receiver, {
    idle: { value: () => inbox.idle() },
    pending: { get: () => inbox.pending },
  }) as PushReceiver;
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}
