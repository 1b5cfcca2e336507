import { buildCanonical } from './canonical-build.js';
import type { CanonicalDialect, SignableParams, SignedHeaderValues } from './canonical-types.js';

export { CANONICAL_DIALECTS, type CanonicalDialect, type SignableParams, type SignedHeaderValues } from './canonical-types.js';

/**
 * Builds the canonical string that `x-sign` is computed over: every body parameter and the
 * four signed headers, sorted by key in plain code-unit order, joined as `key=value` with
 * `&`, with no URL-encoding or escaping (SPEC §2).
 *
 * @throws {@link SmsError} (40004) when a body parameter has the name of a signed header,
 *   which would make the canonical string ambiguous, or a structured value nests deeper
 *   than {@link MAX_BODY_DEPTH}.
 */
export function canonicalString(options: {
  /** The request body's top-level parameters (`{}` for a body-less call). */
  params: SignableParams;
  /** The four signed headers. */
  headers: SignedHeaderValues;
  /** @defaultValue `'skip-empty'` */
  dialect?: CanonicalDialect;
}): string {
  return buildCanonical(options.params, options.headers, options.dialect ?? 'skip-empty').text;
}
