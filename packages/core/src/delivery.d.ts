/** Delivery states a receipt can carry (SPEC §4), with the gateway's own description. */
export declare const DELIVERY_STATES: {
    /** Delivered to the handset. */
    readonly DELIVRD: "Message is delivered to destination";
    /** The validity period expired before delivery. */
    readonly EXPIRED: "Message validity period has expired";
    /** Deleted before delivery. */
    readonly DELETED: "Message has been deleted";
    /** Undeliverable (switched off, out of service, blocked…). */
    readonly UNDELIV: "Message is undeliverable";
    /** Accepted on behalf of the subscriber; not a delivery. */
    readonly ACCEPTD: "Message is in accepted state";
    /** Invalid state. */
    readonly UNKNOWN: "Message is in invalid state";
    /** Rejected by the operator. */
    readonly REJECTD: "Message is in a rejected state";
};
/** A delivery state of a receipt. */
export type ReceiptStatus = keyof typeof DELIVERY_STATES;
/** Every delivery state. */
export declare const RECEIPT_STATUSES: ReceiptStatus[];
/** True when `value` is a known delivery state. */
export declare function isReceiptStatus(value: unknown): value is ReceiptStatus;
/** Only `DELIVRD` is a delivery: every other state means the message did not arrive. */
export declare function isDelivered(status: ReceiptStatus): boolean;
/** A message with no receipt after this long stays unknown (SPEC §4). */
export declare const RECEIPT_HORIZON_MS: number;
/**
 * Parses an `arriveTime` (`yyMMddHHmm`, Beijing time, UTC+8 all year) into the instant it
 * names.
 *
 * @throws {@link SmsError} (40004) when the text is not a real `yyMMddHHmm` time.
 */
export declare function parseArriveTime(text: string): Date;
/** Formats an instant as `yyMMddHHmm` in Beijing time (what the platform writes). */
export declare function formatArriveTime(instant: Date): string;
