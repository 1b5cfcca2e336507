import { SmsError } from '../errors.js';
/** The most numbers one `send` or `sendBatch` request takes (60008). */
export const MAX_PHONES_PER_REQUEST = 1000;
const MAINLAND_MOBILE = /^1[3-9][0-9]{9}$/;
// What people type or paste inside a number: spaces of every kind, dashes, parentheses, and
// invisible format characters (a BOM or zero-width space from a spreadsheet).
const SEPARATORS = /[\s\-\u2010-\u2015()\p{Cf}]/gu;
const REASONS = {
    type: 'not a string',
    empty: 'empty',
    characters: 'not only digits',
    length: 'not 11 digits',
    prefix: 'does not start 13–19',
};
function classify(input) {
    if (typeof input === 'number' && Number.isSafeInteger(input) && input > 0)
        return classify(String(input));
    if (typeof input !== 'string')
        return { reason: 'type' };
    // NFKC turns fullwidth digits, ＋ and （） from a Chinese input method into ASCII.
    const stripped = input.normalize('NFKC').replace(SEPARATORS, '');
    const national = stripped.startsWith('+86')
        ? stripped.slice(3)
        : stripped.startsWith('0086')
            ? stripped.slice(4)
            : stripped.startsWith('86') && stripped.length === 13
                ? stripped.slice(2)
                : stripped;
    if (national === '')
        return { reason: 'empty' };
    if (!/^[0-9]+$/.test(national))
        return { reason: 'characters' };
    if (national.length !== 11)
        return { reason: 'length' };
    if (!MAINLAND_MOBILE.test(national))
        return { reason: 'prefix' };
    return { phone: national };
}
/**
 * A mainland mobile number as the platform wants it (11 digits, `^1[3-9]\d{9}$`), or
 * `undefined` when `input` is not one. Removes `+86`, `0086`, or `86` in front of 13 digits,
 * spaces, dashes and parentheses; fullwidth digits count as digits. Idempotent.
 */
export function normalizePhone(input) {
    const result = classify(input);
    return 'phone' in result ? result.phone : undefined;
}
function entriesOf(inputs) {
    // A pasted list uses commas (either width), semicolons or one number a line.
    return typeof inputs === 'string' ? inputs.split(/[,，;；\n]/u) : inputs;
}
function display(input) {
    return typeof input === 'string' ? input : (JSON.stringify(input) ?? String(input));
}
/**
 * Checks a list of numbers (or a comma-separated string of them): normalises each, reports
 * every invalid one with its position, and drops repeats keeping the first occurrence.
 * Never throws; see {@link assertPhones} for the throwing form.
 */
export function checkPhones(inputs, options = {}) {
    const max = options.max ?? MAX_PHONES_PER_REQUEST;
    const seen = new Set();
    const phones = [];
    const invalid = [];
    let duplicates = 0;
    entriesOf(inputs).forEach((input, index) => {
        const result = classify(input);
        if ('reason' in result) {
            invalid.push({ input: display(input), index, reason: result.reason });
        }
        else if (options.unique !== false && seen.has(result.phone)) {
            duplicates += 1;
        }
        else {
            seen.add(result.phone);
            phones.push(result.phone);
        }
    });
    return { phones, invalid, duplicates, excess: Math.max(0, phones.length - max) };
}
/** At most ten entries in a message; the full list goes in `details`. */
function listed(items) {
    const shown = items.slice(0, 10).join(', ');
    return items.length > 10 ? `${shown} and ${items.length - 10} more` : shown;
}
function clip(text) {
    return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}
/**
 * The normalised, de-duplicated numbers of {@link checkPhones}, or a throw.
 *
 * @throws {@link SmsError} 40004 when there is no number at all; 60007 naming every invalid
 *   number (the first ten in the message, all in `details.invalid`); 60008 when more than
 *   `max` remain.
 */
export function assertPhones(inputs, options = {}) {
    const max = options.max ?? MAX_PHONES_PER_REQUEST;
    const entries = entriesOf(inputs);
    if (entries.length === 0 || (typeof inputs === 'string' && inputs.trim() === '')) {
        throw new SmsError({ code: 40004, message: 'No phone number given: pass at least one.', hint: 'Give one or more mainland mobile numbers.' });
    }
    const { phones, invalid } = checkPhones(entries, options);
    if (invalid.length > 0) {
        const named = invalid.map((entry) => `phones[${entry.index}] "${clip(entry.input)}" (${REASONS[entry.reason]})`);
        const count = invalid.length === 1 ? '1 phone number is' : `${invalid.length} phone numbers are`;
        throw new SmsError({ code: 60007, message: `${count} malformed: ${listed(named)}.`, details: { invalid } });
    }
    if (phones.length > max) {
        const message = `${phones.length} phone numbers in one request; at most ${max}. Split them into several requests.`;
        throw new SmsError({ code: 60008, message, details: { count: phones.length, max } });
    }
    return phones;
}
//# sourceMappingURL=phone.js.map