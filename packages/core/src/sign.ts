import type { CanonicalDialect, SignableParams, SignedHeaderValues } from './canonical.js';
import { buildCanonical } from './canonical-build.js';
import { hmacHex } from './hmac.js';
import { SmsError } from './errors.js';
import { generateNonce } from './nonce.js';
import { DEFAULT_SIGN_METHOD, isSignMethod, SIGN_METHODS, type SignMethod } from './sign-method.js';

/**
 * Lowercase hex HMAC of `canonical` under `accessKey`, both as UTF-8, with the digest that
 * `method` names.
 */
export function computeSignature(options: {
  /** The account's secret accessKey. */
  accessKey: string;
  /** The canonical string (see {@link canonicalString}). */
  canonical: string;
  /** @defaultValue `'HmacSHA256'` */
  method?: SignMethod;
}): string {
  return hmacHex(options.accessKey, [options.canonical], options.method ?? DEFAULT_SIGN_METHOD);
}

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

const DIGITS = /^\d+$/;

/**
 * Signs a request as SPEC §2 defines: a fresh nonce and a 13-digit millisecond timestamp,
 * the canonical string over body and headers, and its HMAC.
 *
 * @throws {@link SmsError} (40004) for an empty apiKey or accessKey, an unsupported method,
 *   or a nonce or timestamp that the platform would reject.
 */
export function signRequest(options: SignRequestOptions): SignedRequest {
  const method = options.method ?? DEFAULT_SIGN_METHOD;
  // the default needs no lookup; anything else is checked against the six methods
  if (method !== DEFAULT_SIGN_METHOD && !isSignMethod(method)) {
    throw new SmsError({
      code: 40004,
      message: `Unsupported sign method "${String(method)}".`,
      hint: `Use one of ${Object.keys(SIGN_METHODS).join(', ')}.`,
    });
  }
  if (!options.apiKey) throw new SmsError({ code: 40004, message: 'apiKey is empty.', hint: 'Pass the apiKey shown in the console under 接口配置 → 接口信息.' });
  if (!options.accessKey) throw new SmsError({ code: 40004, message: 'accessKey is empty.', hint: 'Pass the accessKey shown in the console under 接口配置 → 接口信息.' });
  if (options.nonce !== undefined && !DIGITS.test(options.nonce)) {
    throw new SmsError({ code: 40004, message: 'x-nonce must be digits only.', hint: 'Leave nonce out to get a fresh 15-digit one.' });
  }
  const ms = options.timestamp ?? (options.now ?? Date.now)();
  if (!Number.isInteger(ms) || ms < 1e12 || ms >= 1e13) {
    throw new SmsError({ code: 40004, message: `x-timestamp "${ms}" is not 13 digits of milliseconds.`, hint: 'Use milliseconds since the epoch (Date.now()), not seconds.' });
  }
  return signChecked({ apiKey: options.apiKey, accessKey: options.accessKey, body: options.body, method, nonce: options.nonce ?? generateNonce(), timestamp: ms, dialect: options.dialect ?? 'skip-empty' });
}

/**
 * {@link signRequest} without its checks, for a caller that checked the keys and method once
 * (the client, in its constructor) and passes a valid nonce and timestamp.
 *
 * @internal Not part of the public API: it trusts its input.
 */
export function signChecked(options: { apiKey: string; accessKey: string; body: SignableParams; method: SignMethod; nonce: string; timestamp: number; dialect: CanonicalDialect }): SignedRequest {
  const { method } = options;
  // One object serves as the signed header values and, once x-sign is filled in, as the
  // headers returned: a second object with dashed keys (or a spread) costs a measurable part
  // of a small HMAC on Node 20. The canonical builder reads only the four signed keys.
  const headers: SignedHeaders = {
    'x-api-key': options.apiKey,
    'x-sign-method': method,
    'x-nonce': options.nonce,
    'x-timestamp': String(options.timestamp),
    'x-sign': '',
  };
  const canonical = buildCanonical(options.body, headers, options.dialect);
  const sign = hmacHex(options.accessKey, canonical.segments, method);
  headers['x-sign'] = sign;
  return { headers, canonical: canonical.text, sign };
}

/**
 * Signed headers for a request body, for users' own tests of a server that verifies smskit
 * signatures (like stripe-node's `generateTestHeaderString`). Same as {@link signRequest},
 * returning only the headers, with `Content-Type` added.
 */
export function generateTestHeaders(options: SignRequestOptions): SignedHeaders & { 'content-type': string } {
  return { ...signRequest(options).headers, 'content-type': 'application/json' };
}
