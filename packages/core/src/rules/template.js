/** The longest template text the platform accepts, in code points with variables written out. */
export const MAX_TEMPLATE_LENGTH = 500;
/** The longest template text the vendor advises; longer ones get a warning. */
export const ADVISED_TEMPLATE_LENGTH = 450;
/** The shortest signature, in code points. */
export const MIN_SIGNATURE_LENGTH = 2;
/** The longest signature, in code points. */
export const MAX_SIGNATURE_LENGTH = 20;
// An allowlist, because the vendor rejects "special symbols" without listing them: printable
// ASCII, a few Latin-1 symbols (· is the dot in transliterated names), general punctuation
// (dashes, curly quotes, …), ℃ № ™, CJK punctuation, BMP ideographs and fullwidth forms.
const ORDINARY = /^[\u0020-\u007e\u00a2\u00a3\u00a5\u00a7\u00a9\u00ab\u00ae\u00b0\u00b1\u00b7\u00bb\u00d7\u00f7\u2010-\u2027\u2030-\u203b\u2103\u2116\u2122\u3000-\u301f\u30fb\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff65\uffe0-\uffe6]$/u;
const NAMED = {
    0x09: 'tab',
    0x0d: 'carriage return',
    0xa0: 'no-break space',
    0xad: 'soft hyphen',
    0x200b: 'zero-width space',
    0x200c: 'zero-width non-joiner',
    0x200d: 'zero-width joiner',
    0x200e: 'left-to-right mark',
    0x200f: 'right-to-left mark',
    0x2028: 'line separator',
    0x2029: 'paragraph separator',
    0x2060: 'word joiner',
    0xfe0f: 'emoji variation selector',
    0xfeff: 'byte order mark',
};
const KINDS = [
    [/\p{Cc}/u, 'control character'],
    [/[\p{Extended_Pictographic}\p{Emoji_Presentation}\p{Emoji_Modifier}\p{Regional_Indicator}\u20e3]/u, 'emoji'],
    [/[\p{Cf}\p{Z}\p{Default_Ignorable_Code_Point}]/u, 'invisible character'],
    [/\p{M}/u, 'combining mark'],
    // These look like common ideographs but are different code points, usually pasted from PDFs.
    [/[\u2e80-\u2fdf\uf900-\ufaff\u{2f800}-\u{2fa1f}]/u, 'radical or compatibility ideograph'],
    [/\p{Script=Han}/u, 'rare ideograph outside the Basic Multilingual Plane'],
];
function describeCodePoint(char) {
    const code = char.codePointAt(0) ?? 0;
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    const kind = NAMED[code] ?? KINDS.find(([pattern]) => pattern.test(char))?.[1];
    return `${hex} (${kind ?? 'not ordinary Chinese, English, digits or punctuation'})`;
}
/** Runs of code points outside the allowlist; a run (an emoji sequence, say) is one finding. */
function characterRuns(chars, allowNewline) {
    const runs = [];
    let start;
    chars.forEach((char, i) => {
        const newline = char === '\n' || (char === '\r' && chars[i + 1] === '\n');
        const allowed = newline ? allowNewline : ORDINARY.test(char);
        if (!allowed && start === undefined)
            start = i;
        if (allowed && start !== undefined) {
            runs.push({ index: start, length: i - start });
            start = undefined;
        }
    });
    if (start !== undefined)
        runs.push({ index: start, length: chars.length - start });
    return runs;
}
function characterMessage(text, where) {
    const chars = Array.from(text);
    const listed = chars.slice(0, 5).map(describeCodePoint).join(', ');
    const more = chars.length > 5 ? ` and ${chars.length - 5} more` : '';
    return `Remove ${listed}${more}: ${where} take ordinary Chinese, English, digits and punctuation only (retype text pasted from Word or a web page).`;
}
function violation(chars, fields) {
    const text = chars.slice(fields.index, fields.index + fields.length).join('');
    return { ...fields, severity: fields.severity ?? 'error', text };
}
function lengthViolations(chars) {
    const n = chars.length;
    if (chars.join('').trim() === '') {
        return [violation(chars, { rule: 'length', index: 0, length: n, message: 'The template is empty: write 1 to 500 characters.' })];
    }
    if (n > MAX_TEMPLATE_LENGTH) {
        const message = `The template has ${n} characters (variables written out included); the limit is ${MAX_TEMPLATE_LENGTH}.`;
        return [violation(chars, { rule: 'length', index: MAX_TEMPLATE_LENGTH, length: n - MAX_TEMPLATE_LENGTH, message })];
    }
    if (n > ADVISED_TEMPLATE_LENGTH) {
        const message = `The template has ${n} characters; the vendor advises at most ${ADVISED_TEMPLATE_LENGTH}.`;
        return [violation(chars, { rule: 'length', severity: 'warning', index: ADVISED_TEMPLATE_LENGTH, length: n - ADVISED_TEMPLATE_LENGTH, message })];
    }
    return [];
}
function bracketViolations(chars) {
    const found = [];
    chars.forEach((char, index) => {
        if (char !== '【' && char !== '】')
            return;
        const message = `Remove "${char}": 【】 mark the signature, which the platform adds in front of the text.`;
        found.push(violation(chars, { rule: 'signature-bracket', index, length: 1, message }));
    });
    // Fullwidth ［］ too: they pass for a signature just as well as [].
    const edge = new Set(['[', ']', '［', '］']);
    const first = chars.findIndex((char) => char.trim() !== '');
    const last = chars.findLastIndex((char) => char.trim() !== '');
    for (const index of new Set([first, last])) {
        const char = chars[index];
        if (char === undefined || !edge.has(char))
            continue;
        const message = `Move or remove "${char}": a template may not start or end with a square bracket, which looks like a signature.`;
        found.push(violation(chars, { rule: 'edge-bracket', index, length: 1, message }));
    }
    return found;
}
/** The problems of the body of one `{…}`, or a variable when there are none. */
function readVariable(body, span) {
    if (!body.includes(',')) {
        // The Chinese input method types "，" where the platform wants ",".
        if (body.includes('，'))
            return [`use an ASCII comma: write {${body.replace('，', ',')}}, not {${body}}`];
        return [`{${body}} has no maxLen: write it as {name,maxLen}, e.g. {${body || 'code'},6}`];
    }
    const comma = body.lastIndexOf(',');
    const name = body.slice(0, comma);
    const maxLen = body.slice(comma + 1);
    const problems = [];
    if (/\s$/u.test(name) || /^\s/u.test(maxLen))
        problems.push('no spaces around the comma');
    if (/^\s/u.test(name) || /\s$/u.test(maxLen))
        problems.push('no spaces inside the braces');
    if (name.trim() === '')
        problems.push('the name is empty');
    if (name.includes(','))
        problems.push('one comma only, between name and maxLen');
    if (!/^[1-9][0-9]*$/.test(maxLen.trim()))
        problems.push(`maxLen must be a positive integer, not "${maxLen.trim()}"`);
    return problems.length > 0 ? problems : { name, maxLen: Number(maxLen), ...span };
}
function scanVariables(chars) {
    const variables = [];
    const violations = [];
    const unclosed = (index) => {
        const message = `The "{" at ${index} opens a variable that is never closed: write {name,maxLen}.`;
        violations.push(violation(chars, { rule: 'variable-syntax', index, length: 1, message }));
    };
    let open;
    chars.forEach((char, i) => {
        if (char === '{') {
            if (open !== undefined)
                unclosed(open);
            open = i;
        }
        else if (char === '}' && open === undefined) {
            const message = `The "}" at ${i} closes no variable: remove it or add the "{".`;
            violations.push(violation(chars, { rule: 'variable-syntax', index: i, length: 1, message }));
        }
        else if (char === '}' && open !== undefined) {
            const span = { index: open, length: i - open + 1 };
            const read = readVariable(chars.slice(open + 1, i).join(''), span);
            if (!Array.isArray(read))
                variables.push(read);
            else
                violations.push(violation(chars, { rule: 'variable-syntax', ...span, message: `Malformed variable: ${read.join('; ')}.` }));
            open = undefined;
        }
    });
    if (open !== undefined)
        unclosed(open);
    return { variables, violations };
}
const RULE_ORDER = ['length', 'signature-bracket', 'edge-bracket', 'character', 'variable-syntax'];
/**
 * Reads a template text (SPEC §6): its `{name,maxLen}` variables and every rule it breaks,
 * each with its position in code points, so that an editor can underline all of them at once.
 */
