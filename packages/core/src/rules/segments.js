import { assertTemplateValues } from './request.js';
import { parseTemplate } from './template.js';
/** The limits of each encoding: 160/153 for GSM-7, 70/67 for UCS-2 (SPEC §6). */
export const SEGMENT_LIMITS = {
    'GSM-7': { single: 160, perPart: 153 },
    'UCS-2': { single: 70, perPart: 67 },
};
const GSM7_BASIC = new Set(Array.from('@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'));
// Reached through an escape, so each costs two septets.
const GSM7_EXTENSION = new Set(Array.from('\f^{}\\[~]|€'));
function isGsm7Character(char) {
    return GSM7_BASIC.has(char) || GSM7_EXTENSION.has(char);
}
/** True when every character of `text` is in the GSM 03.38 basic set or its extension table. */
export function isGsm7(text) {
    return Array.from(text).every(isGsm7Character);
}
function withSignature(text, signature) {
    return signature === undefined || signature === '' ? text : `【${signature}】${text}`;
}
/** The cost of each code point in the encoding's units. */
function costs(chars, encoding) {
    return encoding === 'GSM-7' ? chars.map((char) => (GSM7_EXTENSION.has(char) ? 2 : 1)) : chars.map((char) => char.length);
}
// Parts are filled greedily because an escape pair or a surrogate pair is never split between
// two parts: a message can need one part more than characters / perPart suggests.
function partsOf(units, limits) {
    const total = units.reduce((sum, unit) => sum + unit, 0);
    if (total === 0)
        return 0;
    if (total <= limits.single)
        return 1;
    let parts = 1;
    let used = 0;
    for (const unit of units) {
        if (used + unit > limits.perPart) {
            parts += 1;
            used = 0;
        }
        used += unit;
    }
    return parts;
}
/**
 * The length, encoding and billed parts of a message, signature included (SPEC §6): GSM-7
 * (160 single, 153 a part) when every character allows it, else UCS-2 (70 single, 67 a part).
 * A signed message is always UCS-2, since `【】` are not GSM-7. An empty message is 0 parts:
 * the platform sends nothing (60005); a signature alone still counts.
 */
export function countSegments(options) {
    const chars = Array.from(withSignature(options.text, options.signature));
    const encoding = chars.every(isGsm7Character) ? 'GSM-7' : 'UCS-2';
    const limits = SEGMENT_LIMITS[encoding];
    const units = costs(chars, encoding);
    return {
        characters: units.reduce((sum, unit) => sum + unit, 0),
        encoding,
        parts: partsOf(units, limits),
        perPart: limits.perPart,
        maxSingle: limits.single,
    };
}
/**
 * The message as a recipient sees it: `【signature】` then the template with each variable
 * replaced by its value. Values are inserted as they are, never read as variables. A
 * malformed variable stays as written; {@link parseTemplate} reports it.
 *
 * @throws `SmsError` 60003 or 60004 when the values do not fit the template, 60006 when
 *   they are not strings (see {@link assertTemplateValues}).
 */
export function renderTemplate(options) {
    const { variables } = parseTemplate(options.template);
    const values = assertTemplateValues({ template: variables, values: options.values ?? [] });
    const chars = Array.from(options.template);
    let text = '';
    let at = 0;
    variables.forEach((variable, i) => {
        text += chars.slice(at, variable.index).join('') + (values[i] ?? '');
        at = variable.index + variable.length;
    });
    return withSignature(text + chars.slice(at).join(''), options.signature);
}
//# sourceMappingURL=segments.js.map