import type { FaultPlan } from './faults.js';
import type { PushAttempt, PushStatus } from './pusher.js';
import type { MessageQuery, SandboxMessage, SandboxReply } from './store.js';
import type { BalanceItem, SandboxTemplate } from './templates.js';

// What the sandbox's own endpoints drive, apart from the sandbox that implements it, so the
// routes and the sandbox do not import each other.

/** A reply to inject, as if a handset had answered. */
export interface InjectedReply {
  /** The sender's number. */
  tel: string;
  /** What the sender wrote. */
  content: string;
  /** The account it is for. @defaultValue the first account */
  apiKey?: string;
  /** The full access number; overrides `srcId` + `upExtendCode`. */
  srcId?: string;
  /** Extension code appended to the sandbox's access number. */
  upExtendCode?: string;
}

/** What the sandbox reports about itself. */
export interface SandboxState {
  /** Each account with its balances. */
  accounts: { apiKey: string; balance: Record<BalanceItem, number> }[];
  /** Messages waiting for their receipt. */
  pendingDeliveries: number;
  /** Receipt and reply pushing. */
  push: PushStatus & { receiptUrl?: string; replyUrl?: string };
  /** Faults still to come. */
  faults: FaultPlan;
  /** The channel this sandbox plays (the `channelName` option), when named. */
  channel?: string;
}

/** What `/_sandbox/*` needs; the {@link Sandbox} object offers the same. */
export interface SandboxControl {
  /** Accounts, pending deliveries, pushing and faults. */
  state(): Promise<SandboxState>;
  /** The templates in use. */
  templates(): SandboxTemplate[];
  /** Messages, newest first. */
  messages(query: Partial<MessageQuery>): Promise<SandboxMessage[]>;
  /** Replies, newest first. */
  replies(query: { apiKey?: string; phone?: string; limit?: number }): Promise<SandboxReply[]>;
  /** Records a reply and pushes it to the reply URL. */
  injectReply(reply: InjectedReply): Promise<SandboxReply>;
  /** Settles every pending message now; answers how many. */
  deliverNow(): Promise<number>;
  /** The faults still to come. */
  faults(): FaultPlan;
  /** Replaces the faults to come. */
  setFaults(plan: FaultPlan): void;
  /** Whether pushing stopped, and the slow streak. */
  pushStatus(): PushStatus;
  /** The most recent push attempts. */
  pushAttempts(): PushAttempt[];
  /** Pushes again after three slow pushes stopped it. */
  resumePushes(): void;
  /** Sets balances of an account (the first by default); answers them. */
  setBalance(change: { apiKey?: string; values: Partial<Record<BalanceItem, number>> }): Promise<Record<BalanceItem, number>>;
  /** Forgets messages, replies, balances, counters, faults and pushes. */
  reset(): Promise<void>;
}
