import { SmsError } from './errors.js';
/** The four signed header names, in code-unit order. */
const HEADER_KEYS = ['x-api-key', 'x-nonce', 'x-sign-method', 'x-timestamp'];
/** `&key=` for each header key, so the hot loop joins one string less per header. */
const HEADER_HEADS = HEADER_KEYS.map((key) => `&${key}=`);
/** Values at least this long are hashed as their own segment (see {@link CanonicalParts}). */
const LONG_VALUE = 256;
function writeValue(value, dialect) {
    if (typeof value === 'string')
        return value === '' && dialect === 'skip-empty' ? undefined : value;
    if (value === null || value === undefined)
        return dialect === 'skip-empty' ? undefined : '';
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
        return String(value);
    return JSON.stringify(value);
}
function isHeaderKey(key) {
    return key.charCodeAt(0) === 120 && key.charCodeAt(1) === 45 && HEADER_KEYS.includes(key);
}
/**
 * Builds the canonical string of SPEC §2. Body keys are sorted (plain code-unit order, the
 * default `sort()` on strings) and the four fixed header keys, already in order, are merged in,
 * so a typical request sorts three or four keys instead of eight.
 */
export function buildCanonical(params, headers, dialect) {
    const keys = Object.keys(params);
    for (let i = 0; i < keys.length; i++) {
        if (isHeaderKey(keys[i])) {
            throw new SmsError({
                code: 40004,
                message: `The body parameter "${keys[i]}" has the name of a signed header.`,
                hint: 'Rename the body parameter: x-api-key, x-sign-method, x-nonce and x-timestamp travel as headers.',
            });
        }
    }
    keys.sort();
    let text = '';
    // Segments start only at the first long value, so a typical request builds one rope.
    let segments;
    let pending = '';
    let h = 0;
    let b = 0;
    while (b < keys.length || h < HEADER_KEYS.length) {
        let head;
        let raw;
        if (h < HEADER_KEYS.length && (b >= keys.length || HEADER_KEYS[h] < keys[b])) {
            raw = headers[HEADER_KEYS[h]];
            head = HEADER_HEADS[h++];
        }
        else {
            const key = keys[b++];
            raw = params[key];
            head = '&' + key + '=';
        }
        const value = writeValue(raw, dialect);
        if (value === undefined)
            continue;
        if (text === '')
            head = head.slice(1);
        if (value.length >= LONG_VALUE) {
            if (segments === undefined)
                segments = [text + head, value];
            else
                segments.push(pending + head, value);
            pending = '';
        }
        else if (segments !== undefined) {
            pending += head + value;
        }
        text += head + value;
    }
    if (segments === undefined)
        return { text, segments: [text] };
    if (pending !== '')
        segments.push(pending);
    return { text, segments };
}
//# sourceMappingURL=canonical-build.js.map