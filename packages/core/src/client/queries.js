import { SmsError } from '../errors.js';
import { assertBid } from '../rules/request.js';
import { MAX_RECEIPT_QUERY_IDS } from './receipts.js';
function invalid(message) {
    return new SmsError({ code: 40004, message });
}
/** The wire body of a receipt query. @throws {@link SmsError} 40004 for a malformed query. */
export function receiptQueryBody(input) {
    const body = {};
    if (input.msgIds !== undefined) {
        if (!Array.isArray(input.msgIds))
            throw invalid('msgIds must be an array of msgIds.');
        const ids = input.msgIds;
        const bad = ids.findIndex((id) => typeof id !== 'string' || !/^[^,\s]{1,64}$/.test(id));
        if (bad >= 0)
            throw invalid(`msgIds[${bad}] is not a msgId (1–64 characters, no comma or space).`);
        if (ids.length > MAX_RECEIPT_QUERY_IDS)
            throw invalid(`msgIds lists ${ids.length} ids; one query takes at most ${MAX_RECEIPT_QUERY_IDS}.`);
        if (ids.length > 0)
            body.msgId = ids.join(',');
    }
    const bid = assertBid(input.bid);
    if (bid !== undefined)
        body.bid = bid;
    return body;
}
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
function dayOf(value, label) {
    if (value instanceof Date) {
        if (Number.isNaN(value.getTime()))
            throw invalid(`${label} is an invalid Date.`);
        return new Date(value.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
    }
    if (typeof value !== 'string' || !DAY.test(value) || !new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)) {
        throw invalid(`${label} must be a real day written yyyy-MM-dd, or a Date.`);
    }
    return value;
}
function whole(value, options) {
    if (value === undefined)
        return options.fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < options.min || value > options.max) {
        throw invalid(`${options.label} must be a whole number from ${options.min} to ${options.max}.`);
    }
    return value;
}
/** The wire body of a statistics query. @throws {@link SmsError} 40004 for a malformed query. */
export function statisticsBody(input) {
    const startDate = dayOf(input.startDate, 'startDate');
    const endDate = dayOf(input.endDate, 'endDate');
    if (startDate > endDate)
        throw invalid(`startDate ${startDate} is after endDate ${endDate}.`);
    const page = whole(input.page, { label: 'page', min: 1, max: 1_000_000, fallback: 1 });
    const pageSize = whole(input.pageSize, { label: 'pageSize', min: 1, max: 50, fallback: 10 });
    return { startDate, endDate, page, pageSize };
}
function count(value) {
    const n = typeof value === 'string' ? Number(value) : value;
    return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}
/** The page a statistics answer holds. */
export function readStatistics(answer) {
    const rows = Array.isArray(answer.data) ? answer.data : [];
    const days = rows
        .filter((row) => typeof row === 'object' && row !== null)
        .map((row) => ({
        sendDate: String(row.sendDate ?? ''),
        totalCount: count(row.totalCount),
        successCount: count(row.successCount),
        failCount: count(row.failCount),
        noReceiptCount: count(row.noReceiptCount),
    }));
    return { days, totalSize: count(answer.body.totalSize ?? days.length) };
}
/** The balances a balance answer holds. */
export function readBalance(data) {
    const rows = Array.isArray(data) ? data : [];
    return rows
        .filter((row) => typeof row === 'object' && row !== null && typeof row.itemName === 'string')
        .map((row) => ({ itemName: row.itemName, residueValue: count(row.residueValue) }));
}
//# sourceMappingURL=queries.js.map