import { isDelivered, isReceiptStatus, parseArriveTime } from '../delivery.js';
/** The longest list of msgIds one receipt query takes; also the most receipts one answer holds. */
export const MAX_RECEIPT_QUERY_IDS = 600;
function text(value) {
    if (typeof value === 'string')
        return value;
    return typeof value === 'number' ? String(value) : undefined;
}
/**
 * The receipts of a `/sms/arriveRes/qry` answer. Never throws: the platform returns each
 * receipt only once, so an odd entry is kept as best it can be rather than losing the rest.
 */
export function readPulledReceipts(data) {
    if (!Array.isArray(data))
        return [];
    const receipts = [];
    for (const entry of data) {
        if (typeof entry !== 'object' || entry === null)
            continue;
        const e = entry;
        const msgId = text(e.msgId);
        const tel = text(e.tel);
        if (msgId === undefined || tel === undefined)
            continue;
        const arriveResult = text(e.arrive) ?? text(e.arriveResult) ?? '';
        const status = isReceiptStatus(arriveResult) ? arriveResult : 'UNKNOWN';
        const arriveTime = text(e.arriveTime) ?? '';
        const arrivedAt = instantOf(arriveTime);
        const bid = text(e.bid);
        receipts.push({
            msgId,
            tel,
            status,
            arriveResult,
            delivered: isDelivered(status),
            arriveTime,
            ...(arrivedAt === undefined ? {} : { arrivedAt }),
            ...(bid === undefined || bid === '' ? {} : { bid }),
        });
    }
    return receipts;
}
function instantOf(arriveTime) {
    try {
        return parseArriveTime(arriveTime);
    }
    catch {
        return undefined;
    }
}
//# sourceMappingURL=receipts.js.map