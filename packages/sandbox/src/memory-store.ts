import { beijingDate } from '@smskit/core';
import type { CounterStep, DailyStatistics, MessageQuery, MessageState, ReceiptQuery, SandboxMessage, SandboxReply, SandboxStore } from './store.js';
import { BALANCE_ITEMS, type BalanceItem } from './templates.js';

/** Options of {@link MemorySandboxStore}. */
export interface MemorySandboxStoreOptions {
  /** Balances of an account the store has not seen yet. @defaultValue 10 000 of each */
  initialBalance?: Partial<Record<BalanceItem, number>>;
  /** Most messages kept; the oldest are forgotten first. @defaultValue 1_000_000 */
  maxMessages?: number;
  /** Most replies kept. @defaultValue 10_000 */
  maxReplies?: number;
}

/**
 * The sandbox's default store: plain in-process maps. Everything is lost when the process
 * stops; memory stays bounded by `maxMessages`.
 */
export class MemorySandboxStore implements SandboxStore {
  private messages: SandboxMessage[] = [];
  private first = 0; // index in `messages` of the oldest message still kept
  private readonly byPhone = new Map<string, SandboxMessage[]>();
  private readonly receipts = new Map<string, SandboxMessage[]>(); // per apiKey, arrival order
  private readonly daily = new Map<string, DailyStatistics>(); // `${apiKey}|${date}`
  private readonly balances = new Map<string, Record<BalanceItem, number>>();
  private readonly counters = new Map<string, number>();
  private replies: SandboxReply[] = [];
  private readonly initialBalance: Record<BalanceItem, number>;
  private readonly maxMessages: number;
  private readonly maxReplies: number;

  constructor(options: MemorySandboxStoreOptions = {}) {
    this.initialBalance = { 行业短信: 10_000, 会员短信: 10_000, 推广短信: 10_000, ...options.initialBalance };
    this.maxMessages = options.maxMessages ?? 1_000_000;
    this.maxReplies = options.maxReplies ?? 10_000;
  }

  /** {@inheritDoc SandboxStore.addMessages} */
  addMessages(messages: readonly SandboxMessage[]): void {
    for (const message of messages) {
      this.messages.push(message);
      push(this.byPhone, message.phone, message);
      const day = this.day(message.apiKey, message.submittedAt);
      day.totalCount++;
      day.noReceiptCount++;
    }
    while (this.messages.length - this.first > this.maxMessages) this.evictOldest();
    if (this.first > 4096 && this.first * 2 > this.messages.length) {
      this.messages = this.messages.slice(this.first);
      this.first = 0;
    }
  }

  /** {@inheritDoc SandboxStore.settle} */
  settle(updates: readonly { seq: number; state: MessageState; arrivedAt: number }[]): SandboxMessage[] {
    const settled: SandboxMessage[] = [];
    for (const update of updates) {
      const message = this.bySeq(update.seq);
      if (!message || message.state !== 'PENDING' || update.state === 'PENDING') continue;
      message.state = update.state;
      message.arrivedAt = update.arrivedAt;
      const day = this.day(message.apiKey, message.submittedAt);
      day.noReceiptCount--;
      if (update.state === 'DELIVRD') day.successCount++;
      else day.failCount++;
      push(this.receipts, message.apiKey, message);
      settled.push(message);
    }
    return settled;
  }

  /** {@inheritDoc SandboxStore.takeReceipts} */
  takeReceipts(query: ReceiptQuery): SandboxMessage[] {
    const queue = this.receipts.get(query.apiKey);
    if (!queue) return [];
    const taken: SandboxMessage[] = [];
    for (const message of queue) {
      if (taken.length >= query.limit) break;
      if (message.pulled || (message.arrivedAt ?? 0) < query.since) continue;
      if (query.msgIds && !query.msgIds.has(message.msgId)) continue;
      if (query.bid !== undefined && message.bid !== query.bid) continue;
      message.pulled = true;
      taken.push(message);
    }
    // receipts returned or past the window never come back: drop them from the front
    let keep = 0;
    while (keep < queue.length && (queue[keep]!.pulled || (queue[keep]!.arrivedAt ?? 0) < query.since)) keep++;
    if (keep > 0) queue.splice(0, keep);
    return taken;
  }

  /** {@inheritDoc SandboxStore.findMessages} */
  findMessages(query: MessageQuery): SandboxMessage[] {
    // by phone through the index (the inbox page asks that); by msgId by scanning, since an
    // index entry per send showed in the send benchmark and msgId lookups are rare
    const source = query.phone !== undefined ? (this.byPhone.get(query.phone) ?? []) : this.messages;
    const found: SandboxMessage[] = [];
    const stop = source === this.messages ? this.first : 0;
    for (let i = source.length - 1; i >= stop && found.length < query.limit; i--) {
      const message = source[i]!;
      if (query.apiKey !== undefined && message.apiKey !== query.apiKey) continue;
      if (query.phone !== undefined && message.phone !== query.phone) continue;
      if (query.msgId !== undefined && message.msgId !== query.msgId) continue;
      found.push(message);
    }
    return found;
  }

