import type { DailyStatistics, ReceiptStatus } from '@smskit/core';
import type { BalanceItem } from './templates.js';

/** Where a message stands: waiting for its receipt, settled with a state, or never receipted. */
export type MessageState = 'PENDING' | ReceiptStatus;

/** One message to one number, as the sandbox keeps it. */
export interface SandboxMessage {
  /** Order of acceptance, unique in the store (-1 for a message of another channel's listener). */
  readonly seq: number;
  /** Which channel's listener took it (`'aliyun'`, `'tencent'`): absent for the platform's own API; shown in the inbox. */
  readonly channel?: string;
  /** The msgId the send answered (shared by every number of one request). */
  readonly msgId: string;
  /** The account that sent it. */
  readonly apiKey: string;
  /** The recipient, 11 digits. */
  readonly phone: string;
  /** The template it was rendered from. */
  readonly templateCode: string;
  /** The text as the handset shows it: `【signature】` and the rendered template. */
  readonly text: string;
  /** How many SMS it is billed as. */
  readonly parts: number;
  /** The caller's business id, echoed in receipts. */
  readonly bid?: string;
  /** The uplink extension code given at send time. */
  readonly upExtendCode?: string;
  /** Which endpoint accepted it. */
  readonly endpoint: 'send' | 'sendBatch';
  /** When it was accepted, ms since the epoch. */
  readonly submittedAt: number;
  /** Its delivery state. */
  state: MessageState;
  /** When its receipt came, ms since the epoch. */
  arrivedAt?: number;
  /** Whether a receipt query has returned it (each receipt is returned once). */
  pulled: boolean;
}

/** An uplink message (a reply from a handset). */
export interface SandboxReply {
  /** The account it is for. */
  readonly apiKey: string;
  /** The access number it was sent to, extension code included. */
  readonly srcId: string;
  /** The sender. */
  readonly tel: string;
  /** What the sender wrote. */
  readonly content: string;
  /** When it arrived, ms since the epoch. */
  readonly arrivedAt: number;
}

/** One day of `/sms/send/statistics`: the same shape the client reads, from `@smskit/core`. */
export type { DailyStatistics } from '@smskit/core';

/** A counter to raise, if it stays within `max`. */
export interface CounterStep {
  /** The counter's name. */
  key: string;
  /** How much to add. */
  by: number;
  /** The most it may reach. */
  max: number;
}

/** What a receipt query asks the store for. */
export interface ReceiptQuery {
  /** The account. */
  apiKey: string;
  /** Only these msgIds, when given. */
  msgIds?: ReadonlySet<string>;
  /** Only this business id, when given. */
  bid?: string;
  /** Only receipts that arrived at or after this instant (ms). */
  since: number;
  /** The most receipts to return. */
  limit: number;
}

/** What a message lookup asks the store for; every field narrows it. */
export interface MessageQuery {
  /** The account. */
  apiKey?: string;
  /** The recipient. */
  phone?: string;
  /** The msgId. */
  msgId?: string;
  /** The most messages to return, newest first. */
  limit: number;
}

/**
 * Everything the sandbox remembers. Methods may answer directly or with a promise, so a store
 * can live in-process ({@link MemorySandboxStore}, the default) or elsewhere; each method is
 * one atomic step.
 */
export interface SandboxStore {
  /** Records accepted messages. */
  addMessages(messages: readonly SandboxMessage[]): void | Promise<void>;
  /** Settles messages (by `seq`) with a receipt state; `'PENDING'` leaves them without one. */
  settle(updates: readonly { seq: number; state: MessageState; arrivedAt: number }[]): SandboxMessage[] | Promise<SandboxMessage[]>;
  /** Returns receipts not returned before, and marks them returned. */
  takeReceipts(query: ReceiptQuery): SandboxMessage[] | Promise<SandboxMessage[]>;
  /** Looks messages up, newest first. */
  findMessages(query: MessageQuery): SandboxMessage[] | Promise<SandboxMessage[]>;
  /** Daily statistics of an account between two Beijing dates (`yyyy-MM-dd`, inclusive), oldest first. */
  statistics(query: { apiKey: string; from: string; to: string }): DailyStatistics[] | Promise<DailyStatistics[]>;
  /** The balances of an account. */
  balance(apiKey: string): Record<BalanceItem, number> | Promise<Record<BalanceItem, number>>;
  /** Sets some balances of an account. */
  setBalance(apiKey: string, values: Partial<Record<BalanceItem, number>>): void | Promise<void>;
  /** Takes `amount` from a balance if it holds that much; answers whether it did. */
  charge(query: { apiKey: string; item: BalanceItem; amount: number }): boolean | Promise<boolean>;
  /** Raises every counter by its step if none would pass its max; answers whether it did. */
  countWithin(steps: readonly CounterStep[]): boolean | Promise<boolean>;
  /** Records an uplink message. */
  addReply(reply: SandboxReply): void | Promise<void>;
  /** Uplink messages, newest first. */
  findReplies(query: { apiKey?: string; phone?: string; limit: number }): SandboxReply[] | Promise<SandboxReply[]>;
  /** Forgets everything. */
  reset(): void | Promise<void>;
}
