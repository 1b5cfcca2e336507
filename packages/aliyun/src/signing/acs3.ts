import { canonicalQuery, ENCODED_ONCE } from './canonical.js';
import { keyedHmac, sha256HexOf } from './digest.js';
import { percentEncode } from './percent-encode.js';
import { aliyunTimestamp, signatureNonce, type RpcParams } from './rpc.js';

/** The one V3 algorithm smskit speaks (the SM3 and RSA variants are not offered for SMS keys). */
export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

/** Lowercase hex SHA-256 of a payload: `x-acs-content-sha256`, and the canonical request's hash. */
export function sha256Hex(payload: string | Uint8Array): string {
  return sha256HexOf(payload);
}

/** `x-acs-content-sha256` of an empty body (every RPC action's, its parameters in the query). */
export const EMPTY_BODY_SHA256: string = sha256HexOf('');

/** The canonical URI: each path segment percent-encoded, the slashes kept. */
function canonicalUri(pathname: string): string {
  if (pathname === '/' || pathname === '') return '/';
  return pathname.split('/').map(percentEncode).join('/');
}

/** The canonical query string of V3: encoded pairs sorted by encoded key, an empty value kept as `key=`. */
export function acs3CanonicalQuery(query: RpcParams): string {
  return canonicalQuery(query, ENCODED_ONCE);
}

/**
 * The headers V3 signs, by default: `host`, `content-type` and every `x-acs-*` header, names
 * lowercased and sorted. A verifier passes the `SignedHeaders` the request named instead.
 */
export function acs3SignedHeaderNames(headers: Readonly<Record<string, string>>): string[] {
  const names: string[] = [];
  for (const name of Object.keys(headers)) {
    const lower = name.toLowerCase();
    if (isSignedByDefault(lower) && !names.includes(lower)) names.push(lower);
  }
  return names.sort();
}

function isSignedByDefault(lowerName: string): boolean {
  return lowerName === 'host' || lowerName === 'content-type' || lowerName.startsWith('x-acs-');
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
  return canonicalize(input).canonicalRequest;
}

/** A canonical request and the parts of it a signature reports. */
interface Canonical {
  canonicalRequest: string;
  canonicalQuery: string;
  signedHeaders: string[];
  signedHeaderList: string;
}

function canonicalize(input: Acs3CanonicalInput): Canonical {
  const { names, values, payloadHash } = input.signedHeaders === undefined ? defaultSignedHeaders(input.headers) : listedHeaders(input.headers, input.signedHeaders);
  let headerLines = '';
  let signedHeaderList = '';
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    headerLines += `${name}:${(values[i] ?? '').trim()}\n`;
    signedHeaderList += i === 0 ? name : `;${name}`;
  }
  const canonicalQuery = acs3CanonicalQuery(input.query);
  const canonicalRequest = `${input.method.toUpperCase()}\n${canonicalUri(input.pathname ?? '/')}\n${canonicalQuery}\n${headerLines}\n${signedHeaderList}\n${payloadHash ?? EMPTY_BODY_SHA256}`;
  return { canonicalRequest, canonicalQuery, signedHeaders: names, signedHeaderList };
}

/** The signed headers' names (lowercase) in signing order, each one's value, and the payload hash. */
interface SignedHeaders {
  names: string[];
  /** `undefined` for a listed header the request does not have. */
  values: (string | undefined)[];
  /** `x-acs-content-sha256`, when the request has it. */
  payloadHash: string | undefined;
}

/**
 * The headers signed by default ({@link acs3SignedHeaderNames}) with their values, in one pass:
 * each name is inserted in order (there are half a dozen), and of two names that differ only
 * in case the later one's value wins.
 */
