import { createHash, timingSafeEqual } from 'node:crypto';
import { ipAllowed, isSmsError, MemoryNonceStore, type NonceStore } from '@smskit/core';
import type { ChannelReceipt } from '@smskit/core';
import { loadTencentPushSchemas, parseTencentReceiptPush, parseTencentReplyPush, TENCENT_PUSH_OK, type TencentReply } from './push.js';

/** How Tencent's pushes are received. Tencent does not sign them: a secret path and an allowlist stand in. */
export interface TencentPushReceiverOptions {
  /** The channel's name, put on every receipt. @defaultValue `'tencent'` */
  channel?: string;
  /** A secret last path segment of the callback URL registered in the console; compared in constant time. */
  pathToken?: string;
  /** Addresses or CIDR ranges allowed to push; empty or absent: any. */
  allowedIps?: readonly string[];
  /** Handles new (not repeated) receipts. */
  onReceipts?: (receipts: ChannelReceipt[]) => void | Promise<void>;
  /** Handles a new (not repeated) reply. */
  onReply?: (reply: TencentReply) => void | Promise<void>;
  /** Remembers pushed items so repeats reach the handler once; `false` passes repeats on. @defaultValue a `MemoryNonceStore` */
  dedupeStore?: NonceStore | false;
  /** How long an item is remembered, in ms. @defaultValue 86_400_000 */
  dedupeTtlMs?: number;
}

/** One push as an HTTP adapter hands it over. */
export interface TencentIncomingPush {
  /** Which callback it arrived at. */
  kind: 'receipts' | 'replies';
  /** The parsed JSON body. */
  body: unknown;
  /** The pushing address. */
  sourceIp: string;
  /** The last path segment, when the route has a token slot. */
  pathToken?: string;
}

/** What to answer Tencent. */
export interface TencentPushAnswer {
  /** The HTTP status. */
  status: number;
  /** Tencent's answer shape: `result` 0 stops its repeats. */
  body: { result: number; errmsg: string };
}

/**
 * Receives Tencent's receipt and reply callbacks: path token, allowlist, validation,
 * de-duplication, then the handler; answers `{"result":0,"errmsg":"OK"}` once handled, and a
 * non-zero result when the handler failed, so that Tencent repeats the push.
 */
export class TencentPushReceiver {
  private readonly token: Buffer | undefined;
  private readonly dedupe: NonceStore | undefined;

  constructor(private readonly options: TencentPushReceiverOptions = {}) {
    this.token = options.pathToken === undefined ? undefined : Buffer.from(options.pathToken);
    // Load the validators now: the first push must not wait for them (Tencent wants a quick answer).
    loadTencentPushSchemas();
    this.dedupe = options.dedupeStore === false ? undefined : (options.dedupeStore ?? new MemoryNonceStore({ whenFull: 'evict-oldest' }));
  }

  /** Checks, de-duplicates and handles one push; resolves the answer for Tencent. */
  async accept(push: TencentIncomingPush): Promise<TencentPushAnswer> {
    if (this.token && (push.pathToken === undefined || !sameBytes(Buffer.from(push.pathToken), this.token))) return { status: 401, body: { result: 2001, errmsg: 'unknown push path token' } };
    const allowed = this.options.allowedIps ?? [];
    if (allowed.length > 0 && !ipAllowed(push.sourceIp, allowed)) return { status: 403, body: { result: 2000, errmsg: 'source address may not push' } };
    let items: { key: string; run: () => void | Promise<void> }[];
    try {
      items = push.kind === 'receipts' ? this.receiptItems(push.body) : this.replyItems(push.body);
    } catch (error) {
      if (!isSmsError(error)) throw error;
      return { status: 400, body: { result: 40004, errmsg: error.message } };
    }
    const claimed: string[] = [];
    try {
      for (const item of items) {
        if (this.dedupe && !(await this.dedupe.claim(item.key, this.options.dedupeTtlMs ?? 86_400_000))) continue;
        claimed.push(item.key);
        await item.run();
      }
    } catch {
      // Forget what was not handled, so Tencent's repeat is handled again.
      if (this.dedupe?.release) for (const key of claimed) await this.dedupe.release(key);
      return { status: 500, body: { result: -1, errmsg: 'push not handled; repeat later' } };
    }
    return { status: 200, body: { ...TENCENT_PUSH_OK } };
  }

  private receiptItems(body: unknown): { key: string; run: () => void | Promise<void> }[] {
    const receipts = parseTencentReceiptPush(body, this.options.channel ?? 'tencent');
    return receipts.map((receipt) => ({ key: `tencent:r:${receipt.messageId}:${receipt.number}:${receipt.providerState}`, run: () => this.options.onReceipts?.([receipt]) }));
  }

  private replyItems(body: unknown): { key: string; run: () => void | Promise<void> }[] {
    const reply = parseTencentReplyPush(body);
    const digest = createHash('sha256').update(reply.text).digest('base64url').slice(0, 22);
    return [{ key: `tencent:u:${reply.number}:${reply.at.getTime()}:${digest}`, run: () => this.options.onReply?.(reply) }];
  }
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
