import { buildCanonical } from './canonical-build.js';
/** Both dialects, in the order a verifier tries them. */
export const CANONICAL_DIALECTS = ['skip-empty', 'keep-empty'];
/**
 * Builds the canonical string that `x-sign` is computed over: every body parameter and the
 * four signed headers, sorted by key in plain code-unit order, joined as `key=value` with
 * `&`, with no URL-encoding or escaping (SPEC §2).
 *
 * @throws {@link SmsError} (40004) when a body parameter has the name of a signed header,
 *   which would make the canonical string ambiguous.
 */
export function canonicalString(options) {
    return buildCanonical(options.params, options.headers, options.dialect ?? 'skip-empty').text;
}
//# sourceMappingURL=canonical.js.map