import { isDelivered, RECEIPT_HORIZON_MS, type ReceiptStatus } from '../delivery.js';
import { toSmsError, type SmsError } from '../errors.js';
import type { ReceiptQueryInput } from './queries.js';
import { MAX_RECEIPT_QUERY_IDS } from '../endpoints.js';
import type { DeliveryReceipt } from './receipts.js';
import type { SendResult } from './send-result.js';

/** Where a tracker pulls receipts from: an {@link SmsClient} fits. */
export interface ReceiptSource {
  /** Pulls receipts (paced by the source). */
  queryReceipts(input: ReceiptQueryInput): Promise<DeliveryReceipt[]>;
}

/** What a tracker needs of a receipt: pulled ones, and `@smskit/koa`'s pushed ones, fit. */
export interface ReceiptLike extends Pick<DeliveryReceipt, 'msgId' | 'tel' | 'status'> {
  /** When the receipt says the message arrived. */
  arrivedAt?: Date;
  /** The business id given at send time. */
  bid?: string;
}

/** A message to follow: the msgId a send answered and the numbers it was accepted for. */
export interface TrackedSend {
  /** The msgId (shared by every number of one request). */
  msgId: string;
  /** The numbers the request was accepted for. */
  phones: readonly string[];
  /** Its business id. */
  bid?: string;
  /** When it was sent, ms. @defaultValue now */
  sentAt?: number;
}

/** A receipt's state, or `NO_RECEIPT` when none came within the horizon (72 h). */
export type FinalStatus = ReceiptStatus | 'NO_RECEIPT';

/** How one message to one number ended. */
export interface MessageOutcome {
  /** The msgId. */
  msgId: string;
  /** The number. */
  phone: string;
  /** Its business id, when known. */
  bid?: string;
  /** The final state. */
  status: FinalStatus;
  /** Whether it reached the handset (only `DELIVRD`). */
  delivered: boolean;
  /** When the receipt says it arrived. */
  arrivedAt?: Date;
  /** What settled it: a pushed or pulled receipt, or the horizon passing. */
  via: 'push' | 'pull' | 'horizon';
}

/** Options of a {@link ReceiptTracker}. */
export interface ReceiptTrackerOptions {
  /** Where to pull from; without one, only ingested (pushed) receipts settle messages. */
  source?: ReceiptSource;
  /** How long to wait for a receipt before settling `NO_RECEIPT`, ms. @defaultValue {@link RECEIPT_HORIZON_MS} (72 h) */
  horizonMs?: number;
  /** Pause between pulls once `start()`ed, ms (the platform advises once a minute). @defaultValue 60 000 */
  pullEveryMs?: number;
  /**
   * How long a receipt that matches nothing tracked is kept, in case its send is tracked late (a
   * push can overtake the answer of the send), ms.
   * @defaultValue 300 000
   */
  holdUnmatchedMs?: number;
  /** The most unmatched receipts held; the oldest go first. @defaultValue 10 000 */
  maxUnmatched?: number;
  /** Told each message's outcome, once. */
  onFinal?: (outcome: MessageOutcome) => void;
  /** Told each receipt that matched nothing tracked, once it stops being held. */
  onUnmatched?: (receipt: ReceiptLike) => void;
  /** Told when a background pull fails (the next one still runs). */
  onError?: (error: SmsError) => void;
  /** The clock, ms. @defaultValue `Date.now` */
  now?: () => number;
}

interface Entry {
  bid: string | undefined;
  sentAt: number;
  outcome?: MessageOutcome;
}

interface Group {
  entries: Map<string, Entry>;
  open: number;
  sentAt: number;
  waiters: ((outcomes: MessageOutcome[]) => void)[];
}

const keyOf = (msgId: string, phone: string): string => `${msgId}\u0000${phone}`;

/**
 * Follows messages, by (msgId, number) — one msgId covers every number of its request — until
 * each has a receipt or the horizon (72 h) passes. Merges pushed receipts (`ingest`) and pulled
 * ones (`pull`), pulling only for msgIds still open, at most 600 ids a call, in rotation, within
 * the source's pacing. A repeated receipt is ignored: the first one settles a message.
 */
