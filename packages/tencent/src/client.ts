import { classifyTransportError, HttpTransport, type HttpTransportOptions } from '@smskit/core/provider';
import type { PullSmsReplyStatus, PullSmsSendStatus, SendSmsRequest, SendSmsResponse, TencentErrorBody } from './api.js';
import { TencentError } from './errors.js';
import { SMS_SERVICE, signTencentRequest } from './sign.js';

/** How a {@link TencentSmsClient} reaches Tencent Cloud SMS. */
export interface TencentSmsClientOptions {
  /** The API key's SecretId. */
  secretId: string;
  /** The API key's SecretKey (never sent, never logged). */
  secretKey: string;
  /** A temporary credential's token (X-TC-Token). */
  token?: string;
  /** @defaultValue `'ap-guangzhou'` */
  region?: string;
  /** Where to send; the sandbox's URL in tests. @defaultValue `'https://sms.tencentcloudapi.com'` */
  endpoint?: string;
  /** The service signed in the credential scope. @defaultValue `'sms'` */
  service?: string;
  /**
   * The most one call's exchange may take, in ms: from the moment the request leaves (a wait
   * for a free connection and connection setup included) to the last byte of the answer,
   * however Tencent spreads it out. A call past it throws `smskit.NoAnswer` (class `unknown`)
   * once the request may have been written, `smskit.Unreachable` (class `retry`) before.
   * @defaultValue 10_000
   */
  timeoutMs?: number;
  /** How long a new connection may take to open (DNS, TCP, TLS), in ms. @defaultValue 5_000 */
  connectTimeoutMs?: number;
  /** Kept-alive connections at most. @defaultValue 32 */
  connections?: number;
  /**
   * A `node:http` agent to send through instead of the client's own pool: a proxy agent, say
   * (for an `https:` endpoint one that speaks TLS). `connections` does not apply to it;
   * `close()` leaves it open.
   */
  agent?: HttpTransportOptions['agent'];
  /** The clock in ms, for signing. @defaultValue `Date.now` */
  now?: () => number;
}

/** Per call: a signal that ends it early. */
export interface TencentCallOptions {
  /**
   * Ends the call: aborted before the request leaves, it throws `smskit.Unreachable` (nothing
   * was sent); during the exchange, `smskit.NoAnswer` (class `unknown`).
   */
  signal?: AbortSignal;
}

/**
 * A small client of Tencent Cloud SMS API 3.0: signs each request with TC3-HMAC-SHA256 and
 * sends the exact bytes it signed, through core's {@link HttpTransport} (kept-alive
 * connections, an overall deadline per exchange). Request-level errors (`Response.Error`)
 * throw a {@link TencentError}; per-number results of SendSms are returned for the caller to
 * read, since one request can partly fail. It never retries by itself.
 */
export class TencentSmsClient {
  private readonly transport: HttpTransport;
  private readonly host: string;
  private readonly path: string;

  /** @throws {@link TencentError} without a secretId or secretKey; TypeError for the old `dispatcher` option (replaced by `agent`). */
  constructor(private readonly options: TencentSmsClientOptions) {
    if (!options.secretId || !options.secretKey) {
      throw new TencentError({ code: 'AuthFailure.SecretIdNotFound', message: 'TencentSmsClient needs a secretId and a secretKey.' });
    }
    // Ignoring it would send around the caller's proxy: the option was renamed, not dropped.
    if ((options as { dispatcher?: unknown }).dispatcher !== undefined) {
      throw new TypeError('TencentSmsClient: the dispatcher option (an undici dispatcher) is gone; pass a node:http Agent as agent instead.');
    }
    const url = new URL(options.endpoint ?? 'https://sms.tencentcloudapi.com');
    this.host = url.host;
    this.path = url.pathname;
    // node:http and node:https load on the first call, not at import: a cold start that only
    // signs or parses pushes does not pay for them.
    this.transport = new HttpTransport({
      baseUrl: url.origin,
      timeoutMs: options.timeoutMs ?? 10_000,
      connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
      connections: options.connections ?? 32,
      ...(options.agent === undefined ? {} : { agent: options.agent }),
    });
  }

