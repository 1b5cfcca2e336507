import { type ReceiptStatus } from '../delivery.js';
import { type SmsError } from '../errors.js';
import type { ReceiptQueryInput } from './queries.js';
import { type DeliveryReceipt } from './receipts.js';
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
/**
 * Follows messages, by (msgId, number) — one msgId covers every number of its request — until
 * each has a receipt or the horizon (72 h) passes. Merges pushed receipts (`ingest`) and pulled
 * ones (`pull`), pulling only for msgIds still open, at most 600 ids a call, in rotation, within
 * the source's pacing. A repeated receipt is ignored: the first one settles a message.
 */
export declare class ReceiptTracker {
    private readonly options;
    private readonly groups;
    private readonly unmatched;
    /** msgIds settled in full lately, so that a repeated push for them is not taken for an unmatched receipt. */
    private readonly done;
    private readonly now;
    private pulling;
    private timer;
    private running;
    constructor(options?: ReceiptTrackerOptions);
    /** Messages still waiting for their receipt. */
    get openCount(): number;
    /** Starts following a send's numbers; answers the outcomes settled at once by receipts that came early. */
    track(send: TrackedSend): MessageOutcome[];
    /** Follows every accepted number of a send's result (its `failPhones` left out; `unknown` requests have no msgId to follow). */
    trackResult(result: SendResult, sentAt?: number): MessageOutcome[];
    /** Merges receipts (pushed ones by default); answers the outcomes they settled. */
    ingest(receipts: readonly ReceiptLike[], via?: 'push' | 'pull'): MessageOutcome[];
    /**
     * Pulls once for the open msgIds (the longest-waiting 600), ingests what came and settles
     * what passed the horizon; answers the outcomes settled. Concurrent calls share one pull.
     *
     * @throws {@link SmsError} when the pull fails (nothing is lost: the messages stay open).
     */
    pull(): Promise<MessageOutcome[]>;
    /** Settles `NO_RECEIPT` every message past the horizon, and lets go of unmatched receipts held too long. */
    expire(): MessageOutcome[];
    /** Resolves with every outcome of `msgId` once all its numbers are settled; at once with `[]` when it is not tracked. */
    whenFinal(msgId: string): Promise<MessageOutcome[]>;
    /** Pulls every `pullEveryMs` while messages are open (the timer does not keep the process alive). */
    start(): void;
    /** Stops pulling. */
    stop(): void;
    private schedule;
    private pullOnce;
    private hold;
    private settle;
    private settleEntry;
    private tell;
}
