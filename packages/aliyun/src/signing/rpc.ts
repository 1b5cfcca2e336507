import { createHmac, randomUUID } from 'node:crypto';
import { percentEncode } from './percent-encode.js';

/**
 * Parameters of an RPC call as they are signed: every query and form parameter except
 * `Signature`. A value left `undefined` is not sent and not signed.
 */
export type RpcParams = Readonly<Record<string, string | undefined>>;

/**
 * The canonicalized query of RPC signature V1: every defined parameter as
 * `percentEncode(key)=percentEncode(value)`, sorted by the encoded key (byte order), joined
 * with `&`.
 */
export function rpcCanonicalQuery(params: RpcParams): string {
  const pairs: [string, string][] = [];
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (value === undefined || key === 'Signature') continue;
    pairs.push([percentEncode(key), percentEncode(value)]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return pairs.map(([key, value]) => `${key}=${value}`).join('&');
}

/** What an RPC V1 string to sign is computed from. */
export interface RpcStringToSignInput {
  /** The HTTP method. @defaultValue `'POST'` */
  method?: string;
  /** Every parameter but `Signature`. */
  params: RpcParams;
}

/**
 * The string to sign of RPC signature V1: `METHOD&%2F&` followed by the canonicalized query,
 * itself percent-encoded once more. This is the string Aliyun returns with
 * `SignatureDoesNotMatch`.
 */
export function rpcStringToSign(input: RpcStringToSignInput): string {
  return `${input.method ?? 'POST'}&%2F&${percentEncode(rpcCanonicalQuery(input.params))}`;
}

/** What an RPC V1 signature is computed from. */
export interface RpcSignInput extends RpcStringToSignInput {
  /** The AccessKey secret; the HMAC key is this followed by `&`. */
  accessKeySecret: string;
}

/** RPC signature V1: base64 of HMAC-SHA1 over {@link rpcStringToSign}, keyed with `secret + "&"`. */
export function signRpc(input: RpcSignInput): string {
  return createHmac('sha1', `${input.accessKeySecret}&`).update(rpcStringToSign(input), 'utf8').digest('base64');
}

/**
 * A timestamp as both signatures want it: ISO 8601 in UTC, to the second, no milliseconds
 * (`2024-01-02T03:04:05Z`).
 */
export function aliyunTimestamp(date: Date = new Date()): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** A fresh signature nonce: a random UUID, never reused (Aliyun answers `SignatureNonceUsed`). */
export function signatureNonce(): string {
  return randomUUID();
}

/** What {@link signedRpcParams} builds a complete V1 request from. */
export interface RpcRequestInput {
  /** The API action (`SendSms`). */
  action: string;
  /** The API version. @defaultValue `'2017-05-25'` */
  version?: string;
  /** The AccessKey id. */
  accessKeyId: string;
  /** The AccessKey secret; never sent. */
  accessKeySecret: string;
  /** The action's own parameters. */
  params: RpcParams;
  /** The HTTP method. @defaultValue `'POST'` */
  method?: string;
  /** The nonce; leave it out for a fresh one (every attempt needs its own). */
  nonce?: string;
  /** The signing time; leave it out for now. */
  now?: Date;
}

/**
 * Every parameter of a signed V1 request, `Signature` included: the action's own parameters
 * plus `Action`, `Version`, `Format`, `AccessKeyId`, `SignatureMethod`, `SignatureVersion`,
 * `SignatureNonce` and `Timestamp`. Call it once per attempt: a retry needs a fresh nonce
 * and timestamp.
 */
export function signedRpcParams(input: RpcRequestInput): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(input.params)) if (value !== undefined) params[key] = value;
  Object.assign(params, {
    Action: input.action,
    Version: input.version ?? '2017-05-25',
    Format: 'JSON',
    AccessKeyId: input.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: input.nonce ?? signatureNonce(),
    Timestamp: aliyunTimestamp(input.now),
  });
  params.Signature = signRpc({ method: input.method, params, accessKeySecret: input.accessKeySecret });
  return params;
}

/** A parameter record as a query string (or form body), strictly percent-encoded. */
export function rpcQueryString(params: RpcParams): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) if (value !== undefined) parts.push(`${percentEncode(key)}=${percentEncode(value)}`);
  return parts.join('&');
}
