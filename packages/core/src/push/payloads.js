import { isDelivered, isReceiptStatus, parseArriveTime } from '../delivery.js';
import { SmsError } from '../errors.js';
const ARRIVE_TIME = /^\d{10}$/;
function validArriveTime(text) {
    try {
        parseArriveTime(text);
        return true;
    }
    catch {
        return false;
    }
}
/** Builds the push schemas with zod, once, when the first push is parsed. */
function buildSchemas({ z }) {
    const arriveTime = z.string().regex(ARRIVE_TIME, 'must be yyMMddHHmm').refine(validArriveTime, 'is not a real yyMMddHHmm time');
    const short = z.string().min(1).max(64);
    const receipt = z.object({
        apiKey: short,
        data: z
            .array(z.object({
            msgId: short,
            tel: z.string().min(1).max(32),
            arriveResult: z.string().min(1).max(32),
            arriveTime,
            bid: z.string().max(64).nullish(),
        }))
            .max(100_000),
    });
    const reply = z.object({
        apiKey: short,
        data: z
            .array(z.object({
            srcId: z.string().max(64),
            tel: z.string().min(1).max(32),
            content: z.string().max(2000),
            arriveTime,
        }))
            .max(100_000),
    });
    return { receipt, reply };
}
let schemas;
function loadSchemas() {
    schemas ??= import('zod').then(buildSchemas);
    return schemas;
}
function invalid(kind, error) {
    const issue = error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
    return new SmsError({
        code: 40004,
        message: `Malformed ${kind} push: ${where} ${issue?.message ?? 'is invalid'}.`,
        hint: `A ${kind} push is {"apiKey": "...", "data": [...]} as SPEC §3 shows.`,
        details: error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
}
/**
 * Checks a receipt push body (`{apiKey, data: [{msgId, tel, arriveResult, arriveTime, bid}]}`)
 * and returns its receipts, typed, with `arriveTime` parsed and `delivered` worked out.
 *
 * @throws `SmsError` (40004) naming the first field at fault (the promise rejects with it).
 */
export async function parseReceiptPush(body) {
    const parsed = (await loadSchemas()).receipt.safeParse(body);
    if (!parsed.success)
        throw invalid('receipt', parsed.error);
    const { apiKey, data } = parsed.data;
    return data.map((item) => {
        const status = isReceiptStatus(item.arriveResult) ? item.arriveResult : 'UNKNOWN';
        const receipt = {
            apiKey,
            msgId: item.msgId,
            tel: item.tel,
            status,
            arriveResult: item.arriveResult,
            delivered: isDelivered(status),
            arriveTime: item.arriveTime,
            arrivedAt: parseArriveTime(item.arriveTime),
        };
        if (item.bid)
            receipt.bid = item.bid;
        return receipt;
    });
}
/**
 * Checks an uplink push body (`{apiKey, data: [{srcId, tel, content, arriveTime}]}`) and
 * returns its replies, typed, with `arriveTime` parsed.
 *
 * @throws `SmsError` (40004) naming the first field at fault (the promise rejects with it).
 */
export async function parseReplyPush(body) {
    const parsed = (await loadSchemas()).reply.safeParse(body);
    if (!parsed.success)
        throw invalid('reply', parsed.error);
    const { apiKey, data } = parsed.data;
    return data.map((item) => ({
        apiKey,
        srcId: item.srcId,
        tel: item.tel,
        content: item.content,
        arriveTime: item.arriveTime,
        arrivedAt: parseArriveTime(item.arriveTime),
    }));
}
//# sourceMappingURL=payloads.js.map