import { randomUUID } from 'node:crypto';
import { canonicalQuery, ENCODED_TWICE, RPC_ENCODED_ONCE } from './canonical.js';
import { keyedHmac } from './digest.js';
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
  return canonicalQuery(params, RPC_ENCODED_ONCE);
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
  // Built directly rather than as percentEncode(rpcCanonicalQuery(...)): the canonicalized
  // query holds only unreserved characters, `%`, `=` and `&`, so encoding it again turns `=`
  // into `%3D`, `&` into `%26` and each `%` of an encoded key or value into `%25`.
  return `${input.method ?? 'POST'}&%2F&${canonicalQuery(input.params, ENCODED_TWICE)}`;
}

/** What an RPC V1 signature is computed from. */
export interface RpcSignInput extends RpcStringToSignInput {
  /** The AccessKey secret; the HMAC key is this followed by `&`. */
  accessKeySecret: string;
}

/**
 * RPC signature V1 prepared for one AccessKey secret: what a client that signs many requests
 * with one key holds (AliyunClient does), rather than calling {@link signRpc} each time; the
 * HMAC key's pads are computed once, when it is made. It keeps the secret only in that form,
 * in a closure, so logging the signer shows nothing of it; but whoever holds the signer can
 * sign, so keep it as you keep the secret.
 */
export interface RpcSigner {
  /** The signature of `input`: the same as {@link signRpc} with this signer's secret. */
  sign(input: RpcStringToSignInput): string;
  /**
   * The signature of a string to sign already built with {@link rpcStringToSign} (a client
   * that keeps the string to sign, to explain a `SignatureDoesNotMatch`, builds it once).
   */
  signStringToSign(stringToSign: string): string;
}

/** Prepares RPC signature V1 for one AccessKey secret; see {@link RpcSigner}. */
export function createRpcSigner(accessKeySecret: string): RpcSigner {
  const hmac = keyedHmac({ algorithm: 'sha1', key: `${accessKeySecret}&`, encoding: 'base64' });
  return {
    sign: (input) => hmac(rpcStringToSign(input)),
    signStringToSign: hmac,
  };
}

/**
 * RPC signature V1: base64 of HMAC-SHA1 over {@link rpcStringToSign}, keyed with `secret + "&"`.
 * To sign many requests with one secret, prepare a signer once with {@link createRpcSigner}.
 */
export function signRpc(input: RpcSignInput): string {
  return createRpcSigner(input.accessKeySecret).sign(input);
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

/** What {@link rpcRequestParams} builds the parameters of a V1 request from. */
export interface RpcRequestParamsInput {
  /** The API action (`SendSms`). */
  action: string;
  /** The API version. @defaultValue `'2017-05-25'` */
  version?: string;
  /** The AccessKey id. */
  accessKeyId: string;
  /** The action's own parameters. */
  params: RpcParams;
  /** The nonce; leave it out for a fresh one (every attempt needs its own). */
  nonce?: string;
  /** The signing time; leave it out for now. */
  now?: Date;
}

/**
 * Every parameter of a V1 request but `Signature`: the action's own defined parameters plus
 * `Action`, `Version`, `Format`, `AccessKeyId`, `SignatureMethod`, `SignatureVersion`,
 * `SignatureNonce` and `Timestamp`. {@link signedRpcParams} adds the signature; a client with
 * an {@link RpcSigner} adds it with {@link RpcSigner.signStringToSign}.
 */
export function rpcRequestParams(input: RpcRequestParamsInput): Record<string, string> {
  const params: Record<string, string> = {};
  const own = input.params;
  for (const key of Object.keys(own)) {
    const value = own[key];
    if (value !== undefined) params[key] = value;
  }
  params.Action = input.action;
  params.Version = input.version ?? '2017-05-25';
  params.Format = 'JSON';
  params.AccessKeyId = input.accessKeyId;
  params.SignatureMethod = 'HMAC-SHA1';
  params.SignatureVersion = '1.0';
  params.SignatureNonce = input.nonce ?? signatureNonce();
  params.Timestamp = aliyunTimestamp(input.now);
  return params;
}

/** What {@link signedRpcParams} builds a complete V1 request from. */
export interface RpcRequestInput extends RpcRequestParamsInput {
  /** The AccessKey secret; never sent. */
  accessKeySecret: string;
  /** The HTTP method. @defaultValue `'POST'` */
  method?: string;
}

/**
 * Every parameter of a signed V1 request, `Signature` included: {@link rpcRequestParams} and
 * their signature. Call it once per attempt: a retry needs a fresh nonce and timestamp.
 */
export function signedRpcParams(input: RpcRequestInput): Record<string, string> {
  const params = rpcRequestParams(input);
  params.Signature = signRpc({ method: input.method, params, accessKeySecret: input.accessKeySecret });
  return params;
}

/** A parameter record as a query string (or form body), strictly percent-encoded. */
export function rpcQueryString(params: RpcParams): string {
  let query = '';
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (value !== undefined) query += `${query === '' ? '' : '&'}${percentEncode(key)}=${percentEncode(value)}`;
  }
  return query;
}
