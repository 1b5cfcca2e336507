import type { DeliveryReceipt } from '../client/receipts.js';
/**
 * A delivery receipt pushed by the platform (SPEC §3), checked and typed: a
 * {@link DeliveryReceipt} (the same shape `queryReceipts` returns, so both feed a
 * `ReceiptTracker` alike) with the apiKey it was pushed for and a valid `arrivedAt`.
 */
export interface Receipt extends DeliveryReceipt {
    /** The apiKey the push was for. */
    apiKey: string;
    /** The instant `arriveTime` names. */
    arrivedAt: Date;
}
/** An uplink message (a reply from a handset) pushed by the platform (SPEC §3). */
export interface Reply {
    /** The apiKey the push was for. */
    apiKey: string;
    /** The access number the reply was sent to (may hold the extension code). */
    srcId: string;
    /** The sender's number. */
    tel: string;
    /** What the sender wrote. */
    content: string;
    /** `yyMMddHHmm`, Beijing time, as pushed. */
    arriveTime: string;
    /** The instant `arriveTime` names. */
    arrivedAt: Date;
}
/**
 * Checks a receipt push body (`{apiKey, data: [{msgId, tel, arriveResult, arriveTime, bid}]}`)
 * and returns its receipts, typed, with `arriveTime` parsed and `delivered` worked out.
 *
 * @throws `SmsError` (40004) naming the first field at fault (the promise rejects with it).
 */
export declare function parseReceiptPush(body: unknown): Promise<Receipt[]>;
/**
 * Checks an uplink push body (`{apiKey, data: [{srcId, tel, content, arriveTime}]}`) and
 * returns its replies, typed, with `arriveTime` parsed.
 *
 * @throws `SmsError` (40004) naming the first field at fault (the promise rejects with it).
 */
export declare function parseReplyPush(body: unknown): Promise<Reply[]>;
