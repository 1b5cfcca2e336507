import { createHash, timingSafeEqual } from 'node:crypto';
import { errorAnswer, type ErrorAnswer } from '../error-answer.js';
import { isSmsError, SmsError } from '../errors.js';
import { signableParams } from '../signable-params.js';
import { MemoryNonceStore, type NonceStore } from '../stores.js';
import { ipAllowed } from '../ip-allowlist.js';
import { parseReceiptPush, parseReplyPush, type Receipt, type Reply } from './payloads.js';
import { PushQueue } from './queue.js';

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

/** How pushes are authenticated, de-duplicated and handed to the user: what every adapter shares. */
export interface PushInboxOptions {
  /** The apiKey (or keys) whose pushes are accepted; the push body names its apiKey. */
  apiKeys: string | readonly string[];
  /**
   * A secret last path segment: pushes are accepted only at `<path>/<pathToken>`, the URL to
   * register in the console. Compared in constant time.
   */
  pathToken?: string;
  /** Addresses or CIDR ranges allowed to push; empty or absent: any. */
  allowedIps?: readonly string[];
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
}

/** One push as an adapter hands it over. */
export interface IncomingPush {
  /** Which endpoint it arrived at. */
  kind: PushKind;
  /** The parsed JSON body. */
  body: unknown;
  /** The pushing address. */
  sourceIp: string;
  /** The id to answer with. */
  requestId: string;
  /** The last path segment, when the adapter's route has a token slot. */
  pathToken?: string;
}

/**
 * What to answer the platform: the catalogue's HTTP status for the code, and the platform's
 * JSON shape — core's {@link ErrorAnswer}, with `{code: 200, message: 'OK'}` for an accepted push.
 */
export type PushAnswer = ErrorAnswer;

/**
 * The framework-free half of receiving the platform's pushes (SPEC §3), shared by
 * `@smskit/koa` and `@smskit/nestjs`: a push is authenticated by its apiKey, and optionally a
 * secret path token and a source-IP allowlist; its body is validated into typed
 * {@link Receipt}s or {@link Reply}s; items already seen are dropped (pushes repeat); the answer
 * is ready at once and the handler runs afterwards from a bounded queue, so a slow handler
 * never makes the platform wait past its 1 s limit. Handler failures reach `onError` with
 * their items.
 */
export class PushInbox {
  private readonly apiKeys: Set<string>;
  private readonly token: Buffer | undefined;
  private readonly dedupe: NonceStore | undefined;
  private readonly queue: PushQueue;

  constructor(private readonly options: PushInboxOptions) {
    this.apiKeys = new Set(typeof options.apiKeys === 'string' ? [options.apiKeys] : options.apiKeys);
    if (this.apiKeys.size === 0 || this.apiKeys.has('')) throw new TypeError('PushInbox: options.apiKeys must name at least one non-empty apiKey.');
    this.token = options.pathToken === undefined ? undefined : Buffer.from(options.pathToken);
    // De-duplication may forget the oldest item when full: a very old repeat handled twice is
    // the lesser harm next to refusing pushes.
    this.dedupe = options.dedupeStore === false ? undefined : (options.dedupeStore ?? new MemoryNonceStore({ whenFull: 'evict-oldest' }));
    this.queue = new PushQueue({ concurrency: options.concurrency ?? 4, maxQueued: options.maxQueued ?? 10_000 });
  }

  /** Whether routes carry a secret token segment. */
  get expectsPathToken(): boolean {
    return this.token !== undefined;
  }

  /** Whether `given` is the secret path token (constant time); always true without one. */
  pathTokenMatches(given: string | undefined): boolean {
    if (!this.token) return true;
    if (given === undefined) return false;
    const bytes = Buffer.from(given);
    return bytes.length === this.token.length && timingSafeEqual(bytes, this.token);
  }