function defaultSignedHeaders(headers: Readonly<Record<string, string>>): SignedHeaders {
  const names: string[] = [];
  const values: string[] = [];
  for (const name of Object.keys(headers)) {
    const lower = name.toLowerCase();
    if (!isSignedByDefault(lower)) continue;
    const value = headers[name] as string;
    let at = names.length;
    while (at > 0 && (names[at - 1] as string) > lower) {
      names[at] = names[at - 1] as string;
      values[at] = values[at - 1] as string;
      at--;
    }
    if (at > 0 && names[at - 1] === lower) {
      // Already there: close the gap the shifting opened, and keep the later value.
      names.splice(at, 1);
      values.splice(at, 1);
      values[at - 1] = value;
    } else {
      names[at] = lower;
      values[at] = value;
    }
  }
  const payloadAt = names.indexOf('x-acs-content-sha256');
  return { names, values, payloadHash: payloadAt === -1 ? undefined : values[payloadAt] };
}

/** The headers a request names as signed (a verifier's case), in its order, with their values. */
function listedHeaders(headers: Readonly<Record<string, string>>, listed: readonly string[]): SignedHeaders {
  // Names lowercased, the last of two that differ only in case winning. (A Map, not an
  // object: a header named `constructor` or `__proto__` is just a name.)
  const lower = new Map<string, string>();
  for (const name of Object.keys(headers)) lower.set(name.toLowerCase(), headers[name] as string);
  return { names: [...listed], values: listed.map((name) => lower.get(name)), payloadHash: lower.get('x-acs-content-sha256') };
}

/** The V3 string to sign: the algorithm, a newline, and the hex SHA-256 of the canonical request. */
export function acs3StringToSign(canonicalRequest: string): string {
  return `${ACS3_ALGORITHM}\n${sha256HexOf(canonicalRequest)}`;
}

/** The AccessKey a V3 signature is made with. */
export interface Acs3Credentials {
  /** The AccessKey id, named in the `Authorization` header. */
  accessKeyId: string;
  /** The AccessKey secret: the HMAC key, used as it is. */
  accessKeySecret: string;
}

/** What {@link signAcs3} signs. */
export interface Acs3SignInput extends Acs3CanonicalInput, Acs3Credentials {}

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
  /** The canonical query string (also what an RPC action sends as its query). */
  canonicalQuery: string;
  /** The string to sign. */
  stringToSign: string;
}

/**
 * Signature V3 prepared for one AccessKey: what a client that signs many requests with one
 * key holds (AliyunClient does), rather than calling {@link signAcs3} each time; the HMAC key's
 * pads are computed once, when it is made. It keeps the secret only in that form, in a
 * closure, so logging the signer shows nothing of it; but whoever holds the signer can sign,
 * so keep it as you keep the secret.
 */
export interface Acs3Signer {
  /** The signature of `input`: the same as {@link signAcs3} with this signer's AccessKey. */
  sign(input: Acs3CanonicalInput): Acs3Signature;
}

/** Prepares signature V3 for one AccessKey; see {@link Acs3Signer}. */
export function createAcs3Signer(credentials: Acs3Credentials): Acs3Signer {
  const { accessKeyId } = credentials;
  const hmac = keyedHmac({ algorithm: 'sha256', key: credentials.accessKeySecret, encoding: 'hex' });
  return {
    sign(input) {
      const { canonicalRequest, canonicalQuery, signedHeaders, signedHeaderList } = canonicalize(input);
      const stringToSign = acs3StringToSign(canonicalRequest);
      const signature = hmac(stringToSign);
      return {
        authorization: `${ACS3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${signedHeaderList},Signature=${signature}`,
        signature,
        signedHeaders,
        canonicalRequest,
        canonicalQuery,
        stringToSign,
      };
    },
  };
}

/**
 * Signature V3 (`ACS3-HMAC-SHA256`): hex HMAC-SHA256, keyed with the secret, over
 * {@link acs3StringToSign}; the `Authorization` header is
 * `ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<names>,Signature=<hex>`. To sign many
 * requests with one AccessKey, prepare a signer once with {@link createAcs3Signer}.
 */
export function signAcs3(input: Acs3SignInput): Acs3Signature {
  return createAcs3Signer(input).sign(input);
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
    'x-acs-content-sha256': EMPTY_BODY_SHA256,
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
