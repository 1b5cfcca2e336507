import { classifyTransportError } from '@smskit/core';
import type { Agent, Dispatcher } from 'undici';
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
  /** How long to wait for an answer, in ms. @defaultValue 10_000 */
  timeoutMs?: number;
  /** How long to wait for a connection, in ms. @defaultValue 5_000 */
  connectTimeoutMs?: number;
  /** Kept-alive connections at most. @defaultValue 32 */
  connections?: number;
  /** An undici dispatcher to use instead of the client's own (left open by `close`). */
  dispatcher?: Dispatcher;
  /** The clock in ms, for signing. @defaultValue `Date.now` */
  now?: () => number;
}

// A larger answer is not the SMS API.
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/**
 * A small client of Tencent Cloud SMS API 3.0: signs each request with TC3-HMAC-SHA256 and
 * sends the exact bytes it signed. Request-level errors (`Response.Error`) throw a
 * {@link TencentError}; per-number results of SendSms are returned for the caller to read,
 * since one request can partly fail.
 */
export class TencentSmsClient {
  private readonly origin: string;
  private readonly host: string;
  private readonly path: string;
  private dispatcher: Promise<Dispatcher> | undefined;
  private owned: Agent | undefined;
  private readonly timeoutMs: number;

  constructor(private readonly options: TencentSmsClientOptions) {
    if (!options.secretId || !options.secretKey) {
      throw new TencentError({ code: 'AuthFailure.SecretIdNotFound', message: 'TencentSmsClient needs a secretId and a secretKey.' });
    }
    const url = new URL(options.endpoint ?? 'https://sms.tencentcloudapi.com');
    this.origin = url.origin;
    this.host = url.host;
    this.path = url.pathname;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  // undici loads on the first call, not at import: a cold start that only signs or parses
  // pushes does not pay for it.
  private connection(): Promise<Dispatcher> {
    this.dispatcher ??= this.options.dispatcher
      ? Promise.resolve(this.options.dispatcher)
      : import('undici').then(({ Agent }) => {
          const options = this.options;
          this.owned = new Agent({ connections: options.connections ?? 32, connect: { timeout: options.connectTimeoutMs ?? 5_000 }, headersTimeout: this.timeoutMs, bodyTimeout: this.timeoutMs, maxResponseSize: MAX_ANSWER_BYTES });
          return this.owned;
        });
    return this.dispatcher;
  }

  /**
   * Calls one action and returns its `Response` (without `Error`).
   *
   * @throws {@link TencentError} with Tencent's code for `Response.Error`; `smskit.Unreachable`
   *   (class `retry`) when the request surely never reached Tencent; `smskit.NoAnswer` (class
   *   `unknown`) when it may have.
   */
  async call<T extends object>(action: string, params: object): Promise<T & { RequestId: string }> {
    const body = JSON.stringify(params);
    const signed = signTencentRequest({ ...this.options, region: this.options.region ?? 'ap-guangzhou', service: this.options.service ?? SMS_SERVICE, action, body, host: this.host });
    let status: number;
    let text: string;
    try {
      const dispatcher = await this.connection();
      const response = await dispatcher.request({ origin: this.origin, path: this.path, method: 'POST', headers: { ...signed.headers, host: this.host }, body, headersTimeout: this.timeoutMs, bodyTimeout: this.timeoutMs });
      status = response.statusCode;
      text = await response.body.text();
    } catch (error) {
      const info = classifyTransportError(error);
      if (!info.mayHaveReached) throw new TencentError({ code: 'smskit.Unreachable', class: 'retry', message: `Tencent Cloud SMS could not be reached (${info.failure}); nothing was sent.`, hint: 'Check the network and the endpoint; retrying is safe.', cause: error });
      throw new TencentError({ code: 'smskit.NoAnswer', class: 'unknown', message: `No answer from Tencent Cloud SMS (${info.failure}); the request may have been acted on.`, hint: 'Do not resend blindly: pull receipts (PullSmsSendStatus) and look for the SessionContext first.', cause: error });
    }
    return parseAnswer<T>({ status, text });
  }

  /** SendSms: one template to up to 200 numbers; the answer has one {@link SendStatus} per number. */
  sendSms(request: SendSmsRequest): Promise<SendSmsResponse> {
    return this.call<SendSmsResponse>('SendSms', request);
  }

  /** PullSmsSendStatus: delivery receipts not pulled before (at most 100 at a time). */
  async pullSmsSendStatus(input: { smsSdkAppId: string; limit?: number }): Promise<PullSmsSendStatus[]> {
    const answer = await this.call<{ PullSmsSendStatusSet?: PullSmsSendStatus[] }>('PullSmsSendStatus', { SmsSdkAppId: input.smsSdkAppId, Limit: input.limit ?? 100 });
    return answer.PullSmsSendStatusSet ?? [];
  }

  /** PullSmsReplyStatus: replies not pulled before (at most 100 at a time). */
  async pullSmsReplyStatus(input: { smsSdkAppId: string; limit?: number }): Promise<PullSmsReplyStatus[]> {
    const answer = await this.call<{ PullSmsReplyStatusSet?: PullSmsReplyStatus[] }>('PullSmsReplyStatus', { SmsSdkAppId: input.smsSdkAppId, Limit: input.limit ?? 100 });
    return answer.PullSmsReplyStatusSet ?? [];
  }

  /** Closes the client's own connections (a dispatcher passed in is left open). */
  async close(): Promise<void> {
    await this.owned?.close();
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
