import { type ReceiptStatus } from '../delivery.js';
/**
 * A delivery receipt, pulled (`queryReceipts`) or pushed. Shaped like the receipts
 * `@smskit/koa`'s push receiver hands over, so both feed a {@link ReceiptTracker} alike.
 */
export interface DeliveryReceipt {
    /** The msgId the send answered. */
    msgId: string;
    /** The recipient's number. */
    tel: string;
    /** The delivery state; a state the catalogue does not know is reported as `UNKNOWN`. */
    status: ReceiptStatus;
    /** The state exactly as the platform wrote it (`arrive` when pulled, `arriveResult` when pushed). */
    arriveResult: string;
    /** Whether the message reached the handset (only `DELIVRD` does). */
    delivered: boolean;
    /** `yyMMddHHmm`, Beijing time, as the platform wrote it. */
    arriveTime: string;
    /** The instant `arriveTime` names; absent when the platform wrote no valid time. */
    arrivedAt?: Date;
    /** The business id given at send time, when one was. */
    bid?: string;
}
/** The longest list of msgIds one receipt query takes; also the most receipts one answer holds. */
export declare const MAX_RECEIPT_QUERY_IDS = 600;
/**
 * The receipts of a `/sms/arriveRes/qry` answer. Never throws: the platform returns each
 * receipt only once, so an odd entry is kept as best it can be rather than losing the rest.
 */
export declare function readPulledReceipts(data: unknown): DeliveryReceipt[];
