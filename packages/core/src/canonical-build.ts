import { SmsError } from './errors.js';
import type { CanonicalDialect, SignableParams, SignedHeaderValues } from './canonical-types.js';
import { MAX_BODY_DEPTH, nestedTooDeep } from './signable-params.js';

/** The four signed header names, in code-unit order. */
const HEADER_KEYS = ['x-api-key', 'x-nonce', 'x-sign-method', 'x-timestamp'] as const;

/** `&key=` for each header key, so the hot loop joins one string less per header. */
const HEADER_HEADS = HEADER_KEYS.map((key) => `&${key}=`);

/** Values at least this long are hashed as their own segment (see {@link CanonicalParts}). */
const LONG_VALUE = 256;

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

function writeValue(value: unknown, dialect: CanonicalDialect): string | undefined {
  if (typeof value === 'string') return value === '' && dialect === 'skip-empty' ? undefined : value;
  if (value === null || value === undefined) return dialect === 'skip-empty' ? undefined : '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  // JSON.stringify recurses: a value nested thousands deep would overflow the stack (a crash,
  // answered -1) instead of being the caller's mistake.
  if (nestedTooDeep(value)) {
    throw new SmsError({ code: 40004, message: `A body parameter is nested deeper than ${MAX_BODY_DEPTH} levels.`, hint: 'Send flat parameters; structured values such as templateParam travel as JSON text.' });
  }
  return JSON.stringify(value);
}

function isHeaderKey(key: string): boolean {
  return key.charCodeAt(0) === 120 && key.charCodeAt(1) === 45 && (HEADER_KEYS as readonly string[]).includes(key);
}

/**
 * Builds the canonical string of SPEC §2. Body keys are sorted (plain code-unit order, the
 * default `sort()` on strings) and the four fixed header keys, already in order, are merged in,
 * so a typical request sorts three or four keys instead of eight.
 */
export function buildCanonical(params: SignableParams, headers: SignedHeaderValues, dialect: CanonicalDialect): CanonicalParts {
  const keys = Object.keys(params);
  for (let i = 0; i < keys.length; i++) {
    if (isHeaderKey(keys[i] as string)) {
      throw new SmsError({
        code: 40004,
        message: `The body parameter "${keys[i]}" has the name of a signed header.`,
        hint: 'Rename the body parameter: x-api-key, x-sign-method, x-nonce and x-timestamp travel as headers.',
      });
    }
  }
  keys.sort();
  let text = '';
  // Segments start only at the first long value, so a typical request builds one rope.
  let segments: string[] | undefined;
  let pending = '';
  let h = 0;
  let b = 0;
  while (b < keys.length || h < HEADER_KEYS.length) {
    let head: string;
    let raw: unknown;
    if (h < HEADER_KEYS.length && (b >= keys.length || (HEADER_KEYS[h] as string) < (keys[b] as string))) {
      raw = headers[HEADER_KEYS[h] as keyof SignedHeaderValues];
      head = HEADER_HEADS[h++] as string;
    } else {
      const key = keys[b++] as string;
      raw = params[key];
      head = '&' + key + '=';
    }
    const value = writeValue(raw, dialect);
    if (value === undefined) continue;
    if (text === '') head = head.slice(1);
    if (value.length >= LONG_VALUE) {
      if (segments === undefined) segments = [text + head, value];
      else segments.push(pending + head, value);
      pending = '';
    } else if (segments !== undefined) {
      pending += head + value;
    }
    text += head + value;
  }
  if (segments === undefined) return { text, segments: [text] };
  if (pending !== '') segments.push(pending);
  return { text, segments };
}

