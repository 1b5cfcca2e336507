import { PushInbox, type PushInboxOptions, type PushKind } from '@smskit/core';
import type { Context, Middleware, Next } from 'koa';
import { answerPlatformError } from './platform-response.js';
import { requestIdOf } from './request-id.js';
import { readSignableBody, type BodyLimit } from './signable-body.js';

/** Options of {@link receivePushes}: core's push handling, plus where the endpoints are. */
export interface ReceivePushesOptions extends PushInboxOptions {
  /** Path of the receipt push endpoint. @defaultValue `'/sms/push/receipts'` */
  receiptPath?: string;
  /** Path of the uplink (reply) push endpoint. @defaultValue `'/sms/push/replies'` */
  replyPath?: string;
  /** The pushing address. @defaultValue `(ctx) => ctx.ip` */
  sourceIp?: (ctx: Context) => string;
  /** Largest push body. @defaultValue `'2mb'` */
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
 * Koa middleware for the platform's receipt and uplink pushes (SPEC §3). It answers the two
 * push paths and passes every other request on; everything else — authentication by apiKey,
 * path token and IP allowlist, validation into typed receipts and replies, de-duplication,
 * answering at once and handling afterwards — is `@smskit/core`'s {@link PushInbox}, shared
 * with the NestJS adapter.
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
export function receivePushes(options: ReceivePushesOptions): PushReceiver {
  const inbox = new PushInbox(options);
  const routes = new Map<string, PushKind>([
    [trimSlash(options.receiptPath ?? '/sms/push/receipts'), 'receipts'],
    [trimSlash(options.replyPath ?? '/sms/push/replies'), 'replies'],
  ]);
  const sourceIp = options.sourceIp ?? ((ctx: Context) => ctx.ip);
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

  const receiver = async function receiveSmsPushes(ctx: Context, next: Next): Promise<void> {
    const matched = route(ctx.path);
    if (!matched) return next();
    if (!inbox.pathTokenMatches(matched.token)) return void answerPlatformError(ctx, { code: 2001, message: 'Unknown push path token.' });
    if (ctx.method !== 'POST') {
      ctx.set('Allow', 'POST');
      return void answerPlatformError(ctx, { code: 40004, message: 'Pushes are POST requests.', status: 405 });
    }
    const body = await readSignableBody(ctx, bodyLimit);
    if (!body.ok) return void answerPlatformError(ctx, { code: 40004, message: body.message, status: body.status });
    const answer = await inbox.accept({ kind: matched.kind, body: body.params, sourceIp: sourceIp(ctx), requestId: requestIdOf(ctx), pathToken: matched.token });
    ctx.status = answer.status;
    ctx.body = answer.body;
  };
  return Object.defineProperties(receiver, {
    idle: { value: () => inbox.idle() },
    pending: { get: () => inbox.pending },
  }) as PushReceiver;
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}