export class ReceiptTracker {
  private readonly groups = new Map<string, Group>();
  private readonly unmatched = new Map<string, { receipt: ReceiptLike; via: 'push' | 'pull'; at: number }>();
  /** msgIds settled in full lately, so that a repeated push for them is not taken for an unmatched receipt. */
  private readonly done = new Set<string>();
  private readonly now: () => number;
  private pulling: Promise<MessageOutcome[]> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;

  constructor(private readonly options: ReceiptTrackerOptions = {}) {
    this.now = options.now ?? (() => Date.now());
  }

  /** Messages still waiting for their receipt. */
  get openCount(): number {
    let open = 0;
    for (const group of this.groups.values()) open += group.open;
    return open;
  }

  /** Starts following a send's numbers; answers the outcomes settled at once by receipts that came early. */
  track(send: TrackedSend): MessageOutcome[] {
    const sentAt = send.sentAt ?? this.now();
    let group = this.groups.get(send.msgId);
    if (!group) {
      group = { entries: new Map(), open: 0, sentAt, waiters: [] };
      this.groups.set(send.msgId, group);
    }
    group.sentAt = Math.min(group.sentAt, sentAt);
    for (const phone of send.phones) {
      if (group.entries.has(phone)) continue;
      group.entries.set(phone, { bid: send.bid, sentAt });
      group.open++;
    }
    const settled: MessageOutcome[] = [];
    for (const phone of send.phones) {
      const early = this.unmatched.get(keyOf(send.msgId, phone));
      if (!early) continue;
      this.unmatched.delete(keyOf(send.msgId, phone));
      const outcome = this.settle(early.receipt, early.via);
      if (outcome) settled.push(outcome);
    }
    return settled;
  }

  /** Follows every accepted number of a send's result (its `failPhones` left out; `unknown` requests have no msgId to follow). */
  trackResult(result: SendResult, sentAt?: number): MessageOutcome[] {
    return result.chunks.flatMap((chunk) => {
      if (chunk.status !== 'sent' || chunk.msgId === undefined) return [];
      const failed = new Set(chunk.failPhones);
      const phones = failed.size === 0 ? chunk.phones : chunk.phones.filter((phone) => !failed.has(phone));
      return this.track({ msgId: chunk.msgId, phones, bid: chunk.bid, ...(sentAt === undefined ? {} : { sentAt }) });
    });
  }

  /** Merges receipts (pushed ones by default); answers the outcomes they settled. */
  ingest(receipts: readonly ReceiptLike[], via: 'push' | 'pull' = 'push'): MessageOutcome[] {
    const settled: MessageOutcome[] = [];
    for (const receipt of receipts) {
      const entry = this.groups.get(receipt.msgId)?.entries.get(receipt.tel);
      if (entry === undefined) {
        if (!this.done.has(receipt.msgId)) this.hold(receipt, via);
        continue;
      }
      const outcome = this.settle(receipt, via);
      if (outcome) settled.push(outcome);
    }
    return settled;
  }

  /**
   * Pulls once for the open msgIds (the longest-waiting 600), ingests what came and settles
   * what passed the horizon; answers the outcomes settled. Concurrent calls share one pull.
   *
   * @throws {@link SmsError} when the pull fails (nothing is lost: the messages stay open).
   */
  pull(): Promise<MessageOutcome[]> {
    this.pulling ??= this.pullOnce().finally(() => {
      this.pulling = undefined;
    });
    return this.pulling;
  }

  /** Settles `NO_RECEIPT` every message past the horizon, and lets go of unmatched receipts held too long. */
  expire(): MessageOutcome[] {
    const now = this.now();
    const horizon = this.options.horizonMs ?? RECEIPT_HORIZON_MS;
    const settled: MessageOutcome[] = [];
    for (const [msgId, group] of [...this.groups]) {
      if (group.sentAt + horizon > now) continue;
      for (const [phone, entry] of group.entries) {
        if (entry.outcome || entry.sentAt + horizon > now) continue;
        const outcome = this.settleEntry({ msgId, phone, entry, group, fields: { status: 'NO_RECEIPT', delivered: false, via: 'horizon' } });
        settled.push(outcome);
      }
    }
    const hold = this.options.holdUnmatchedMs ?? 300_000;
    for (const [key, held] of this.unmatched) {
      if (held.at + hold > now) break; // held in arrival order
      this.unmatched.delete(key);
      this.tell(() => this.options.onUnmatched?.(held.receipt));
    }
    return settled;
  }

