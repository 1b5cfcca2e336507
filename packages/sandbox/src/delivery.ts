import type { ReceiptStatus } from '@smskit/core';
import type { MessageState } from './store.js';

/**
 * Which state the messages to some numbers end in: the first rule whose `suffix` ends the
 * number wins; numbers no rule matches are `DELIVRD`. `'PENDING'` means no receipt ever comes
 * (the number then counts as "no receipt" in the statistics).
 */
export interface DeliveryRule {
  /** Digits the number ends with (`''` matches every number). */
  suffix: string;
  /** The state those messages end in. */
  state: ReceiptStatus | 'PENDING';
}

/** The state a message to `phone` ends in under `rules`. */
export function outcomeFor(phone: string, rules: readonly DeliveryRule[]): MessageState {
  for (const rule of rules) if (phone.endsWith(rule.suffix)) return rule.state;
  return 'DELIVRD';
}

interface Due {
  seq: number;
  state: MessageState;
  at: number;
}

/**
 * Moves messages on to their final state after a fixed delay. With one delay for all,
 * acceptance order is due order, so one FIFO and one timer serve any number of messages
 * (a timer per message would not survive a load test).
 */
export class DeliverySchedule {
  private queue: Due[] = [];
  private head = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly options: {
      delayMs: number;
      now: () => number;
      settle: (due: readonly { seq: number; state: MessageState; arrivedAt: number }[]) => void;
    },
  ) {}

  /** Schedules messages; they settle `delayMs` from now. */
  add(messages: readonly { seq: number; state: MessageState }[]): void {
    if (this.closed) return;
    const at = this.options.now() + this.options.delayMs;
    for (const message of messages) this.queue.push({ seq: message.seq, state: message.state, at });
    if (this.options.delayMs <= 0) this.flush(Number.POSITIVE_INFINITY);
    else this.arm();
  }

  /** Settles, now, every message due by `until` (default: every scheduled message). */
  flush(until = Number.POSITIVE_INFINITY): number {
    const due: { seq: number; state: MessageState; arrivedAt: number }[] = [];
    const now = this.options.now();
    while (this.head < this.queue.length && this.queue[this.head]!.at <= until) {
      const item = this.queue[this.head++]!;
      due.push({ seq: item.seq, state: item.state, arrivedAt: now });
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    if (due.length > 0) this.options.settle(due);
    return due.length;
  }

  /** Messages scheduled and not yet settled. */
  get pending(): number {
    return this.queue.length - this.head;
  }

  /** Forgets every scheduled message. */
  clear(): void {
    this.queue = [];
    this.head = 0;
  }

  /** Stops the timer; scheduled messages stay pending. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    if (this.timer || this.closed) return;
    const next = this.queue[this.head];
    if (!next) return;
    const wait = Math.max(0, next.at - this.options.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush(this.options.now());
      this.arm();
    }, wait);
    this.timer.unref();
  }
}
