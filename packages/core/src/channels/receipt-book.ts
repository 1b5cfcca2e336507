import type { ChannelReceipt, ReceiptQuery, ReceiptState, SmsChannel } from './channel.js';
import type { RouteResult } from './route-result.js';

/** One message the book follows, keyed by (channel, message id, number). */
export interface TrackedMessage {
  /** The channel that took it (or may have). */
  readonly channel: string;
  /** The number. */
  readonly number: string;
  /** The provider's message id; absent for a send whose outcome is still unknown. */
  messageId?: string;
  /** The key its request carried: how an `unknown` send is matched to its receipt. */
  readonly idempotencyKey?: string;
  /** `sent` once the provider took it (by its answer or by a receipt), `unknown` until then. */
  sent: 'sent' | 'unknown';
  /** The delivery state so far. */
  state: ReceiptState;
  /** The provider's own state of the last receipt applied. */
  providerState?: string;
  /** The provider's code of the last receipt applied. */
  providerCode?: string;
  /** When the router recorded it. */
  readonly recordedAt: Date;
}

/** Options of {@link ChannelReceiptBook}. */
export interface ChannelReceiptBookOptions {
  /**
   * The most messages followed; the oldest are forgotten beyond it.
   * @defaultValue 100000
   */
  maxEntries?: number;
  /** The clock. @defaultValue () => new Date() */
  now?: () => Date;
}

const SEP = '\u0000';

/**
 * Follows routed messages to their receipts, per (channel, message id, number), across
 * providers. A number whose send ended `unknown` is matched by (channel, idempotency key,
 * number) when its receipt comes, which settles that it was sent after all. Receipts are
 * idempotent: applying one twice changes nothing, and a final state never goes back to
 * pending. In memory; one process.
 */
export class ChannelReceiptBook {
  private readonly byId = new Map<string, TrackedMessage>();
  private readonly byKey = new Map<string, TrackedMessage>();
  private readonly maxEntries: number;
  private readonly now: () => Date;

  constructor(options: ChannelReceiptBookOptions = {}) {
    this.maxEntries = options.maxEntries ?? 100_000;
    this.now = options.now ?? (() => new Date());
  }

  /** How many messages are followed. */
  get size(): number {
    return this.byKey.size;
  }

  /** Follows every number of a routed send that was sent or may have been. */
  record(result: RouteResult): void {
    for (const routed of result.numbers) {
      if (routed.channel === undefined || routed.status === 'failed' || routed.idempotencyKey === undefined) continue;
      const message: TrackedMessage = {
        channel: routed.channel,
        number: routed.number,
        idempotencyKey: routed.idempotencyKey,
        sent: routed.status === 'sent' ? 'sent' : 'unknown',
        state: 'pending',
        recordedAt: this.now(),
        ...(routed.messageId === undefined ? {} : { messageId: routed.messageId }),
      };
      this.byKey.set([message.channel, routed.idempotencyKey, message.number].join(SEP), message);
      if (message.messageId !== undefined) this.byId.set([message.channel, message.messageId, message.number].join(SEP), message);
    }
    this.evict();
  }

  /**
   * Applies a receipt (pulled or pushed). Returns the message it settled, or `undefined` when
   * the book does not follow it.
   */
  apply(receipt: ChannelReceipt): TrackedMessage | undefined {
    const message =
      this.byId.get([receipt.channel, receipt.messageId, receipt.number].join(SEP)) ??
      (receipt.idempotencyKey === undefined ? undefined : this.byKey.get([receipt.channel, receipt.idempotencyKey, receipt.number].join(SEP)));
    if (message === undefined) return undefined;
    if (message.messageId === undefined) {
      message.messageId = receipt.messageId;
      this.byId.set([message.channel, receipt.messageId, message.number].join(SEP), message);
    }
    // A receipt proves the provider took the message, whatever its answer said.
    message.sent = 'sent';
    if (message.state === 'pending') {
      message.state = receipt.state;
      message.providerState = receipt.providerState;
      if (receipt.providerCode !== undefined) message.providerCode = receipt.providerCode;
    }
    return message;
  }

  /** The message sent to `number` through `channel` with this message id, if followed. */
  get(query: { channel: string; messageId: string; number: string }): TrackedMessage | undefined {
    return this.byId.get([query.channel, query.messageId, query.number].join(SEP));
  }

  /** The message of a request (by its idempotency key) to `number` through `channel`, if followed. */
  getByKey(query: { channel: string; idempotencyKey: string; number: string }): TrackedMessage | undefined {
    return this.byKey.get([query.channel, query.idempotencyKey, query.number].join(SEP));
  }

  /** The messages of `channel` still pending (or unknown), as receipt queries. */
  pending(channel: string): ReceiptQuery[] {
    const queries: ReceiptQuery[] = [];
    for (const message of this.byKey.values()) {
      if (message.channel !== channel || message.state !== 'pending') continue;
      queries.push({ number: message.number, sentAt: message.recordedAt, ...(message.messageId === undefined ? {} : { messageId: message.messageId }), ...(message.idempotencyKey === undefined ? {} : { idempotencyKey: message.idempotencyKey }) });
    }
    return queries;
  }

  /**
   * Pulls `channel`'s receipts for its pending messages and applies them. Does nothing for a
   * channel that cannot pull.
   */
  async pull(channel: SmsChannel): Promise<ChannelReceipt[]> {
    if (channel.pullReceipts === undefined || !channel.capabilities.receipts.pull) return [];
    const messages = this.pending(channel.name);
    if (messages.length === 0) return [];
    const receipts = await channel.pullReceipts({ messages });
    for (const receipt of receipts) this.apply(receipt);
    return receipts;
  }

  private evict(): void {
    for (const [key, message] of this.byKey) {
      if (this.byKey.size <= this.maxEntries) break;
      this.byKey.delete(key);
      if (message.messageId !== undefined) this.byId.delete([message.channel, message.messageId, message.number].join(SEP));
    }
  }
}