export function parseTemplate(text) {
    const chars = Array.from(text);
    const { variables, violations: syntax } = scanVariables(chars);
    const characters = characterRuns(chars, true).map((span) => violation(chars, { rule: 'character', ...span, message: characterMessage(chars.slice(span.index, span.index + span.length).join(''), 'templates') }));
    const violations = [...lengthViolations(chars), ...bracketViolations(chars), ...characters, ...syntax].sort((a, b) => a.index - b.index || RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule));
    return { variables, violations };
}
/** Every rule a template text breaks; empty when the platform would accept it. */
export function checkTemplate(text) {
    return parseTemplate(text).violations;
}
const SIGNATURE_BRACKETS = new Set(Array.from('()[]{}<>【】（）［］｛｝〔〕〖〗《》〈〉「」『』＜＞'));
/**
 * Every rule a signature (签名) breaks: 2–20 characters, written without brackets of any kind
 * (the platform adds `【】` itself), ordinary characters only, no surrounding whitespace.
 */
export function checkSignature(name) {
    const chars = Array.from(name);
    const found = [];
    if (chars.length < MIN_SIGNATURE_LENGTH || chars.length > MAX_SIGNATURE_LENGTH) {
        const message = `The signature has ${chars.length} character(s); write ${MIN_SIGNATURE_LENGTH} to ${MAX_SIGNATURE_LENGTH}.`;
        found.push(violation(chars, { rule: 'length', index: 0, length: chars.length, message }));
    }
    // Only the spaces the allowlist lets through; other whitespace is reported as a character.
    for (const match of name.matchAll(/^[ \u3000]+|[ \u3000]+$/gu)) {
        const index = Array.from(name.slice(0, match.index)).length;
        const message = 'Remove the whitespace around the signature.';
        found.push(violation(chars, { rule: 'whitespace', index, length: Array.from(match[0]).length, message }));
    }
    chars.forEach((char, index) => {
        if (!SIGNATURE_BRACKETS.has(char))
            return;
        const message = `Remove "${char}": write the signature without brackets; the platform shows it as 【签名】.`;
        found.push(violation(chars, { rule: 'bracket', index, length: 1, message }));
    });
    for (const span of characterRuns(chars, false)) {
        const text = chars.slice(span.index, span.index + span.length).join('');
        found.push(violation(chars, { rule: 'character', ...span, message: characterMessage(text, 'signatures') }));
    }
    return found.sort((a, b) => a.index - b.index);
}
//# sourceMappingURL=template.js.map