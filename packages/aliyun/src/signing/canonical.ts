/*
 * Percent-encoding and key order for both canonical forms, internal to the package (not
 * exported from its index; `percentEncode` is the public face of `encodeOnce`).
 *
 * Why a hand-written encoder: `encodeURIComponent` followed by a regex replace of the `!'()*`
 * it leaves bare cost about twice as much per value as walking the string once and looking
 * each UTF-8 byte up in a table, and signing is mostly percent-encoding. test/signing.test.ts
 * checks the walk against `encodeURIComponent` plus the replace with fast-check, lone
 * surrogates included.
 */
import type { RpcParams } from './rpc.js';

/** Only characters that percent-encoding leaves as they are. */
const UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;

function byteTable(escape: (hex: string) => string): readonly string[] {
  return Array.from({ length: 256 }, (_, byte) => {
    const char = String.fromCharCode(byte);
    return byte < 0x80 && UNRESERVED.test(char) ? char : escape(byte.toString(16).toUpperCase().padStart(2, '0'));
  });
}

/** Each byte as it stands in a percent-encoded value: itself when unreserved, else `%XX`. */
const ONCE = byteTable((hex) => `%${hex}`);
/** Each byte as it stands in a value percent-encoded twice (RPC V1's string to sign): `%25XX`. */
const TWICE = byteTable((hex) => `%25${hex}`);

function encodeBytes(value: string, table: readonly string[]): string {
  // Most of what is signed (keys, numbers, codes, dates, nonces) is unreserved already.
  if (UNRESERVED.test(value)) return value;
  let encoded = '';
  for (let i = 0; i < value.length; i++) {
    let code = value.charCodeAt(i);
    if (code < 0x80) {
      encoded += table[code];
    } else if (code < 0x800) {
      encoded += `${table[0xc0 | (code >> 6)]}${table[0x80 | (code & 0x3f)]}`;
    } else if (code < 0xd800 || code > 0xdfff) {
      encoded += `${table[0xe0 | (code >> 12)]}${table[0x80 | ((code >> 6) & 0x3f)]}${table[0x80 | (code & 0x3f)]}`;
    } else {
      // A surrogate pair is one code point of four UTF-8 bytes; a lone surrogate has no UTF-8
      // form, and encodeURIComponent's URIError is what callers expect for it.
      const low = value.charCodeAt(i + 1);
      if (code > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) throw new URIError('URI malformed');
      i++;
      code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
      encoded += `${table[0xf0 | (code >> 18)]}${table[0x80 | ((code >> 12) & 0x3f)]}${table[0x80 | ((code >> 6) & 0x3f)]}${table[0x80 | (code & 0x3f)]}`;
    }
  }
  return encoded;
}

/** Strict RFC 3986 percent-encoding of the UTF-8 form (see `percentEncode`). */
export function encodeOnce(value: string): string {
  return encodeBytes(value, ONCE);
}

/** How a canonical query is written: V3's (and V1's canonicalized query), or V1's string to sign. */
export interface QueryForm {
  /** Each byte as written (`ONCE` or `TWICE`). */
  table: readonly string[];
  /** Between a key and its value: `=`, or `%3D` encoded once more. */
  equals: string;
  /** Between pairs: `&`, or `%26` encoded once more. */
  and: string;
  /** A parameter never signed (V1's `Signature`). */
  skip?: string;
}

/** `key=value&…`, both encoded, as V3 signs it and V1 canonicalizes it. */
export const ENCODED_ONCE: QueryForm = { table: ONCE, equals: '=', and: '&', skip: undefined };
/** The V1 canonicalized query encoded once more, `Signature` left out: the tail of V1's string to sign. */
export const ENCODED_TWICE: QueryForm = { table: TWICE, equals: '%3D', and: '%26', skip: 'Signature' };
/** The V1 canonicalized query (`Signature` left out). */
export const RPC_ENCODED_ONCE: QueryForm = { table: ONCE, equals: '=', and: '&', skip: 'Signature' };

/**
 * A canonical query: the record's defined parameters (but `form.skip`) as encoded `key=value`
 * pairs in the byte order of the encoded keys. Keys of unreserved characters only (every
 * Aliyun parameter name) encode to themselves and are sorted as they are; only a record with
 * another key pays for encoding the keys before sorting.
 *
 * @throws URIError when a key or value holds a lone UTF-16 surrogate.
 */
export function canonicalQuery(record: RpcParams, form: QueryForm): string {
  const keys: string[] = [];
  let unreserved = true;
  for (const key of Object.keys(record)) {
    if (record[key] === undefined || key === form.skip) continue;
    keys.push(key);
    if (unreserved && !UNRESERVED.test(key)) unreserved = false;
  }
  let query = '';
  if (unreserved) {
    // Unreserved keys are ASCII, where UTF-16 order (`<`) is byte order.
    sortStrings(keys);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      query += `${i === 0 ? '' : form.and}${key}${form.equals}${encodeBytes(record[key] as string, form.table)}`;
    }
    return query;
  }
  // Sorted by the encoded keys (ASCII, so `<` is byte order), then written in the form's encoding.
  const sorted = keys.map((key) => [encodeBytes(key, ONCE), key] as const);
  sorted.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (let i = 0; i < sorted.length; i++) {
    const key = (sorted[i] as readonly [string, string])[1];
    query += `${i === 0 ? '' : form.and}${encodeBytes(key, form.table)}${form.equals}${encodeBytes(record[key] as string, form.table)}`;
  }
  return query;
}

/**
 * Sorts strings in place by UTF-16 code units. An insertion sort for the dozen or so
 * parameters a request has (a few times cheaper there than `Array.prototype.sort`), the
 * built-in sort beyond that.
 */
function sortStrings(values: string[]): void {
  if (values.length > 24) {
    values.sort();
    return;
  }
  for (let i = 1; i < values.length; i++) {
    const value = values[i] as string;
    let at = i;
    for (; at > 0 && (values[at - 1] as string) > value; at--) values[at] = values[at - 1] as string;
    values[at] = value;
  }
}
