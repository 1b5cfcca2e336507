import { SmsError } from './errors.js';

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

/** The four signed headers; `x-sign` itself is never part of the canonical string. */
export interface SignedHeaderValues {
  /** The account's apiKey. */
  'x-api-key': string;
  /** One of the six HMAC methods. */
  'x-sign-method': string;
  /** Digits, unique within the validity window. */
  'x-nonce': string;
  /** Milliseconds since the epoch, 13 digits. */
  'x-timestamp': string;
}

/**
 * Writes one value as the canonical string does: strings as they are, numbers in decimal,
 * booleans as `true`/`false`, arrays and objects as compact JSON. Returns `undefined` for a
 * value the `skip-empty` dialect leaves out.
 */
function writeValue(value: unknown, dialect: CanonicalDialect): string | undefined {
  if (typeof value === 'string') return value === '' && dialect === 'skip-empty' ? undefined : value;
  if (value === null || value === undefined) return dialect === 'skip-empty' ? undefined : '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/**
 * Builds the canonical string that `x-sign` is computed over: every body parameter and the
 * four signed headers, sorted by key in plain code-unit order, joined as `key=value` with
 * `&`, with no URL-encoding or escaping (SPEC §2).
 *
 * @throws {@link SmsError} (40004) when a body parameter has the name of a signed header,
 *   which would make the canonical string ambiguous.
 */
export function canonicalString(options: {
  /** The request body's top-level parameters (`{}` for a body-less call). */
  params: SignableParams;
  /** The four signed headers. */
  headers: SignedHeaderValues;
  /** @defaultValue `'skip-empty'` */
  dialect?: CanonicalDialect;
}): string {
  const dialect = options.dialect ?? 'skip-empty';
  const { params, headers } = options;
  const keys = Object.keys(params);
  for (const header of HEADER_KEYS) {
    if (Object.prototype.hasOwnProperty.call(params, header)) {
      throw new SmsError({
        code: 40004,
        message: `The body parameter "${header}" has the name of a signed header.`,
        hint: 'Rename the body parameter: x-api-key, x-sign-method, x-nonce and x-timestamp travel as headers.',
      });
    }
  }
  const pairs: [string, string][] = [];
  for (const key of keys) {
    const written = writeValue(params[key], dialect);
    if (written !== undefined) pairs.push([key, written]);
  }
  for (const key of HEADER_KEYS) {
    const written = writeValue(headers[key], dialect);
    if (written !== undefined) pairs.push([key, written]);
  }
  pairs.sort(byKey);
  let out = '';
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i] as [string, string];
    out += (i === 0 ? '' : '&') + pair[0] + '=' + pair[1];
  }
  return out;
}

const HEADER_KEYS = ['x-api-key', 'x-nonce', 'x-sign-method', 'x-timestamp'] as const;

/** Plain UTF-16 code-unit order, as the vendor's samples sort (not locale order). */
function byKey(a: [string, string], b: [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}
