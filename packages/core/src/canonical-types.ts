// The vocabulary of the canonical string, apart from the code that builds it, so that the
// builder and the public function import it without importing each other.

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
export const CANONICAL_DIALECTS: readonly CanonicalDialect[] = ['skip-empty', 'keep-empty'];

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
