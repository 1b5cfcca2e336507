/**
 * How pairs whose value is empty enter the canonical string.
 *
 * - `skip-empty`: a pair whose value is `null`, `undefined` or `""` is left out — the
 *   vendor's Python, C# and VB.NET samples. smskit's default.
 * - `keep-empty`: every pair is kept, an empty value written as nothing (`bid=&…`) — the
 *   vendor's PHP sample and Postman pre-request script.
 *
 * smskit's client never sends an empty field, so both dialects agree on what it sends.
 */
export type CanonicalDialect = 'skip-empty' | 'keep-empty';
/** Both dialects, in the order a verifier tries them. */
export declare const CANONICAL_DIALECTS: readonly CanonicalDialect[];
/** A request body as the platform receives it: top-level JSON parameters. */
export type SignableParams = Readonly<Record<string, unknown>>;
/**
 * The four signed headers; `x-sign` itself is never part of the canonical string. A type
 * alias rather than an interface, so that signed headers pass wherever a plain header record
 * is expected (such as {@link verifyRequest}'s `headers`).
 */
export type SignedHeaderValues = {
    /** The account's apiKey. */
    'x-api-key': string;
    /** One of the six HMAC methods. */
    'x-sign-method': string;
    /** Digits, unique within the validity window. */
    'x-nonce': string;
    /** Milliseconds since the epoch, 13 digits. */
    'x-timestamp': string;
};
/**
 * Builds the canonical string that `x-sign` is computed over: every body parameter and the
 * four signed headers, sorted by key in plain code-unit order, joined as `key=value` with
 * `&`, with no URL-encoding or escaping (SPEC §2).
 *
 * @throws {@link SmsError} (40004) when a body parameter has the name of a signed header,
 *   which would make the canonical string ambiguous.
 */
export declare function canonicalString(options: {
    /** The request body's top-level parameters (`{}` for a body-less call). */
    params: SignableParams;
    /** The four signed headers. */
    headers: SignedHeaderValues;
    /** @defaultValue `'skip-empty'` */
    dialect?: CanonicalDialect;
}): string;
