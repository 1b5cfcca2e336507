import { pushTextDigest, type ChannelReceipt, type PushDialect } from '@smskit/core/provider';
import { parseTencentReceiptPush, parseTencentReplyPush, TENCENT_PUSH_OK, type TencentReply } from './push.js';

/** Options of {@link tencentPushDialect}. */
export interface TencentPushDialectOptions {
  /** The channel's name, put on every receipt (as in the router's config). @defaultValue `'tencent'` */
  channel?: string;
}

/** The body of Tencent's answer to a push: `result` 0 stops its repeats, anything else asks for one. */
export interface TencentPushAnswerBody {
  /** 0 when accepted; smskit's platform code when refused. */
  result: number;
  /** `OK`, or why the push was refused. */
  errmsg: string;
}

/**
 * Tencent's receipt and reply callbacks for core's `PushInbox` (and so for `@smskit/koa`'s
 * `receivePushes` and `@smskit/nestjs`' push receiver). Tencent signs neither callback: give
 * the inbox a secret `pathToken` and an `allowedIps` list.
 *
 * Receipts are read into core's `ChannelReceipt` (feed them to a `ChannelReceiptBook`), the
 * reply callback (one object) into one {@link TencentReply}; repeats are dropped by sid and
 * number (receipts) or number, time and text (replies). Accepted pushes are answered HTTP 200
 * `{"result":0,"errmsg":"OK"}`; refused ones `{"result":<platform code>,"errmsg":<why>}` with
 * the catalogue's 4xx status, so Tencent repeats them.
 *
 * @example
 * ```ts
 * app.use(receivePushes({ dialect: tencentPushDialect(), pathToken, allowedIps, onReceipts: (r) => r.forEach((x) => book.apply(x)) }));
 * ```
 */
export function tencentPushDialect(options: TencentPushDialectOptions = {}): PushDialect<ChannelReceipt, TencentReply> {
  const channel = options.channel ?? 'tencent';
  return {
    name: 'Tencent',
    bodies: 'json',
    parseReceipts: (body) => parseTencentReceiptPush(body, channel),
    parseReplies: (body) => [parseTencentReplyPush(body)],
    receiptKey: (receipt) => `tencent:r:${receipt.messageId}:${receipt.number}`,
    replyKey: (reply) => `tencent:u:${reply.number}:${reply.at.getTime()}:${pushTextDigest(reply.text)}`,
    ok: () => ({ status: 200, body: { ...TENCENT_PUSH_OK } }),
    refused: ({ code, message, status }) => ({ status, body: { result: code, errmsg: message } satisfies TencentPushAnswerBody }),
  };
}
