import { nodeCrypto, type IncomingHeaders } from '@smskit/core/provider';
import { TencentError } from './errors.js';
import { canonicalRequest, signedHost, TC3_ALGORITHM, tc3Date, tc3Signature } from './sign.js';


/** What {@link verifyTencentRequest} checks. */
export interface VerifyTencentRequestOptions {
  /** The HTTP method. @defaultValue `'POST'` */
  method?: string;
  /** The path. @defaultValue `'/'` */
  path?: string;
  /** The query string without `?`. @defaultValue `''` */
  query?: string;
  /** The request headers (lower-case names, as `IncomingMessage.headers`). */
  headers: IncomingHeaders;
  /** The body bytes exactly as received. */
  body: string | Uint8Array;
  /** The SecretKey of a SecretId, or `undefined` for an id that does not exist. */
  secretKeyFor: (secretId: string) => string | undefined;
  /**
   * The service the credential scope must name. The real platform insists on `'sms'`; leave it
   * out to verify against whatever service the caller named (the official SDK pointed at
   * `127.0.0.1:P` signs service `127`).
   */
  service?: string;
  /** How far X-TC-Timestamp may be from now, either way, in seconds. @defaultValue 300 */
  toleranceSeconds?: number;
  /** The clock in ms. @defaultValue `Date.now` */
  now?: () => number;
}

/** A request whose signature checked out. */
export interface VerifiedTencentRequest {
  /** The SecretId that signed it. */
  secretId: string;
  /** The service of its credential scope. */
  service: string;
  /** X-TC-Action. */
  action: string;
  /** X-TC-Version, when sent. */
  version: string | undefined;
  /** X-TC-Region, when sent. */
  region: string | undefined;
  /** X-TC-Timestamp, in seconds. */
  timestamp: number;
  /** X-TC-Token, when sent. */
  token: string | undefined;
}

const AUTHORIZATION = /^TC3-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s,]+)\/tc3_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

function header(headers: IncomingHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : (value as string | undefined);
}

function fail(code: string, message: string): never {
  throw new TencentError({ code, message });
}

/**
 * Verifies a TC3-HMAC-SHA256 request the way the platform does: a well-formed Authorization
 * naming `content-type` and `host` among its signed headers, X-TC-Timestamp within 5 minutes,
 * a known SecretId, the scope's date matching the timestamp's UTC date, and the signature over
 * the exact body bytes (compared in constant time).
 *
 * @throws {@link TencentError} `AuthFailure.InvalidAuthorization`, `MissingParameter`,
 *   `AuthFailure.SignatureExpire`, `AuthFailure.SecretIdNotFound` or
 *   `AuthFailure.SignatureFailure`. Messages never contain the secret or the expected signature.
 */
export function verifyTencentRequest(options: VerifyTencentRequestOptions): VerifiedTencentRequest {
  const authorization = header(options.headers, 'authorization');
  if (!authorization) fail('AuthFailure.InvalidAuthorization', 'The Authorization header is missing.');
  const match = AUTHORIZATION.exec(authorization.trim());
  if (!match) fail('AuthFailure.InvalidAuthorization', `The Authorization header is not "${TC3_ALGORITHM} Credential=<id>/<date>/<service>/tc3_request, SignedHeaders=<names>, Signature=<64 hex>".`);
  const [, secretId = '', date = '', service = '', signedList = '', signature = ''] = match;
  const names = signedList.split(';');
  if (!names.includes('content-type') || !names.includes('host')) fail('AuthFailure.InvalidAuthorization', 'SignedHeaders must include content-type and host.');
  if (options.service !== undefined && service !== options.service) fail('AuthFailure.SignatureFailure', `The credential scope names service "${service}"; this endpoint is "${options.service}".`);
  const action = header(options.headers, 'x-tc-action');
  if (!action) fail('MissingParameter', 'The X-TC-Action header is missing.');
  const timestampText = header(options.headers, 'x-tc-timestamp') ?? '';
  if (!/^\d{1,11}$/.test(timestampText)) fail('MissingParameter', 'X-TC-Timestamp is missing or not whole seconds.');
  const timestamp = Number(timestampText);
  const nowSeconds = Math.floor((options.now ?? Date.now)() / 1000);
  const tolerance = options.toleranceSeconds ?? 300;
  if (Math.abs(nowSeconds - timestamp) > tolerance) {
    fail('AuthFailure.SignatureExpire', `X-TC-Timestamp ${timestamp} is ${nowSeconds - timestamp} s from the server time ${nowSeconds}; at most ${tolerance} s either way.`);
  }
  const secretKey = options.secretKeyFor(secretId);
  if (secretKey === undefined) fail('AuthFailure.SecretIdNotFound', 'The SecretId in the Authorization header is not known.');
  if (date !== tc3Date(timestamp)) fail('AuthFailure.SignatureFailure', `The credential date ${date} is not the UTC date of X-TC-Timestamp (${tc3Date(timestamp)}).`);
  const signed: [string, string][] = [];
  for (const name of names) {
    const value = header(options.headers, name);
    if (value === undefined) fail('AuthFailure.SignatureFailure', `The signed header "${name}" was not sent.`);
    signed.push([name, name === 'host' ? signedHost(value) : value]);
  }
  const canonical = canonicalRequest({ method: (options.method ?? 'POST').toUpperCase(), path: options.path ?? '/', query: options.query ?? '', headers: signed, body: options.body });
  const expected = tc3Signature({ secretKey, timestamp, service, canonicalRequest: canonical }).signature;
  if (!nodeCrypto().timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
    fail('AuthFailure.SignatureFailure', 'The signature does not match: check the SecretKey, that the exact body bytes were signed, the Content-Type, and the host without a port.');
  }
  return {
    secretId,
    service,
    action,
    version: header(options.headers, 'x-tc-version'),
    region: header(options.headers, 'x-tc-region'),
    timestamp,
    token: header(options.headers, 'x-tc-token'),
  };
}
