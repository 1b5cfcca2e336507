import { createHash, timingSafeEqual } from 'node:crypto';
import { ipAllowed, isSmsError, MemoryNonceStore, type NonceStore } from '@smskit/core';
import type { Context, Middleware, Next } from 'koa';
import { answerPlatformError } from './platform-response.js';
import { parseReceiptPush, parseReplyPush, type Receipt, type Reply } from './push-payloads.js';
import { PushQueue } from './push-queue.js';
import { requestIdOf } from './request-id.js';
import { readSignableBody, type BodyLimit } from './signable-body.js';

/** Which push a batch came from. */
export type PushKind = 'receipts' | 'replies';

/** What a push handler learns besides the items. */
export interface PushInfo {
  /** Which push it was. */
  kind: PushKind;
  /** The id answered to the platform. */
  requestId: string;
  /** The pushing address. */
  sourceIp: string;
  /** When the push arrived. */
  receivedAt: Date;
}

/** A handler failure, as the `onError` hook gets it: the items are there, so nothing is lost. */
export interface PushFailure {
  /** Which push it was. */
  kind: PushKind;
  /** The receipts or replies the handler was given. */
  items: Receipt[] | Reply[];
  /** The push's details. */
  info: PushInfo;
}

/** Options of {@link receivePushes}. */
export interface ReceivePushesOptions {
  /** The apiKey (or keys) whose pushes are accepted; the push body names its apiKey. */
  apiKeys: string | readonly string[];
  /** Path of the receipt push endpoint. @defaultValue `'/sms/push/receipts'` */
  receiptPath?: string;
  /** Path of the uplink (reply) push endpoint. @defaultValue `'/sms/push/replies'` */
  replyPath?: string;
  /**
   * A secret last path segment: pushes are accepted only at `<path>/<pathToken>`, which is the
   * URL to register in the console. Compared in constant time.
   */
  pathToken?: string;
  /** Addresses or CIDR ranges allowed to push; empty or absent: any. */
  allowedIps?: readonly string[];
  /** The pushing address. @defaultValue `(ctx) => ctx.ip` */
  sourceIp?: (ctx: Context) => string;
  /** Handles new (not repeated) receipts. */
  onReceipts?: (receipts: Receipt[], info: PushInfo) => void | Promise<void>;
  /** Handles new (not repeated) replies. */
  onReplies?: (replies: Reply[], info: PushInfo) => void | Promise<void>;
  /**
   * Called when a handler throws or rejects, with the items it was given.
   * @defaultValue writes the failure (kind, count, error) to `console.error`
   */
  onError?: (error: unknown, failure: PushFailure) => void;
  /**
   * Remembers pushed items so repeats reach the handler once. `false` passes repeats on.
   * @defaultValue a new in-process `MemoryNonceStore`
   */
  dedupeStore?: NonceStore | false;
  /** How long an item is remembered, in ms. @defaultValue 86_400_000 (24 h) */
  dedupeTtlMs?: number;
  /**
   * `'immediately'`: answer the platform first, then run the handler from an in-process queue
   * (the platform wants an answer within 1 s; queued work is lost if the process dies).
   * `'after-handler'`: run the handler first and answer -1 if it fails, so the platform's repeat
   * is accepted again — for handlers that are reliably fast.
   * @defaultValue `'immediately'`
   */
  ack?: 'immediately' | 'after-handler';
  /** Handlers running at once, with `ack: 'immediately'`. @defaultValue 4 */
  concurrency?: number;
  /** Batches waiting at most; past that pushes are answered -1 and repeated later. @defaultValue 10_000 */
  maxQueued?: number;
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
 * push paths and passes every other request on. A push is authenticated by its apiKey, and
 * optionally a secret path token and a source-IP allowlist; its body is validated into typed
 * {@link Receipt}s or {@link Reply}s; items already seen are dropped (pushes repeat); then it
 * answers `{code: 200}` at once and runs the handler afterwards, so a slow handler never makes
 * the platform wait past its 1 s limit. Handler failures go to `onError` with their items.
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
  const apiKeys = new Set(typeof options.apiKeys === 'string' ? [options.apiKeys] : options.apiKeys);
  if (apiKeys.size === 0 || apiKeys.has('')) throw new TypeError('receivePushes: options.apiKeys must name at least one non-empty apiKey.');
  const token = options.pathToken === undefined ? undefined : Buffer.from(options.pathToken);
  const routes = new Map<string, PushKind>([
    [trimSlash(options.receiptPath ?? '/sms/push/receipts'), 'receipts'],
    [trimSlash(options.replyPath ?? '/sms/push/replies'), 'replies'],
  ]);
  const allowedIps = options.allowedIps ?? [];
  const sourceIp = options.sourceIp ?? ((ctx: Context) => ctx.ip);
  const dedupe = options.dedupeStore === false ? undefined : (options.dedupeStore ?? new MemoryNonceStore());
  const ttl = options.dedupeTtlMs ?? 86_400_000;
  const ackFirst = (options.ack ?? 'immediately') === 'immediately';
  const bodyLimit = options.bodyLimit ?? '2mb';
  const onError = options.onError ?? defaultOnError;
  const queue = new PushQueue({ concurrency: options.concurrency ?? 4, maxQueued: options.maxQueued ?? 10_000 });