  /** {@inheritDoc SandboxStore.statistics} */
  statistics(query: { apiKey: string; from: string; to: string }): DailyStatistics[] {
    const prefix = `${query.apiKey}|`;
    const days: DailyStatistics[] = [];
    for (const [key, day] of this.daily) {
      if (key.startsWith(prefix) && day.sendDate >= query.from && day.sendDate <= query.to) days.push({ ...day });
    }
    return days.sort((a, b) => (a.sendDate < b.sendDate ? -1 : 1));
  }

  /** {@inheritDoc SandboxStore.balance} */
  balance(apiKey: string): Record<BalanceItem, number> {
    return { ...this.account(apiKey) };
  }

  /** {@inheritDoc SandboxStore.setBalance} */
  setBalance(apiKey: string, values: Partial<Record<BalanceItem, number>>): void {
    const account = this.account(apiKey);
    for (const item of BALANCE_ITEMS) {
      const value = values[item];
      if (value !== undefined) account[item] = value;
    }
  }

  /** {@inheritDoc SandboxStore.charge} */
  charge(query: { apiKey: string; item: BalanceItem; amount: number }): boolean {
    const account = this.account(query.apiKey);
    if (account[query.item] < query.amount) return false;
    account[query.item] -= query.amount;
    return true;
  }

  /** {@inheritDoc SandboxStore.countWithin} */
  countWithin(steps: readonly CounterStep[]): boolean {
    if (steps.some((step) => (this.counters.get(step.key) ?? 0) + step.by > step.max)) return false;
    for (const step of steps) this.counters.set(step.key, (this.counters.get(step.key) ?? 0) + step.by);
    return true;
  }

  /** {@inheritDoc SandboxStore.addReply} */
  addReply(reply: SandboxReply): void {
    this.replies.push(reply);
    if (this.replies.length > this.maxReplies) this.replies = this.replies.slice(-this.maxReplies);
  }

  /** {@inheritDoc SandboxStore.findReplies} */
  findReplies(query: { apiKey?: string; phone?: string; limit: number }): SandboxReply[] {
    const found: SandboxReply[] = [];
    for (let i = this.replies.length - 1; i >= 0 && found.length < query.limit; i--) {
      const reply = this.replies[i]!;
      if (query.apiKey !== undefined && reply.apiKey !== query.apiKey) continue;
      if (query.phone !== undefined && reply.tel !== query.phone) continue;
      found.push(reply);
    }
    return found;
  }

  /** {@inheritDoc SandboxStore.reset} */
  reset(): void {
    this.messages = [];
    this.first = 0;
    this.replies = [];
    for (const map of [this.byPhone, this.receipts, this.daily, this.balances, this.counters]) map.clear();
  }

  /**
   * The kept message with this `seq`. Seqs rise by one per message in acceptance order, so the
   * position is arithmetic (a Map entry per message showed in the send benchmark); a store fed
   * seqs with gaps falls back to a binary search.
   */
  private bySeq(seq: number): SandboxMessage | undefined {
    const oldest = this.messages[this.first];
    if (!oldest) return undefined;
    const guess = this.messages[this.first + seq - oldest.seq];
    if (guess?.seq === seq) return guess;
    let low = this.first;
    let high = this.messages.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const at = this.messages[mid]!;
      if (at.seq === seq) return at;
      if (at.seq < seq) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  }

  private account(apiKey: string): Record<BalanceItem, number> {
    let account = this.balances.get(apiKey);
    if (!account) {
      account = { ...this.initialBalance };
      this.balances.set(apiKey, account);
    }
    return account;
  }

  private day(apiKey: string, at: number): DailyStatistics {
    const sendDate = beijingDate(at);
    const key = `${apiKey}|${sendDate}`;
    let day = this.daily.get(key);
    if (!day) {
      day = { sendDate, totalCount: 0, successCount: 0, failCount: 0, noReceiptCount: 0 };
      this.daily.set(key, day);
    }
    return day;
  }

  private evictOldest(): void {
    const oldest = this.messages[this.first];
    if (!oldest) return;
    this.first++;
    shiftOut(this.byPhone, oldest.phone, oldest);
    // An evicted message's receipt can no longer be pulled. Receipts queue up in about the
    // order messages were sent, so it sits at or near the front: mark it and trim the front,
    // rather than searching and splicing a queue that can hold a million entries, which made
    // every send past the cap cost a scan (a 15 s stall in the client's bulk benchmark).
    oldest.pulled = true;
    const queue = this.receipts.get(oldest.apiKey);
    if (!queue) return;
    let drop = 0;
    while (drop < queue.length && queue[drop]!.pulled) drop++;
    if (drop > 0) queue.splice(0, drop);
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function shiftOut<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (!list) return;
  if (list[0] === value) list.shift();
  if (list.length === 0) map.delete(key);
}
