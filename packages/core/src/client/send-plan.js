import { randomUUID } from 'node:crypto';
import { SmsError } from '../errors.js';
import { assertPhones, checkPhones, MAX_PHONES_PER_REQUEST } from '../rules/phone.js';
import { assertBid, assertSendBatch, assertTemplateValues, assertUpExtendCode, encodeTemplateParam, encodeTemplateParamJson, } from '../rules/request.js';
function commonOf(input, context) {
    if (typeof input.templateCode !== 'string' || input.templateCode.trim() === '') {
        throw new SmsError({ code: 40004, message: 'templateCode is required: pass the template number shown in the console.' });
    }
    const mode = input.invalidPhones ?? context.invalidPhones;
    if (mode !== 'reject' && mode !== 'skip')
        throw new SmsError({ code: 40004, message: `invalidPhones must be 'reject' or 'skip', not ${JSON.stringify(mode)}.` });
    return {
        templateCode: input.templateCode,
        template: input.template ?? context.templates?.[input.templateCode],
        upExtendCode: assertUpExtendCode(input.upExtendCode),
        bid: assertBid(input.bid),
        mode,
    };
}
function stringValues(values, label) {
    if (values === undefined)
        return [];
    if (!Array.isArray(values))
        throw new SmsError({ code: 60006, message: `${label} must be an array of strings.` });
    const list = values;
    const bad = list.findIndex((value) => typeof value !== 'string');
    if (bad >= 0)
        throw new SmsError({ code: 60006, message: `${label}[${bad}] is not a string: every value must be a string (write "12", not 12).` });
    return list;
}
function phoneList(phones, label) {
    if (!Array.isArray(phones))
        throw new SmsError({ code: 40004, message: `${label} must be an array of phone numbers.` });
    return phones;
}
function chunked(items) {
    const chunks = [];
    for (let i = 0; i < items.length; i += MAX_PHONES_PER_REQUEST)
        chunks.push(items.slice(i, i + MAX_PHONES_PER_REQUEST));
    return chunks;
}
function optionalFields(common) {
    return common.upExtendCode === undefined ? {} : { upExtendCode: common.upExtendCode };
}
/**
 * Checks a send as the platform would (40004, 60006, 60003, 60004, 60007) and splits its
 * numbers, normalised and without repeats, into requests of at most 1000.
 *
 * @throws {@link SmsError} with the platform's code for the first mistake found.
 */
export function planSend(input, context) {
    const common = commonOf(input, context);
    const values = common.template === undefined ? stringValues(input.params, 'params') : assertTemplateValues({ template: common.template, values: stringValues(input.params, 'params') });
    const inputs = phoneList(input.phones, 'phones');
    const check = checkPhones(inputs, { max: Number.POSITIVE_INFINITY });
    // assertPhones words the errors (none given, every bad number named) exactly as everywhere else.
    if (check.phones.length === 0 || (check.invalid.length > 0 && common.mode === 'reject'))
        assertPhones(inputs, { max: Number.POSITIVE_INFINITY });
    const templateParam = encodeTemplateParam(values);
    const newBid = context.newBid ?? randomUUID;
    const chunks = chunked(check.phones).map((phones, index) => {
        const bid = common.bid ?? newBid();
        return {
            index,
            phones,
            bid,
            body: () => ({
                phones: phones.join(','),
                templateCode: common.templateCode,
                ...(templateParam === undefined ? {} : { templateParam }),
                ...optionalFields(common),
                bid,
            }),
        };
    });
    return { endpoint: 'send', chunks, invalid: common.mode === 'skip' ? check.invalid : [], duplicates: check.duplicates };
}
/** Stands in for a skipped number while a batch's values are checked; never sent. */
const SKIPPED_PLACEHOLDER = '13800000000';
/**
 * Checks a sendBatch as the platform would (40004, 60006, 60003, 60004, 60007) and splits its
 * messages, in order and with repeats kept, into requests of at most 1000.
 *
 * @throws {@link SmsError} with the platform's code for the first mistake found.
 */
export function planSendBatch(input, context) {
    const common = commonOf(input, context);
    const messages = phoneList(input.messages, 'messages');
    if (messages.length === 0)
        throw new SmsError({ code: 40004, message: 'messages is empty: pass at least one {phone, params}.' });
    const raw = messages.map((message, i) => {
        if (typeof message !== 'object' || message === null)
            throw new SmsError({ code: 40004, message: `messages[${i}] must be an object {phone, params}.` });
        const { phone, params } = message;
        return { phone, params: stringValues(params, `messages[${i}].params`) };
    });
    const check = checkPhones(raw.map((m) => m.phone), { unique: false, max: Number.POSITIVE_INFINITY });
    if (check.phones.length === 0 || (check.invalid.length > 0 && common.mode === 'reject')) {
        assertPhones(raw.map((m) => m.phone), { unique: false, max: Number.POSITIVE_INFINITY });
    }
    const dropped = new Set(check.invalid.map((entry) => entry.index));
    // Checked as the caller's whole list, so that an error names the message's position in the
    // caller's input: a skipped number stands in as a well-formed placeholder while the values
    // are checked, and is left out afterwards.
    const checked = assertSendBatch({
        phones: raw.map((m, i) => (dropped.has(i) ? SKIPPED_PLACEHOLDER : m.phone)),
        params: raw.map((m) => m.params),
        ...(common.template === undefined ? {} : { template: common.template }),
        max: Number.POSITIVE_INFINITY,
    });
    const batch = dropped.size === 0
        ? checked
        : { phones: checked.phones.filter((_, i) => !dropped.has(i)), params: checked.params.filter((_, i) => !dropped.has(i)) };
    const newBid = context.newBid ?? randomUUID;
    const phoneChunks = chunked(batch.phones);
    const paramChunks = chunked(batch.params);
    const chunks = phoneChunks.map((phones, index) => {
        const bid = common.bid ?? newBid();
        const params = paramChunks[index];
        return {
            index,
            phones,
            bid,
            body: () => ({
                phonesJson: JSON.stringify(phones),
                templateCode: common.templateCode,
                templateParamJson: encodeTemplateParamJson(params),
                ...optionalFields(common),
                bid,
            }),
        };
    });
    return { endpoint: 'sendBatch', chunks, invalid: common.mode === 'skip' ? check.invalid : [], duplicates: 0 };
}
//# sourceMappingURL=send-plan.js.map