  /**
   * Calls one action and returns its `Response` (without `Error`).
   *
   * @throws {@link TencentError} with Tencent's code for `Response.Error`; `smskit.Unreachable`
   *   (class `retry`) when the request surely never reached Tencent; `smskit.NoAnswer` (class
   *   `unknown`) when it may have: no answer by the deadline, a lost connection, an abort
   *   during the exchange.
   */
  async call<T extends object>(action: string, params: object, options: TencentCallOptions = {}): Promise<T & { RequestId: string }> {
    if (options.signal?.aborted) {
      throw new TencentError({ code: 'smskit.Unreachable', class: 'retry', message: `${action} was aborted before it was sent; nothing was sent.`, hint: 'Retrying is safe.', cause: options.signal.reason });
    }
    const body = JSON.stringify(params);
    const signed = signTencentRequest({ ...this.options, region: this.options.region ?? 'ap-guangzhou', service: this.options.service ?? SMS_SERVICE, action, body, host: this.host });
    let answer;
    try {
      answer = await this.transport.post({ path: this.path, headers: { ...signed.headers, host: this.host }, body, ...(options.signal === undefined ? {} : { signal: options.signal }) });
    } catch (error) {
      const info = classifyTransportError(error);
      if (!info.mayHaveReached) throw new TencentError({ code: 'smskit.Unreachable', class: 'retry', message: `Tencent Cloud SMS could not be reached (${info.failure}); nothing was sent.`, hint: 'Check the network and the endpoint; retrying is safe.', details: { failure: info.failure }, cause: error });
      throw new TencentError({ code: 'smskit.NoAnswer', class: 'unknown', message: `No answer from Tencent Cloud SMS (${info.failure}); the request may have been acted on.`, hint: 'Do not resend blindly: pull receipts (PullSmsSendStatus) and look for the SessionContext first.', details: { failure: info.failure }, cause: error });
    }
    return parseAnswer<T>(answer);
  }

  /** SendSms: one template to up to 200 numbers; the answer has one {@link SendStatus} per number. */
  sendSms(request: SendSmsRequest, options?: TencentCallOptions): Promise<SendSmsResponse> {
    return this.call<SendSmsResponse>('SendSms', request, options);
  }

  /** PullSmsSendStatus: delivery receipts not pulled before (at most 100 at a time). */
  async pullSmsSendStatus(input: { smsSdkAppId: string; limit?: number }, options?: TencentCallOptions): Promise<PullSmsSendStatus[]> {
    const answer = await this.call<{ PullSmsSendStatusSet?: PullSmsSendStatus[] }>('PullSmsSendStatus', { SmsSdkAppId: input.smsSdkAppId, Limit: input.limit ?? 100 }, options);
    return answer.PullSmsSendStatusSet ?? [];
  }

  /** PullSmsReplyStatus: replies not pulled before (at most 100 at a time). */
  async pullSmsReplyStatus(input: { smsSdkAppId: string; limit?: number }, options?: TencentCallOptions): Promise<PullSmsReplyStatus[]> {
    const answer = await this.call<{ PullSmsReplyStatusSet?: PullSmsReplyStatus[] }>('PullSmsReplyStatus', { SmsSdkAppId: input.smsSdkAppId, Limit: input.limit ?? 100 }, options);
    return answer.PullSmsReplyStatusSet ?? [];
  }

  /** Closes the client's own connections, in use or idle (an agent passed in is left open). */
  close(): Promise<void> {
    return this.transport.close();
  }
}

function parseAnswer<T>(answer: { status: number; text: string }): T & { RequestId: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.text);
  } catch {
    parsed = undefined;
  }
  const response = typeof parsed === 'object' && parsed !== null ? (parsed as { Response?: unknown }).Response : undefined;
  if (typeof response !== 'object' || response === null) {
    throw new TencentError({ code: 'smskit.NoAnswer', class: 'unknown', message: `Tencent Cloud SMS answered HTTP ${answer.status} without a Response object; the request may have been acted on.`, hint: 'Check the endpoint; pull receipts before resending.' });
  }
  const { Error: error, RequestId: requestId } = response as { Error?: TencentErrorBody; RequestId?: unknown };
  const id = typeof requestId === 'string' ? requestId : undefined;
  if (error !== undefined) {
    const code = typeof error.Code === 'string' && error.Code !== '' ? error.Code : 'InternalError';
    throw new TencentError({ code, message: typeof error.Message === 'string' && error.Message !== '' ? error.Message : undefined, requestId: id });
  }
  return response as T & { RequestId: string };
}