  /** Checks, de-duplicates and queues one push; resolves the answer for the platform. */
  async accept(push: IncomingPush): Promise<PushAnswer> {
    const { kind, requestId } = push;
    const refuse = (code: number, message: string): PushAnswer => errorAnswer(new SmsError({ code, message }), requestId);
    if (!this.pathTokenMatches(push.pathToken)) return refuse(2001, 'Unknown push path token.');
    const allowed = this.options.allowedIps ?? [];
    if (allowed.length > 0 && !ipAllowed(push.sourceIp, allowed)) return refuse(2000, `Source address ${push.sourceIp} may not push.`);
    // The same gate as signed requests (object, no __proto__, bounded depth), for Koa and Nest
    // alike, before anything reads the body.
    const gate = signableParams(push.body);
    if (!gate.ok) return refuse(40004, gate.reason);
    // Authenticate before validating, so that a stranger learns nothing of the payload's rules.
    const apiKey = gate.params.apiKey;
    if (typeof apiKey !== 'string' || !this.apiKeys.has(apiKey)) return refuse(2001, 'Unknown apiKey in the push.');
    let items: Receipt[] | Reply[];
    try {
      items = await (kind === 'receipts' ? parseReceiptPush(gate.params) : parseReplyPush(gate.params));
    } catch (error) {
      if (!isSmsError(error)) throw error;
      return refuse(error.code, error.message);
    }

    const info: PushInfo = { kind, requestId, sourceIp: push.sourceIp, receivedAt: new Date() };
    const { fresh, keys } = await this.claimFresh(items);
    const handler = kind === 'receipts' ? this.options.onReceipts : this.options.onReplies;
    const onError = this.options.onError ?? defaultOnError;
    const run = async () => {
      if (fresh.length === 0) return;
      // No handler for this kind: the items still reach onError rather than vanish.
      if (!handler) throw new Error(`No ${kind === 'receipts' ? 'onReceipts' : 'onReplies'} handler is configured; ${fresh.length} pushed item(s) were not handled.`);
      await (handler as (items: Receipt[] | Reply[], info: PushInfo) => unknown)(fresh, info);
    };
    const fail = (error: unknown) => onError(error, { kind, items: fresh, info });
    if ((this.options.ack ?? 'immediately') === 'after-handler') {
      try {
        await run();
      } catch (error) {
        await this.release(keys);
        fail(error);
        return refuse(-1, 'The push could not be handled; repeat it later.');
      }
    } else if (fresh.length > 0 && !this.queue.offer({ run, fail })) {
      await this.release(keys);
      return refuse(-1, 'Too many pushes waiting; repeat it later.');
    }
    return { status: 200, body: { code: 200, message: 'OK', requestId } };
  }

  /** Resolves once every accepted push has been handled (for shutdown and tests). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Batches accepted but not yet handled. */
  get pending(): number {
    return this.queue.pending;
  }

  private async claimFresh(items: Receipt[] | Reply[]): Promise<{ fresh: Receipt[] | Reply[]; keys: string[] }> {
    const dedupe = this.dedupe;
    if (!dedupe) return { fresh: items, keys: [] };
    const ttl = this.options.dedupeTtlMs ?? 86_400_000;
    const all = items.map(dedupeKey);
    // One round trip for the whole push where the store can (a push holds up to thousands of
    // items, and the platform waits only 1 s for the answer).
    const claimed = dedupe.claimMany ? await dedupe.claimMany(all, ttl) : await claimEach(dedupe, { keys: all, ttl });
    const fresh: (Receipt | Reply)[] = [];
    const keys: string[] = [];
    claimed.forEach((isNew, index) => {
      if (!isNew) return;
      fresh.push(items[index] as Receipt | Reply);
      keys.push(all[index] as string);
    });
    return { fresh: fresh as Receipt[] | Reply[], keys };
  }

  /** Forgets items whose handling failed, so the platform's repeat is handled again. */
  private async release(keys: string[]): Promise<void> {
    if (this.dedupe?.releaseMany) return this.dedupe.releaseMany(keys);
    if (!this.dedupe?.release) return;
    for (const key of keys) await this.dedupe.release(key);
  }
}

/**
 * Claims keys one by one on a store without `claimMany`: all in flight at once, and if any
 * claim fails, the ones that succeeded are given back before the failure is passed on, so the
 * platform's repeat of the push is not taken for a duplicate.
 */
async function claimEach(store: NonceStore, batch: { keys: string[]; ttl: number }): Promise<boolean[]> {
  const settled = await Promise.allSettled(batch.keys.map((key) => store.claim(key, batch.ttl)));
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (!failed) return settled.map((outcome) => (outcome as PromiseFulfilledResult<boolean>).value);
  if (store.release) {
    const release = store.release.bind(store);
    await Promise.allSettled(settled.map((outcome, index) => (outcome.status === 'fulfilled' && outcome.value ? release(batch.keys[index] as string) : undefined)));
  }
  throw (failed as PromiseRejectedResult).reason;
}

function dedupeKey(item: Receipt | Reply): string {
  if ('msgId' in item) return `push:r:${item.apiKey}:${item.msgId}:${item.tel}:${item.arriveResult}`;
  const content = createHash('sha256').update(item.content).digest('base64url').slice(0, 22);
  return `push:u:${item.apiKey}:${item.srcId}:${item.tel}:${item.arriveTime}:${content}`;
}

function defaultOnError(error: unknown, failure: PushFailure): void {
  console.error(`smskit: the ${failure.kind} push handler failed for ${failure.items.length} item(s) (requestId ${failure.info.requestId}):`, error);
}
