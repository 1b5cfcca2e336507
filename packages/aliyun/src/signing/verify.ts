import { ACS3_ALGORITHM, signAcs3 } from './acs3.js';
import { sameText } from './digest.js';
import { createRpcSigner, rpcStringToSign, type RpcParams } from './rpc.js';

/** The outcome of checking a signature: the string to sign either way, for showing a mismatch. */
export interface SignatureCheck {
  /** True when the signature matches. */
  ok: boolean;
  /** The string to sign as the verifier computed it (what Aliyun returns with `SignatureDoesNotMatch`). */
  stringToSign: string;
}

/** What {@link verifyRpc} checks. */
export interface RpcVerifyInput {
  /** The HTTP method the request came with. */
  method: string;
  /** Every received parameter (query and form body together), `Signature` included. */
  params: RpcParams;
  /** The secret of the request's `AccessKeyId`. */
  accessKeySecret: string;
}

/** Checks an RPC V1 signature, in constant time. */
export function verifyRpc(input: RpcVerifyInput): SignatureCheck {
  const stringToSign = rpcStringToSign({ method: input.method, params: input.params });
  const expected = createRpcSigner(input.accessKeySecret).signStringToSign(stringToSign);
  return { ok: sameText(expected, input.params.Signature ?? ''), stringToSign };
}

/** The parts of an `ACS3-HMAC-SHA256` `Authorization` header. */
export interface Acs3Authorization {
  /** The AccessKey id (`Credential=`). */
  accessKeyId: string;
  /** The signed header names, lowercase. */
  signedHeaders: string[];
  /** The hex signature. */
  signature: string;
}

/**
 * Reads an `Authorization` header of signature V3; `undefined` when it is not one
 * (another algorithm, or a part missing).
 */
export function parseAcs3Authorization(header: string | undefined): Acs3Authorization | undefined {
  if (header === undefined || !header.startsWith(`${ACS3_ALGORITHM} `)) return undefined;
  const parts: Record<string, string> = {};
  for (const part of header.slice(ACS3_ALGORITHM.length + 1).split(',')) {
    const at = part.indexOf('=');
    if (at > 0) parts[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  const { Credential: accessKeyId, SignedHeaders: names, Signature: signature } = parts;
  if (!accessKeyId || names === undefined || !signature) return undefined;
  return { accessKeyId, signedHeaders: names.split(';').filter(Boolean), signature };
}

/** What {@link verifyAcs3} checks. */
export interface Acs3VerifyInput {
  /** The HTTP method. */
  method: string;
  /** The path. */
  pathname: string;
  /** The decoded query parameters. */
  query: RpcParams;
  /** The received headers, names lowercase. */
  headers: Readonly<Record<string, string>>;
  /** The parsed `Authorization` header. */
  authorization: Acs3Authorization;
  /** The secret of its `Credential`. */
  accessKeySecret: string;
}

/** Checks a V3 signature over the headers the request named as signed, in constant time. */
export function verifyAcs3(input: Acs3VerifyInput): SignatureCheck {
  const computed = signAcs3({
    method: input.method,
    pathname: input.pathname,
    query: input.query,
    headers: input.headers,
    signedHeaders: input.authorization.signedHeaders,
    accessKeyId: input.authorization.accessKeyId,
    accessKeySecret: input.accessKeySecret,
  });
  return { ok: sameText(computed.signature, input.authorization.signature), stringToSign: computed.stringToSign };
}
