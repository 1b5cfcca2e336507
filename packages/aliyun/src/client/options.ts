import type { HttpTransportOptions } from '@smskit/core/provider';

/** dysmsapi's domestic endpoint. */
export const ALIYUN_ENDPOINT = 'https://dysmsapi.aliyuncs.com';

/**
 * dysmsapi's international endpoint (Singapore). Domestic templates and this endpoint do not
 * mix: seed 003's FAQ explains a `ServiceUnavailable` from using the wrong one.
 */
export const ALIYUN_INTERNATIONAL_ENDPOINT = 'https://dysmsapi.ap-southeast-1.aliyuncs.com';

/** Which of Aliyun's two request signatures to use. */
export type AliyunSignatureVersion = 'v1' | 'v3';

/** How an {@link AliyunClient} reaches Aliyun. */
export interface AliyunClientOptions {
  /** The AccessKey id. */
  accessKeyId: string;
  /** The AccessKey secret: signs requests, never sent, never logged. */
  accessKeySecret: string;
  /**
   * Where dysmsapi is, with its scheme (`http://127.0.0.1:4001` for the sandbox).
   * @defaultValue {@link ALIYUN_ENDPOINT}
   */
  endpoint?: string;
  /**
   * `v3`: `ACS3-HMAC-SHA256` in an `Authorization` header, the parameters in the query (what
   * the official SDK sends today). `v1`: RPC HMAC-SHA1, the parameters and `Signature` in a
   * form body.
   * @defaultValue `'v3'`
   */
  signatureVersion?: AliyunSignatureVersion;
  /** How long to wait for an answer, in ms. @defaultValue 10_000 */
  timeoutMs?: number;
  /** How long to wait for a connection, in ms. @defaultValue 5_000 */
  connectTimeoutMs?: number;
  /** Connections kept open. @defaultValue 16 */
  connections?: number;
  /**
   * A `node:http` agent to send through instead of the client's own pool: a proxy agent, say
   * (for an `https:` endpoint one that speaks TLS). `connections` does not apply to it;
   * `close()` leaves it open.
   */
  agent?: HttpTransportOptions['agent'];
  /** The clock that timestamps each attempt. @defaultValue `() => new Date()` */
  now?: () => Date;
}
