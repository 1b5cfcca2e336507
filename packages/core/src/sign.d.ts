import type { CanonicalDialect, SignableParams, SignedHeaderValues } from './canonical.js';
import { type SignMethod } from './sign-method.js';
/**
 * Lowercase hex HMAC of `canonical` under `accessKey`, both as UTF-8, with the digest that
 * `method` names.
 */
export declare function computeSignature(options: {
    /** The account's secret accessKey. */
    accessKey: string;
    /** The canonical string (see {@link canonicalString}). */
    canonical: string;
    /** @defaultValue `'HmacSHA256'` */
    method?: SignMethod;
}): string;
/** The five headers of a signed request. */
export type SignedHeaders = SignedHeaderValues & {
    /** The signature. */
    'x-sign': string;
};
/** What {@link signRequest} needs. */
export interface SignRequestOptions {
    /** The account's apiKey (sent as `x-api-key`). */
    apiKey: string;
    /** The account's secret accessKey (never sent). */
    accessKey: string;
    /** The JSON body's top-level parameters; `{}` for a body-less call. */
    body: SignableParams;
    /** @defaultValue `'HmacSHA256'` */
    method?: SignMethod;
    /** A fixed nonce (digits), for tests; a fresh cryptographic one by default. */
    nonce?: string;
    /** A fixed timestamp in ms, for tests; `now()` by default. */
    timestamp?: number;
    /** The clock, in ms since the epoch. @defaultValue `Date.now` */
    now?: () => number;
    /** @defaultValue `'skip-empty'` */
    dialect?: CanonicalDialect;
}
/** A signed request: the headers to send, and the canonical string they were computed over. */
export interface SignedRequest {
    /** The five `x-` headers to send with the request. */
    headers: SignedHeaders;
    /** The canonical string that was signed, for debugging against the server's view. */
    canonical: string;
    /** The signature (same as `headers['x-sign']`). */
    sign: string;
}
/**
 * Signs a request as SPEC §2 defines: a fresh nonce and a 13-digit millisecond timestamp,
 * the canonical string over body and headers, and its HMAC.
 *
 * @throws {@link SmsError} (40004) for an empty apiKey or accessKey, an unsupported method,
 *   or a nonce or timestamp that the platform would reject.
 */
export declare function signRequest(options: SignRequestOptions): SignedRequest;
/**
 * Signed headers for a request body, for users' own tests of a server that verifies smskit
 * signatures (like stripe-node's `generateTestHeaderString`). Same as {@link signRequest},
 * returning only the headers, with `Content-Type` added.
 */
export declare function generateTestHeaders(options: SignRequestOptions): SignedHeaders & {
    'content-type': string;
};
