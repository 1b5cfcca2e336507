import { timingSafeEqual } from 'node:crypto';
import { describeCode } from '../error-codes.js';
import { isSmsError } from '../errors.js';
import { jsonBodyFault, signableParams } from '../signable-params.js';
import { MemoryNonceStore, type NonceStore } from '../stores.js';
import { ipAllowed } from '../ip-allowlist.js';
import { infocloudPushDialect, type PushAnswer, type PushDialect, type PushKind } from './dialect.js';
import type { Receipt, Reply } from './payloads.js';
import { observedPush } from './push-telemetry.js';
import { PushQueue } from './queue.js';

export type { PushAnswer, PushKind } from './dialect.js';

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
export interface PushFailure<R = Receipt, U = Reply> {
  /** Which push it was. */
  kind: PushKind;
  /** The receipts or replies the handler was given. */
  items: R[] | U[];
  /** The push's details. */
  info: PushInfo;
}

/**
 * How pushes are authenticated, de-duplicated and handed to the user: what every adapter shares.
 * `R` and `U` are what the dialect reads receipts and replies into (the platform's
 * {@link Receipt} and {@link Reply} by default).
 */
export interface PushInboxOptions<R = Receipt, U = Reply> {
  /**
   * The provider whose pushes arrive (`aliyunPushDialect()` from `@smskit/aliyun`,
   * `tencentPushDialect()` from `@smskit/tencent`).
   * @defaultValue the platform's own, {@link infocloudPushDialect}, built from `apiKeys`
   */
  dialect?: PushDialect<R, U>;
  /**
   * The apiKey (or keys) whose pushes are accepted; the push body names its apiKey. Required
   * without a `dialect` (the platform's pushes); refused with one (those pushes carry no key).
   */
  apiKeys?: string | readonly string[];
  /**
   * A secret last path segment: pushes are accepted only at `<path>/<pathToken>`, the URL to
   * register in the console. Compared in constant time.
   */
  pathToken?: string;
  /** Addresses or CIDR ranges allowed to push; empty or absent: any. */
  allowedIps?: readonly string[];
  /** Handles new (not repeated) receipts. */
  onReceipts?: (receipts: R[], info: PushInfo) => void | Promise<void>;
  /** Handles new (not repeated) replies. */
  onReplies?: (replies: U[], info: PushInfo) => void | Promise<void>;
  /**
   * Called when a handler throws or rejects, with the items it was given.
   * @defaultValue writes the failure (kind, count, error) to `console.error`
   */
  onError?: (error: unknown, failure: PushFailure<R, U>) => void;
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
 * The framework-free half of receiving pushes (SPEC §3), shared by `@smskit/koa` and
 * `@smskit/nestjs`, for any provider through its {@link PushDialect}: a push is authenticated
 * by an optional secret path token and source-IP allowlist (and, for the platform's own pushes,
 * its apiKey); its body passes core's gate (no `__proto__`, bounded depth) and is validated by
 * the dialect; items already seen are dropped (pushes repeat); the answer — in the provider's
 * shape — is ready at once and the handler runs afterwards from a bounded queue, so a slow
 * handler never makes the provider wait. Handler failures reach `onError` with their items.
 */
export class PushInbox<R = Receipt, U = Reply> {
  private readonly dialect: PushDialect<R, U>;
  private readonly token: Buffer | undefined;
  private readonly dedupe: NonceStore | undefined;
  private readonly queue: PushQueue;

