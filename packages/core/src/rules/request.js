import { SmsError } from '../errors.js';
import { assertPhones, MAX_PHONES_PER_REQUEST } from './phone.js';
import { parseTemplate } from './template.js';
/** The longest `bid` (the caller's business id, echoed in receipts), in code points. */
export const MAX_BID_LENGTH = 64;
/** The largest `upExtendCode` of the platform's default range 1–99. */
export const MAX_UP_EXTEND_CODE = 99;
function kindOf(value) {
    if (value === null || value === undefined)
        return String(value);
    if (Array.isArray(value))
        return 'an array';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
function malformed(message) {
    return new SmsError({ code: 60006, message });
}
function stringList(value, label) {
    if (!Array.isArray(value))
        throw malformed(`${label} must be an array of strings, not ${kindOf(value)}.`);
    const list = value;
    const bad = list.findIndex((entry) => typeof entry !== 'string');
    if (bad >= 0)
        throw malformed(`${label}[${bad}] is ${kindOf(list[bad])}: every value must be a string (write "12", not 12).`);
    return list;
}
// The parser's own message quotes the input, and values may be verification codes.
function parseJson(wire, label) {
    try {
        return JSON.parse(wire);
    }
    catch {
        throw malformed(`${label} is not valid JSON: it must be a JSON array written as a string, e.g. "[\\"张三\\",\\"02\\"]".`);
    }
}
/**
 * The values of a wire `templateParam` (SPEC §3: a JSON array of strings, as a string). An
 * empty string stands for a template without variables, as a left-out field does.
 *
 * @throws {@link SmsError} 60006 when it is not valid JSON or not an array of strings.
 */
export function decodeTemplateParam(wire) {
    return wire === '' ? [] : stringList(parseJson(wire, 'templateParam'), 'templateParam');
}
/** The wire `templateParam` for `values`, or `undefined` (leave the field out) when there are none. */
export function encodeTemplateParam(values) {
    return values.length === 0 ? undefined : JSON.stringify(values);
}
function batchLists(value, label) {
    if (!Array.isArray(value))
        throw malformed(`${label} must be an array of arrays of strings, not ${kindOf(value)}.`);
    const lists = value;
    return lists.map((entry, i) => (entry === '' ? [] : stringList(entry, `${label}[${i}]`)));
}
/**
 * The parameter lists of a wire `templateParamJson` (a JSON array of arrays, as a string);
 * the `""` entries sent for a template without variables become `[]`.
 *
 * @throws {@link SmsError} 60006 when it is not valid JSON or not that shape.
 */
export function decodeTemplateParamJson(wire) {
    return batchLists(parseJson(wire, 'templateParamJson'), 'templateParamJson');
}
/**
 * The wire `templateParamJson` for one list of values per number. An empty list is written
 * `""`, so a template without variables gets `["",""…]` as the platform wants (SPEC §3).
 */
export function encodeTemplateParamJson(lists) {
    return JSON.stringify(lists.map((list) => (list.length === 0 ? '' : list)));
}
function variablesOf(template) {
    return typeof template === 'string' ? parseTemplate(template).variables : template;
}
function written(variable) {
    return `{${variable.name},${variable.maxLen}}`;
}
/** Checks values already known to be strings; `label` names them in messages (`params[3]`). */
function checkValues(variables, values, label) {
    if (values.length !== variables.length) {
        const names = variables.length === 0 ? 'none' : variables.slice(0, 5).map(written).join(', ') + (variables.length > 5 ? ', …' : '');
        const message = `${label} has ${values.length} value(s); the template has ${variables.length} variable(s) (${names}).`;
        throw new SmsError({ code: 60003, message, details: { expected: variables.length, received: values.length } });
    }
    // Lengths only, never the values: they may be verification codes.
    const tooLong = variables.flatMap((variable, position) => {
        const length = Array.from(values[position] ?? '').length;
        return length > variable.maxLen ? [{ position, name: variable.name, maxLen: variable.maxLen, length }] : [];
    });
    if (tooLong.length > 0) {
        const named = tooLong.map((entry) => `${label}[${entry.position}] for {${entry.name},${entry.maxLen}} has ${entry.length} characters`);
        throw new SmsError({ code: 60004, message: `Value too long: ${named.join('; ')}.`, details: { tooLong } });
    }
}
/**
 * The values for a template, checked against its variables: one string per variable, each
 * no longer than its `maxLen` in code points.
 *
 * @throws {@link SmsError} 60006 when the values are not an array of strings (or not valid
 *   wire JSON); 60003 when their count differs from the variables'; 60004 naming each value
 *   that is too long, with its variable and position (lengths only, never the values).
 */
export function assertTemplateValues(options) {
    const { values } = options;
    const list = values === undefined ? [] : typeof values === 'string' ? decodeTemplateParam(values) : stringList(values, 'values');
    checkValues(variablesOf(options.template), list, typeof values === 'string' ? 'templateParam' : 'values');
    return [...list];
}
/**
 * The numbers and parameter lists of a sendBatch request, checked and aligned: lists are
 * decoded (60006), the count is within `max` (60008), there is one list per number (60002),
 * every number is valid (60007; 40004 when there is none), and with `template` every list fits it (60003, 60004).
 * Repeated numbers are kept: each has its own list.
 *
 * @throws {@link SmsError} with the first of those codes that applies.
 */
export function assertSendBatch(options) {
    const max = options.max ?? MAX_PHONES_PER_REQUEST;
    const params = typeof options.params === 'string' ? decodeTemplateParamJson(options.params) : batchLists(options.params, 'params');
    const count = options.phones.length;
    if (count > max) {
        throw new SmsError({ code: 60008, message: `${count} phone numbers in one sendBatch; at most ${max}.`, details: { count, max } });
    }
    if (params.length !== count) {
        const message = `sendBatch has ${count} phone number(s) but ${params.length} parameter list(s): give one list per number, in the same order.`;
        throw new SmsError({ code: 60002, message, details: { phones: count, params: params.length } });
    }
    const phones = assertPhones(options.phones, { unique: false, max });
    if (options.template !== undefined) {
        const variables = variablesOf(options.template);
        params.forEach((list, i) => checkValues(variables, list, `params[${i}]`));
    }
    return { phones, params };
}
/**
 * A checked `upExtendCode` (the uplink extension code): digits without a leading zero, from 1
 * to `max`. `undefined`, `null` and `""` mean "none" and give `undefined`, so the field is left out.
 *
 * @throws {@link SmsError} 40004 otherwise.
 */
export function assertUpExtendCode(value, options = {}) {
    if (value === undefined || value === null || value === '')
        return undefined;
    const max = options.max ?? MAX_UP_EXTEND_CODE;
    const hint = 'Use the extension code assigned to this account, or leave upExtendCode out.';
    if (typeof value !== 'string') {
        throw new SmsError({ code: 40004, message: `upExtendCode must be a string of digits such as "32", not ${kindOf(value)}.`, hint });
    }
    if (!/^[1-9][0-9]*$/.test(value) || Number(value) > max) {
        const message = `upExtendCode must be a number from 1 to ${max} written in digits without a leading zero, not "${value.slice(0, 24)}".`;
        throw new SmsError({ code: 40004, message, hint });
    }
    return value;
}
/**
 * A checked `bid` (the caller's business id, echoed in receipts): a string of at most 64
 * code points. `undefined`, `null` and `""` mean "none" and give `undefined`.
 *
 * @throws {@link SmsError} 40004 otherwise.
 */
export function assertBid(value) {
    if (value === undefined || value === null || value === '')
        return undefined;
    const hint = 'Use a short id of your own (an order number, say) to match receipts; at most 64 characters.';
    if (typeof value !== 'string') {
        throw new SmsError({ code: 40004, message: `bid must be a string, not ${kindOf(value)}.`, hint });
    }
    const length = Array.from(value).length;
    if (length > MAX_BID_LENGTH) {
        throw new SmsError({ code: 40004, message: `bid has ${length} characters; at most ${MAX_BID_LENGTH}.`, hint });
    }
    return value;
}
//# sourceMappingURL=request.js.map