import type { KeyObject } from 'node:crypto';
import { digestText, nodeCrypto } from '@smskit/core/provider';
import { TencentError } from './errors.js';

/** The signature algorithm of Tencent Cloud API 3.0. */
export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';
/** The SMS API version this package speaks. */
export const SMS_API_VERSION = '2021-01-11';
/** The service name the real platform insists on in the credential scope. */
export const SMS_SERVICE = 'sms';
/** The SMS API's host. */
export const SMS_HOST = 'sms.tencentcloudapi.com';
/** The content type smskit sends and signs. */
export const SMS_CONTENT_TYPE = 'application/json; charset=utf-8';

/** What {@link signTencentRequest} needs. */
export interface SignTencentRequestOptions {
  /** The SecretId (sent in the Authorization header). */
  secretId: string;
  /** The SecretKey (never sent). */
  secretKey: string;
  /** A temporary credential's token, sent as `X-TC-Token` (not signed, as the platform defines). */
  token?: string;
  /** The API action, e.g. `SendSms`. */
  action: string;
  /** The exact body bytes that will be sent; a string is sent as its UTF-8 bytes. */
  body: string | Uint8Array;
  /** The region, e.g. `ap-guangzhou`; left out of the headers when absent. */
  region?: string;
  /** @defaultValue {@link SMS_API_VERSION} */
  version?: string;
  /** The service in the credential scope. @defaultValue `'sms'` */
  service?: string;
  /** The host, signed without a port (as the official SDK does). @defaultValue {@link SMS_HOST} */
  host?: string;
  /** @defaultValue {@link SMS_CONTENT_TYPE} */
  contentType?: string;
  /** The request time in seconds; `now()` by default. */
  timestamp?: number;
  /** The clock in ms. @defaultValue `Date.now` */
  now?: () => number;
}

/** The headers of a signed request. */
export interface TencentSignedHeaders {
  /** `TC3-HMAC-SHA256 Credential=…, SignedHeaders=content-type;host, Signature=…`. */
  Authorization: string;
  /** The signed content type. */
  'Content-Type': string;
  /** The API action. */
  'X-TC-Action': string;
  /** The API version. */
  'X-TC-Version': string;
  /** The request time in seconds. */
  'X-TC-Timestamp': string;
  /** The region, when given. */
  'X-TC-Region'?: string;
  /** The temporary credential's token, when given. */
  'X-TC-Token'?: string;
}

/** A signed request: the headers to send with the body, and what was signed. */
export interface TencentSignedRequest {
  /** The headers to send (with the body exactly as signed). */
  headers: TencentSignedHeaders;
  /** The canonical request that was hashed, for comparing with another implementation. */
  canonicalRequest: string;
  /** The string to sign. */
  stringToSign: string;
  /** The hex signature. */
  signature: string;
}

// The derived key depends only on (secretKey, date, service): one service signs all day with
// one key, so three of the four HMACs of the scheme are paid once a day, not per request.
let cachedKeyId: string | undefined;
let cachedKey: Buffer | undefined;
let cachedKeyObject: KeyObject | undefined;

/**
 * The TC3 signing key: HMAC-SHA256 chained over the UTC date, the service and `tc3_request`,
 * starting from `"TC3" + secretKey`.
 */
export function tc3SigningKey(options: { secretKey: string; date: string; service: string }): Buffer {
  const id = `${options.date}\n${options.service}\n${options.secretKey}`;
  if (id === cachedKeyId && cachedKey) return cachedKey;
  const { createHmac, createSecretKey } = nodeCrypto();
  const kDate = createHmac('sha256', `TC3${options.secretKey}`).update(options.date, 'utf8').digest();
  const kService = createHmac('sha256', kDate).update(options.service, 'utf8').digest();
  const key = createHmac('sha256', kService).update('tc3_request', 'utf8').digest();
  cachedKeyId = id;
  cachedKey = key;
  cachedKeyObject = createSecretKey(key);
  return key;
}

function signingKeyObject(options: { secretKey: string; date: string; service: string }): KeyObject {
  tc3SigningKey(options);
  return cachedKeyObject as KeyObject;
}

// The day's bounds are kept so that most calls skip toISOString (it showed in profiles).
let dayStart = 0;
let dayEnd = 0;
let dayText = '';

/** `YYYY-MM-DD` of a timestamp in seconds, in UTC (the date of the credential scope). */
export function tc3Date(timestamp: number): string {
  if (timestamp >= dayStart && timestamp < dayEnd) return dayText;
  const text = new Date(timestamp * 1000).toISOString().slice(0, 10);
  dayStart = Math.floor(timestamp / 86_400) * 86_400;
  dayEnd = dayStart + 86_400;
  dayText = text;
  return text;
}