  /** @throws TypeError when `apiKeys` is missing without a dialect, or given with one. */
  constructor(private readonly options: PushInboxOptions<R, U>) {
    if (options.dialect && options.apiKeys !== undefined) {
      throw new TypeError(`PushInbox: options.apiKeys belongs to the platform's pushes; ${options.dialect.name} pushes carry no apiKey (authenticate them by pathToken and allowedIps).`);
    }
    this.dialect = options.dialect ?? (infocloudPushDialect({ apiKeys: options.apiKeys ?? [] }) as unknown as PushDialect<R, U>);
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

  /**
   * A refusal in the provider's shape, for what the adapter refuses itself (wrong path token
   * at routing, a method other than POST, an unreadable body). `status` defaults to the
   * catalogue's for the code.
   */
  refusal(refusal: { code: number; message: string; requestId: string; status?: number }): PushAnswer {
    return this.dialect.refused({ ...refusal, status: refusal.status ?? describeCode(refusal.code).httpStatus });
  }

  /** Checks, de-duplicates and queues one push; resolves the answer for the provider. */
  accept(push: IncomingPush): Promise<PushAnswer> {
    return observedPush(push.kind, () => this.answer(push));
  }

  private async answer(push: IncomingPush): Promise<PushAnswer> {
    const { kind, requestId } = push;
    const refuse = (code: number, message: string): PushAnswer => this.refusal({ code, message, requestId });
    if (!this.pathTokenMatches(push.pathToken)) return refuse(2001, 'Unknown push path token.');
    const allowed = this.options.allowedIps ?? [];
    if (allowed.length > 0 && !ipAllowed(push.sourceIp, allowed)) return refuse(2000, `Source address ${push.sourceIp} may not push.`);
    // The same gate for Koa and Nest (no __proto__, bounded depth), before anything reads the body.
    const gate = this.gate(push.body);
    if (!gate.ok) return refuse(40004, gate.reason);
    const { body } = gate;
    // Authenticate before validating, so that a stranger learns nothing of the payload's rules.
    const stranger = this.dialect.authenticate?.(body);
    if (stranger !== undefined) return refuse(2001, stranger);
    let items: readonly R[] | readonly U[];
    try {
      items = await (kind === 'receipts' ? this.dialect.parseReceipts(body) : this.dialect.parseReplies(body));
    } catch (error) {
      if (!isSmsError(error)) throw error;
      return refuse(error.code, error.message);
    }

    const info: PushInfo = { kind, requestId, sourceIp: push.sourceIp, receivedAt: new Date() };
    const { fresh, keys } = await this.claimFresh(kind, items);
    const handler = (kind === 'receipts' ? this.options.onReceipts : this.options.onReplies) as ((items: R[] | U[], info: PushInfo) => unknown) | undefined;
    const onError = this.options.onError ?? defaultOnError;
    const run = async () => {
      if (fresh.length === 0) return;
      // No handler for this kind: the items still reach onError rather than vanish.
      if (!handler) throw new Error(`No ${kind === 'receipts' ? 'onReceipts' : 'onReplies'} handler is configured; ${fresh.length} pushed item(s) were not handled.`);
      await handler(fresh, info);
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
    return this.dialect.ok(requestId);
  }

  /** Resolves once every accepted push has been handled (for shutdown and tests). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Batches accepted but not yet handled. */
  get pending(): number {
    return this.queue.pending;
  }

  /**
   * The body as the dialect reads it, or why it is refused: any JSON value within the depth
   * bound for `'json'` dialects, the gated parameters for `'object'` ones (a framework that
   * parsed no body — no or another content type — leaves none, which then reads as `{}` and is
   * refused by authentication, never a crash).
   */
  private gate(body: unknown): { ok: true; body: unknown } | { ok: false; reason: string } {
    if (this.dialect.bodies === 'json') {
      const fault = jsonBodyFault(body);
      return fault === undefined ? { ok: true, body } : { ok: false, reason: fault };
    }
    const gate = signableParams(body);
    return gate.ok ? { ok: true, body: gate.params } : { ok: false, reason: gate.reason };
  }

  private async claimFresh(kind: PushKind, items: readonly R[] | readonly U[]): Promise<{ fresh: R[] | U[]; keys: string[] }> {
    const dedupe = this.dedupe;
    if (!dedupe) return { fresh: [...items] as R[] | U[], keys: [] };
    const ttl = this.options.dedupeTtlMs ?? 86_400_000;
    const keyOf = (kind === 'receipts' ? (item: R) => this.dialect.receiptKey(item) : (item: U) => this.dialect.replyKey(item)) as (item: R | U) => string;
    const all = (items as readonly (R | U)[]).map(keyOf);
    // One round trip for the whole push where the store can (a push holds up to thousands of
    // items, and the platform waits only 1 s for the answer).
    const claimed = dedupe.claimMany ? await dedupe.claimMany(all, ttl) : await claimEach(dedupe, { keys: all, ttl });
    const fresh: (R | U)[] = [];
    const keys: string[] = [];
    claimed.forEach((isNew, index) => {
      if (!isNew) return;
      fresh.push(items[index] as R | U);
      keys.push(all[index] as string);
    });
    return { fresh: fresh as R[] | U[], keys };
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

function defaultOnError(error: unknown, failure: { kind: PushKind; items: unknown[]; info: PushInfo }): void {
  console.error(`smskit: the ${failure.kind} push handler failed for ${failure.items.length} item(s) (requestId ${failure.info.requestId}):`, error);
}
