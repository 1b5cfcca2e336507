import { SmsError, type ChannelReceipt, type PushDialect } from '@smskit/core/provider';
import { ALIYUN_PUSH_OK, parseSmsReport, parseSmsUp, receiptOfReport, replyDedupeKey, type AliyunReply } from './payloads.js';

/** Options of {@link aliyunPushDialect}. */
export interface AliyunPushDialectOptions {
  /** The channel's name, put on every receipt (as in the router's config). @defaultValue `'aliyun'` */
  channel?: string;
}

/** The body of Aliyun's answer to a push: `code` 0 stops its repeats, anything else asks for one. */
export interface AliyunPushAnswerBody {
  /** 0 when accepted; smskit's platform code when refused. */
  code: number;
  /** `成功`, or why the push was refused. */
  msg: string;
}

/** Reads a push with an Aliyun parser, turning its complaint into the 40004 the inbox answers. */
function read<T>(parse: (body: unknown) => T[], body: unknown): T[] {
  try {
    return parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : 'Malformed Aliyun push.';
    throw new SmsError({ code: 40004, message, hint: 'See Aliyun\'s SmsReport / SmsUp push formats (HTTP 批量推送).', cause: error });
  }
}

/**
 * Aliyun's `SmsReport` and `SmsUp` HTTP pushes for core's `PushInbox` (and so for
 * `@smskit/koa`'s `receivePushes` and `@smskit/nestjs`' push receiver). Aliyun signs none of
 * its pushes: give the inbox a secret `pathToken` and an `allowedIps` list.
 *
 * Receipts are read into core's `ChannelReceipt` (feed them to a `ChannelReceiptBook`),
 * replies into {@link AliyunReply}; repeats are dropped by BizId and number (receipts) or
 * sequence id and number (replies). Accepted pushes are answered HTTP 200
 * `{"code":0,"msg":"成功"}`; refused ones `{"code":<platform code>,"msg":<why>}` with the
 * catalogue's 4xx status, so Aliyun repeats them.
 *
 * @example
 * ```ts
 * app.use(receivePushes({ dialect: aliyunPushDialect(), pathToken, allowedIps, onReceipts: (r) => r.forEach((x) => book.apply(x)) }));
 * ```
 */
export function aliyunPushDialect(options: AliyunPushDialectOptions = {}): PushDialect<ChannelReceipt, AliyunReply> {
  const channel = options.channel ?? 'aliyun';
  return {
    name: 'Aliyun',
    bodies: 'json',
    parseReceipts: (body) => read(parseSmsReport, body).map((report) => receiptOfReport(report, channel)),
    parseReplies: (body) => read(parseSmsUp, body),
    // the same key as reportDedupeKey: BizId and number
    receiptKey: (receipt) => `aliyun:r:${receipt.messageId}:${receipt.number}`,
    replyKey: replyDedupeKey,
    ok: () => ({ status: 200, body: { ...ALIYUN_PUSH_OK } }),
    refused: ({ code, message, status }) => ({ status, body: { code, msg: message } satisfies AliyunPushAnswerBody }),
  };
}