  /** Resolves with every outcome of `msgId` once all its numbers are settled; at once with `[]` when it is not tracked. */
  whenFinal(msgId: string): Promise<MessageOutcome[]> {
    const group = this.groups.get(msgId);
    if (!group) return Promise.resolve([]);
    return new Promise((resolve) => group.waiters.push(resolve));
  }

  /** Pulls every `pullEveryMs` while messages are open (the timer does not keep the process alive). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule();
  }

  /** Stops pulling. */
  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.pull()
        .catch((error: unknown) => this.tell(() => this.options.onError?.(toSmsError(error))))
        .finally(() => this.schedule());
    }, this.options.pullEveryMs ?? 60_000);
    this.timer.unref();
  }

  private async pullOnce(): Promise<MessageOutcome[]> {
    const settled = this.expire();
    const source = this.options.source;
    if (!source || this.groups.size === 0) return settled;
    const ids: string[] = [];
    for (const [msgId, group] of this.groups) {
      if (group.open > 0) ids.push(msgId);
      if (ids.length === MAX_RECEIPT_QUERY_IDS) break;
    }
    if (ids.length === 0) return settled;
    // Rotate: the ids asked for now go to the back of the line.
    for (const msgId of ids) {
      const group = this.groups.get(msgId) as Group;
      this.groups.delete(msgId);
      this.groups.set(msgId, group);
    }
    const receipts = await source.queryReceipts({ msgIds: ids });
    return [...settled, ...this.ingest(receipts, 'pull')];
  }

  private hold(receipt: ReceiptLike, via: 'push' | 'pull'): void {
    const key = keyOf(receipt.msgId, receipt.tel);
    if (this.unmatched.has(key)) return;
    this.unmatched.set(key, { receipt, via, at: this.now() });
    const max = this.options.maxUnmatched ?? 10_000;
    while (this.unmatched.size > max) {
      const [oldest, held] = this.unmatched.entries().next().value as [string, { receipt: ReceiptLike }];
      this.unmatched.delete(oldest);
      this.tell(() => this.options.onUnmatched?.(held.receipt));
    }
  }

  private settle(receipt: ReceiptLike, via: 'push' | 'pull'): MessageOutcome | undefined {
    const group = this.groups.get(receipt.msgId);
    const entry = group?.entries.get(receipt.tel);
    if (!group || !entry || entry.outcome) return undefined;
    const fields = {
      status: receipt.status,
      delivered: isDelivered(receipt.status),
      via,
      ...(receipt.arrivedAt === undefined ? {} : { arrivedAt: receipt.arrivedAt }),
      ...(entry.bid === undefined && receipt.bid !== undefined ? { bid: receipt.bid } : {}),
    };
    return this.settleEntry({ msgId: receipt.msgId, phone: receipt.tel, entry, group, fields });
  }

  private settleEntry(options: { msgId: string; phone: string; entry: Entry; group: Group; fields: Omit<MessageOutcome, 'msgId' | 'phone'> }): MessageOutcome {
    const { msgId, phone, entry, group } = options;
    const outcome: MessageOutcome = { msgId, phone, ...(entry.bid === undefined ? {} : { bid: entry.bid }), ...options.fields };
    entry.outcome = outcome;
    group.open--;
    this.tell(() => this.options.onFinal?.(outcome));
    if (group.open === 0) {
      this.groups.delete(msgId);
      this.done.add(msgId);
      if (this.done.size > (this.options.maxUnmatched ?? 10_000)) this.done.delete(this.done.values().next().value as string);
      const outcomes = [...group.entries.values()].map((e) => e.outcome as MessageOutcome);
      for (const resolve of group.waiters) resolve(outcomes);
    }
    return outcome;
  }

  private tell(action: () => void): void {
    try {
      action();
    } catch {
      // a listener must not stop the tracker
    }
  }
}
