import type { CanonicalDialect, SignableParams, SignedHeaderValues } from './canonical.js';
/**
 * A canonical string, and the same text cut into segments for the HMAC. A long value (a
 * thousand comma-separated numbers) is kept as its own segment so that it is hashed as the
 * one-byte string it is, instead of first being copied into a rope with the short two-byte
 * (Chinese) parts and widened; `text` is a rope that is only flattened if someone reads it.
 */
export interface CanonicalParts {
    /** The canonical string. */
    text: string;
    /** The same text, in order, cut at long values. */
    segments: string[];
}
/**
 * Builds the canonical string of SPEC §2. Body keys are sorted (plain code-unit order, the
 * default `sort()` on strings) and the four fixed header keys, already in order, are merged in,
 * so a typical request sorts three or four keys instead of eight.
 */
export declare function buildCanonical(params: SignableParams, headers: SignedHeaderValues, dialect: CanonicalDialect): CanonicalParts;
