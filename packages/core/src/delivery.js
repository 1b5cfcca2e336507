import { SmsError } from './errors.js';
/** Delivery states a receipt can carry (SPEC §4), with the gateway's own description. */
export const DELIVERY_STATES = {
    /** Delivered to the handset. */
    DELIVRD: 'Message is delivered to destination',
    /** The validity period expired before delivery. */
    EXPIRED: 'Message validity period has expired',
    /** Deleted before delivery. */
    DELETED: 'Message has been deleted',
    /** Undeliverable (switched off, out of service, blocked…). */
    UNDELIV: 'Message is undeliverable',
    /** Accepted on behalf of the subscriber; not a delivery. */
    ACCEPTD: 'Message is in accepted state',
    /** Invalid state. */
    UNKNOWN: 'Message is in invalid state',
    /** Rejected by the operator. */
    REJECTD: 'Message is in a rejected state',
};
/** Every delivery state. */
export const RECEIPT_STATUSES = Object.keys(DELIVERY_STATES);
/** True when `value` is a known delivery state. */
export function isReceiptStatus(value) {
    return typeof value === 'string' && Object.prototype.hasOwnProperty.call(DELIVERY_STATES, value);
}
/** Only `DELIVRD` is a delivery: every other state means the message did not arrive. */
export function isDelivered(status) {
    return status === 'DELIVRD';
}
/** A message with no receipt after this long stays unknown (SPEC §4). */
export const RECEIPT_HORIZON_MS = 72 * 60 * 60 * 1000;
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const ARRIVE_TIME = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;
/**
 * Parses an `arriveTime` (`yyMMddHHmm`, Beijing time, UTC+8 all year) into the instant it
 * names.
 *
 * @throws {@link SmsError} (40004) when the text is not a real `yyMMddHHmm` time.
 */
export function parseArriveTime(text) {
    const m = ARRIVE_TIME.exec(text);
    if (m) {
        const [year, month, day, hour, minute] = m.slice(1).map(Number);
        const utc = Date.UTC(2000 + year, month - 1, day, hour, minute);
        const check = new Date(utc);
        if (check.getUTCMonth() === month - 1 &&
            check.getUTCDate() === day &&
            hour < 24 &&
            minute < 60) {
            return new Date(utc - BEIJING_OFFSET_MS);
        }
    }
    throw new SmsError({
        code: 40004,
        message: `arriveTime "${text}" is not a yyMMddHHmm time.`,
        hint: 'arriveTime is ten digits, year-month-day-hour-minute in Beijing time, e.g. 2104091735.',
    });
}
/** Formats an instant as `yyMMddHHmm` in Beijing time (what the platform writes). */
export function formatArriveTime(instant) {
    const d = new Date(instant.getTime() + BEIJING_OFFSET_MS);
    const two = (n) => String(n).padStart(2, '0');
    return (two(d.getUTCFullYear() % 100) +
        two(d.getUTCMonth() + 1) +
        two(d.getUTCDate()) +
        two(d.getUTCHours()) +
        two(d.getUTCMinutes()));
}
//# sourceMappingURL=delivery.js.map