  const route = (path: string): PushKind | 'bad-token' | undefined => {
    const trimmed = trimSlash(path);
    if (!token) return routes.get(trimmed);
    const cut = trimmed.lastIndexOf('/');
    const kind = routes.get(trimmed.slice(0, cut));
    if (!kind) return routes.get(trimmed) ? 'bad-token' : undefined;
    const given = Buffer.from(trimmed.slice(cut + 1));
    return given.length === token.length && timingSafeEqual(given, token) ? kind : 'bad-token';
  };

  const receiver = async function receiveSmsPushes(ctx: Context, next: Next): Promise<void> {
    const kind = route(ctx.path);
    if (kind === undefined) return next();
    if (kind === 'bad-token') return void answerPlatformError(ctx, { code: 2001, message: 'Unknown push path token.' });
    if (ctx.method !== 'POST') {
      ctx.set('Allow', 'POST');
      return void answerPlatformError(ctx, { code: 40004, message: 'Pushes are POST requests.', status: 405 });
    }
    const ip = sourceIp(ctx);
    if (allowedIps.length > 0 && !ipAllowed(ip, allowedIps)) {
      return void answerPlatformError(ctx, { code: 2000, message: `Source address ${ip} may not push.` });
    }
    const body = await readSignableBody(ctx, bodyLimit);
    if (!body.ok) return void answerPlatformError(ctx, { code: 40004, message: body.message, status: body.status });
    let items: Receipt[] | Reply[];
    try {
      items = kind === 'receipts' ? parseReceiptPush(body.params) : parseReplyPush(body.params);
    } catch (error) {
      if (!isSmsError(error)) throw error;
      return void answerPlatformError(ctx, { code: error.code, message: error.message });
    }
    const apiKey = (body.params as { apiKey: string }).apiKey;
    if (!apiKeys.has(apiKey)) return void answerPlatformError(ctx, { code: 2001, message: 'Unknown apiKey in the push.' });

    const info: PushInfo = { kind, requestId: requestIdOf(ctx), sourceIp: ip, receivedAt: new Date() };
    const { fresh, keys } = await claimFresh(items, dedupe, ttl);
    const handler = kind === 'receipts' ? options.onReceipts : options.onReplies;
    const release = () => releaseAll(dedupe, keys);
    const run = async () => {
      if (handler && fresh.length > 0) await (handler as (items: Receipt[] | Reply[], info: PushInfo) => unknown)(fresh, info);
    };
    const fail = (error: unknown) => onError(error, { kind, items: fresh, info });

    if (!ackFirst) {
      try {
        await run();
      } catch (error) {
        await release();
        fail(error);
        return void answerPlatformError(ctx, { code: -1, message: 'The push could not be handled; repeat it later.' });
      }
    } else if (fresh.length > 0 && handler && !queue.offer({ run, fail })) {
      await release();
      return void answerPlatformError(ctx, { code: -1, message: 'Too many pushes waiting; repeat it later.' });
    }
    ctx.status = 200;
    ctx.body = { code: 200, message: 'OK', requestId: info.requestId };
  };
  return Object.defineProperties(receiver, {
    idle: { value: () => queue.idle() },
    pending: { get: () => queue.pending },
  }) as PushReceiver;
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function dedupeKey(item: Receipt | Reply): string {
  if ('msgId' in item) return `push:r:${item.apiKey}:${item.msgId}:${item.tel}:${item.arriveResult}`;
  const content = createHash('sha256').update(item.content).digest('base64url').slice(0, 22);
  return `push:u:${item.apiKey}:${item.srcId}:${item.tel}:${item.arriveTime}:${content}`;
}

async function claimFresh(items: Receipt[] | Reply[], store: NonceStore | undefined, ttl: number): Promise<{ fresh: Receipt[] | Reply[]; keys: string[] }> {
  if (!store) return { fresh: items, keys: [] };
  const fresh: (Receipt | Reply)[] = [];
  const keys: string[] = [];
  for (const item of items) {
    const key = dedupeKey(item);
    if (await store.claim(key, ttl)) {
      fresh.push(item);
      keys.push(key);
    }
  }
  return { fresh: fresh as Receipt[] | Reply[], keys };
}

async function releaseAll(store: NonceStore | undefined, keys: string[]): Promise<void> {
  if (!store?.release) return;
  for (const key of keys) await store.release(key);
}

function defaultOnError(error: unknown, failure: PushFailure): void {
  console.error(`smskit: the ${failure.kind} push handler failed for ${failure.items.length} item(s) (requestId ${failure.info.requestId}):`, error);
}
