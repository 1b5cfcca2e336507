import { digestText } from '../digest.js';
import { errorAnswer } from '../error-answer.js';
import { SmsError } from '../errors.js';
import { parseReceiptPush, parseReplyPush, type Receipt, type Reply } from './payloads.js';

/** Which push a batch came from. */
export type PushKind = 'receipts' | 'replies';

/** What to answer the pusher: HTTP status and the provider's JSON body. */
export interface PushAnswer {
  /** The HTTP status. */
  status: number;
  /** The JSON body, in the provider's shape (the platform's `{code, message, requestId}` by default). */
  body: { readonly [field: string]: unknown };
}

/** A push refused before any handler saw it, for the dialect to word in its provider's shape. */
export interface PushRefusal {
  /** The platform code (2000 address, 2001 token or key, 40004 body, -1 not handled). */
  code: number;
  /** Why, safe to send (never a secret). */
  message: string;
  /** The HTTP status core's catalogue gives the code (or the body reader's 4xx). */
  status: number;
  /** The id of the request. */
  requestId: string;
}

/**
 * How one provider's pushes look: what the inbox needs to read, de-duplicate and answer them.
 * Transport, authentication by path token and IP allowlist, de-duplication claims, the handler
 * queue and failure reporting stay in core's `PushInbox`; a dialect is pure data handling.
 *
 * `R` is what a receipt push is read into, `U` a reply push.
 */
export interface PushDialect<R = unknown, U = unknown> {
  /** The provider, for messages. */
  readonly name: string;
  /**
   * `'object'`: bodies must be JSON objects (core's `signableParams` gate). `'json'`: a JSON
   * array is accepted too (unsigned array pushes); `__proto__` and depth are checked alike.
   */
  readonly bodies: 'object' | 'json';
  /**
   * Authenticates a push by its body, after the path token and allowlist and before the body is
   * validated (so a stranger learns nothing of its rules). Returns why it is refused (2001).
   */
  authenticate?(body: unknown): string | undefined;
  /** Reads a receipt push; throws an `SmsError` (its code is answered) when malformed. */
  parseReceipts(body: unknown): readonly R[] | Promise<readonly R[]>;
  /** Reads a reply push; throws an `SmsError` when malformed. */
  parseReplies(body: unknown): readonly U[] | Promise<readonly U[]>;
  /** The key that tells a repeated receipt from a new one. */
  receiptKey(receipt: R): string;
  /** The key that tells a repeated reply from a new one. */
  replyKey(reply: U): string;
  /** The answer that stops the provider repeating the push. */
  ok(requestId: string): PushAnswer;
  /** The answer to a refused push (the provider repeats it later). */
  refused(refusal: PushRefusal): PushAnswer;
}

/** Options of {@link infocloudPushDialect}. */
export interface InfocloudPushDialectOptions {
  /** The apiKey (or keys) whose pushes are accepted; the push body names its apiKey. */
  apiKeys: string | readonly string[];
}

/**
 * The platform's own pushes (SPEC §3): JSON objects naming their apiKey, read into
 * {@link Receipt}s and {@link Reply}s, answered `{code, message, requestId}` with the
 * catalogue's HTTP status. `PushInbox` uses it when given `apiKeys` and no dialect.
 *
 * @throws TypeError when no non-empty apiKey is given.
 */
export function infocloudPushDialect(options: InfocloudPushDialectOptions): PushDialect<Receipt, Reply> {
  const apiKeys = new Set(typeof options.apiKeys === 'string' ? [options.apiKeys] : options.apiKeys);
  if (apiKeys.size === 0 || apiKeys.has('')) throw new TypeError('PushInbox: options.apiKeys must name at least one non-empty apiKey.');
  return {
    name: 'infocloud',
    bodies: 'object',
    authenticate(body) {
      const apiKey = (body as { apiKey?: unknown }).apiKey;
      return typeof apiKey === 'string' && apiKeys.has(apiKey) ? undefined : 'Unknown apiKey in the push.';
    },
    parseReceipts: parseReceiptPush,
    parseReplies: parseReplyPush,
    receiptKey: (item) => `push:r:${item.apiKey}:${item.msgId}:${item.tel}:${item.arriveResult}`,
    replyKey: (item) => `push:u:${item.apiKey}:${item.srcId}:${item.tel}:${item.arriveTime}:${digest(item.content)}`,
    ok: (requestId) => ({ status: 200, body: { code: 200, message: 'OK', requestId } }),
    refused: ({ code, message, status, requestId }) => {
      const { body } = errorAnswer(new SmsError({ code, message, httpStatus: status }), requestId);
      return { status, body: { code: body.code, message: body.message, requestId: body.requestId } };
    },
  };
}

/** A short digest of free text for a de-duplication key (replies carry no id of their own). */
export function pushTextDigest(text: string): string {
  return digestText('sha256', text, 'base64url').slice(0, 22);
}

const digest = pushTextDigest;