/** The host as it is signed: lower case, without a port. */
export function signedHost(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  const colon = lower.indexOf(':');
  return colon === -1 ? lower : lower.slice(0, colon);
}

/** What a canonical request is built from. */
export interface CanonicalRequestParts {
  /** HTTP method, upper case. */
  method: string;
  /** The path; `/` for the SMS API. */
  path: string;
  /** The query string without `?`; empty for POST. */
  query: string;
  /** Signed header names (lower case, sorted) with their values (lower-cased and trimmed here). */
  headers: readonly (readonly [string, string])[];
  /** The body bytes. */
  body: string | Uint8Array;
}

/** The canonical request: method, path, query, headers, signed header names, and the body's SHA-256. */
export function canonicalRequest(parts: CanonicalRequestParts): string {
  // Tencent's rule: header names and values lower case, trimmed.
  let canonicalHeaders = '';
  let signedHeaders = '';
  for (const [name, value] of parts.headers) {
    canonicalHeaders += `${name}:${value.trim().toLowerCase()}\n`;
    signedHeaders += signedHeaders === '' ? name : `;${name}`;
  }
  const payloadHash = digestText('sha256', parts.body, 'hex');
  return `${parts.method}\n${parts.path}\n${parts.query}\n${canonicalHeaders}\n${signedHeaders}\n${payloadHash}`;
}

/** The signature of a canonical request under a secret, with the string that was signed. */
export function tc3Signature(options: { secretKey: string; timestamp: number; service: string; canonicalRequest: string }): { stringToSign: string; signature: string } {
  const date = tc3Date(options.timestamp);
  const hashed = digestText('sha256', options.canonicalRequest, 'hex');
  const stringToSign = `${TC3_ALGORITHM}\n${options.timestamp}\n${date}/${options.service}/tc3_request\n${hashed}`;
  const key = signingKeyObject({ secretKey: options.secretKey, date, service: options.service });
  return { stringToSign, signature: nodeCrypto().createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex') };
}

function required(value: string, name: string): void {
  if (!value) throw new TencentError({ code: 'MissingParameter', message: `${name} is empty.`, hint: `Pass the ${name} shown in the console under 访问管理 → API密钥管理.` });
}

/**
 * Signs one Tencent Cloud API 3.0 request with TC3-HMAC-SHA256: `content-type` and `host`
 * signed, the body hashed as the exact bytes given. Pure apart from the clock; send the body
 * byte for byte as passed.
 *
 * @throws {@link TencentError} `MissingParameter` for an empty SecretId, SecretKey or action,
 *   or a timestamp that is not whole seconds.
 */
export function signTencentRequest(options: SignTencentRequestOptions): TencentSignedRequest {
  required(options.secretId, 'secretId');
  required(options.secretKey, 'secretKey');
  required(options.action, 'action');
  const timestamp = options.timestamp ?? Math.floor((options.now ?? Date.now)() / 1000);
  if (!Number.isSafeInteger(timestamp) || timestamp <= 0 || timestamp >= 1e11) {
    throw new TencentError({ code: 'MissingParameter', message: `X-TC-Timestamp "${timestamp}" is not a time in whole seconds.`, hint: 'Use Math.floor(Date.now() / 1000), seconds, not milliseconds.' });
  }
  const service = options.service ?? SMS_SERVICE;
  const contentType = options.contentType ?? SMS_CONTENT_TYPE;
  const canonical = canonicalRequest({
    method: 'POST',
    path: '/',
    query: '',
    headers: [
      ['content-type', contentType],
      ['host', signedHost(options.host ?? SMS_HOST)],
    ],
    body: options.body,
  });
  const { stringToSign, signature } = tc3Signature({ secretKey: options.secretKey, timestamp, service, canonicalRequest: canonical });
  const date = tc3Date(timestamp);
  const headers: TencentSignedHeaders = {
    Authorization: `${TC3_ALGORITHM} Credential=${options.secretId}/${date}/${service}/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`,
    'Content-Type': contentType,
    'X-TC-Action': options.action,
    'X-TC-Version': options.version ?? SMS_API_VERSION,
    'X-TC-Timestamp': String(timestamp),
  };
  if (options.region) headers['X-TC-Region'] = options.region;
  if (options.token) headers['X-TC-Token'] = options.token;
  return { headers, canonicalRequest: canonical, stringToSign, signature };
}
