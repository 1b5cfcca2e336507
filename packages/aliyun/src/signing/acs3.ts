import { createHash, createHmac } from 'node:crypto';
import { percentEncode } from './percent-encode.js';
import { aliyunTimestamp, signatureNonce, type RpcParams } from './rpc.js';

/** The one V3 algorithm smskit speaks (the SM3 and RSA variants are not offered for SMS keys). */
export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

/** Lowercase hex SHA-256 of a payload: `x-acs-content-sha256`, and the canonical request's hash. */
export function sha256Hex(payload: string | Uint8Array): string {
  return createHash('sha256').update(payload).digest('hex');
}

/** The canonical URI: each path segment percent-encoded, the slashes kept. */
function canonicalUri(pathname: string): string {
  return (pathname || '/').split('/').map(percentEncode).join('/');
}

/** The canonical query string of V3: encoded pairs sorted by encoded key, an empty value kept as `key=`. */
export function acs3CanonicalQuery(query: RpcParams): string {
  const pairs: [string, string][] = [];
  for (const key of Object.keys(query)) {
    const value = query[key];
    if (value === undefined) continue;
    pairs.push([percentEncode(key), percentEncode(value)]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return pairs.map(([key, value]) => `${key}=${value}`).join('&');
}

/**
 * The headers V3 signs, by default: `host`, `content-type` and every `x-acs-*` header, names
 * lowercased and sorted. A verifier passes the `SignedHeaders` the request named instead.
 */
export function acs3SignedHeaderNames(headers: Readonly<Record<string, string>>): string[] {
  const names = new Set<string>();
  for (const name of Object.keys(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'host' || lower === 'content-type' || lower.startsWith('x-acs-')) names.add(lower);
  }
  return [...names].sort();
}

/** What a V3 canonical request is built from. */
export interface Acs3CanonicalInput {
  /** The HTTP method. */
  method: string;
  /** The path. @defaultValue `'/'` */
  pathname?: string;
  /** The query parameters (for RPC actions such as SendSms, all of the action's parameters). */
  query: RpcParams;
  /** The request headers, any case; `x-acs-content-sha256` among them. */
  headers: Readonly<Record<string, string>>;
  /** Which headers are signed (lowercase); defaults to {@link acs3SignedHeaderNames}. */
  signedHeaders?: readonly string[];
}

/**
 * The canonical request of signature V3: method, canonical URI, canonical query, the signed
 * headers as `name:trimmed value` lines, the signed header names joined with `;`, and the
 * payload hash (`x-acs-content-sha256`), separated by newlines.
 */
export function acs3CanonicalRequest(input: Acs3CanonicalInput): string {
  const lower: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers)) lower[name.toLowerCase()] = value;
  const names = input.signedHeaders ?? acs3SignedHeaderNames(input.headers);
  const headerLines = names.map((name) => `${name}:${(lower[name] ?? '').trim()}\n`).join('');
  return [
    input.method.toUpperCase(),
    canonicalUri(input.pathname ?? '/'),
    acs3CanonicalQuery(input.query),
    headerLines,
    names.join(';'),
    lower['x-acs-content-sha256'] ?? sha256Hex(''),
  ].join('\n');
}

/** The V3 string to sign: the algorithm, a newline, and the hex SHA-256 of the canonical request. */
export function acs3StringToSign(canonicalRequest: string): string {
  return `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

/** What {@link signAcs3} signs. */
export interface Acs3SignInput extends Acs3CanonicalInput {
  /** The AccessKey id, named in the `Authorization` header. */
  accessKeyId: string;
  /** The AccessKey secret: the HMAC key, used as it is. */
  accessKeySecret: string;
}

/** A V3 signature and what it was computed over (for showing a mismatch). */
export interface Acs3Signature {
  /** The `Authorization` header value. */
  authorization: string;
  /** The hex HMAC-SHA256. */
  signature: string;
  /** The signed header names. */
  signedHeaders: string[];
  /** The canonical request. */
  canonicalRequest: string;
  /** The string to sign. */
  stringToSign: string;
}

/**
 * Signature V3 (`ACS3-HMAC-SHA256`): hex HMAC-SHA256, keyed with the secret, over
 * {@link acs3StringToSign}; the `Authorization` header is
 * `ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<names>,Signature=<hex>`.
 */
export function signAcs3(input: Acs3SignInput): Acs3Signature {
  const signedHeaders = [...(input.signedHeaders ?? acs3SignedHeaderNames(input.headers))];
  const canonicalRequest = acs3CanonicalRequest({ ...input, signedHeaders });
  const stringToSign = acs3StringToSign(canonicalRequest);
  const signature = createHmac('sha256', input.accessKeySecret).update(stringToSign, 'utf8').digest('hex');
  return {
    authorization: `${ACS3_ALGORITHM} Credential=${input.accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${signature}`,
    signature,
    signedHeaders,
    canonicalRequest,
    stringToSign,
  };
}

/** What {@link signedAcs3Headers} builds a complete V3 request from. */
export interface Acs3RequestInput {
  /** The API action (`SendSms`). */
  action: string;
  /** The API version. @defaultValue `'2017-05-25'` */
  version?: string;
  /** The `Host` the request goes to (`dysmsapi.aliyuncs.com`, or `127.0.0.1:port`). */
  host: string;
  /** The AccessKey id. */
  accessKeyId: string;
  /** The AccessKey secret; never sent. */
  accessKeySecret: string;
  /** The action's parameters, sent in the query. */
  query: RpcParams;
  /** The HTTP method. @defaultValue `'POST'` */
  method?: string;
  /** The nonce; leave it out for a fresh one (every attempt needs its own). */
  nonce?: string;
  /** The signing time; leave it out for now. */
  now?: Date;
}

/**
 * The headers of a signed V3 RPC request with an empty body: `host`, `x-acs-action`,
 * `x-acs-version`, `x-acs-date`, `x-acs-signature-nonce`, `x-acs-content-sha256` and
 * `Authorization`. Call it once per attempt: a retry needs a fresh nonce and date.
 */
export function signedAcs3Headers(input: Acs3RequestInput): Record<string, string> {
  const headers: Record<string, string> = {
    host: input.host,
    'x-acs-action': input.action,
    'x-acs-version': input.version ?? '2017-05-25',
    'x-acs-date': aliyunTimestamp(input.now),
    'x-acs-signature-nonce': input.nonce ?? signatureNonce(),
    'x-acs-content-sha256': sha256Hex(''),
  };
  const { authorization } = signAcs3({
    method: input.method ?? 'POST',
    pathname: '/',
    query: input.query,
    headers,
    accessKeyId: input.accessKeyId,
    accessKeySecret: input.accessKeySecret,
  });
  return { ...headers, authorization };
}
