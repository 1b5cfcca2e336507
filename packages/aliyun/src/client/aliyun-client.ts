import { classifyTransportError, HttpTransport } from '@smskit/core/provider';
import { AliyunError } from '../errors.js';
import {
  aliyunTimestamp,
  createAcs3Signer,
  createRpcSigner,
  EMPTY_BODY_SHA256,
  rpcQueryString,
  rpcRequestParams,
  rpcStringToSign,
  signatureNonce,
  type Acs3Signer,
  type RpcParams,
  type RpcSigner,
} from '../signing/index.js';
import { readAliyunAnswer, type AliyunAnswerBase, type SentRequest } from './answer.js';
import { ALIYUN_ENDPOINT, type AliyunClientOptions } from './options.js';
import {
  querySendDetailsParams,
  sendBatchSmsParams,
  sendSmsParams,
  type QuerySendDetailsInput,
  type SendBatchSmsInput,
  type SendSmsInput,
} from './requests.js';

/** SendSms's and SendBatchSms's answer. */
export interface SendSmsAnswer extends AliyunAnswerBase {
  /** The send's receipt id: QuerySendDetails finds it by this. */
  BizId: string;
}

/** One record of QuerySendDetails. */
export interface SmsSendDetail {
  /** The number. */
  PhoneNum: string;
  /** 1 waiting for a receipt, 2 failed, 3 delivered. */
  SendStatus: number;
  /** The carrier's code (`DELIVERED`, or why it failed). */
  ErrCode?: string;
  /** The template. */
  TemplateCode?: string;
  /** The text sent. */
  Content?: string;
  /** When it was sent (`yyyy-MM-dd HH:mm:ss`, China Standard Time). */
  SendDate?: string;
  /** When the receipt came. */
  ReceiveDate?: string;
  /** The OutId the send carried. */
  OutId?: string;
}

/** QuerySendDetails's answer. */
export interface QuerySendDetailsAnswer extends AliyunAnswerBase {
  /** How many records match (as a string, as Aliyun writes it). */
  TotalCount?: string | number;
  /** The page's records. */
  SmsSendDetailDTOs?: { SmsSendDetailDTO?: SmsSendDetail[] };
}

/**
 * The dysmsapi 2017-05-25 client: SendSms, SendBatchSms and QuerySendDetails, each attempt
 * signed afresh (nonce and time). It never retries by itself: SendSms is not idempotent, so a
 * send that got no answer fails with class `unknown` and is reconciled by its OutId.
 */
export class AliyunClient {
  private readonly transport: HttpTransport;
  private readonly host: string;
  private readonly now: () => Date;
  // Prepared once (the HMAC key's pads) for the configured signature, used for every attempt.
  private readonly signer: { version: 'v1'; rpc: RpcSigner } | { version: 'v3'; acs3: Acs3Signer };

  /** @throws TypeError for the old `dispatcher` option (replaced by `agent`). */
  constructor(private readonly options: AliyunClientOptions) {
    // Ignoring it would send around the caller's proxy: the option was renamed, not dropped.
    if ((options as { dispatcher?: unknown }).dispatcher !== undefined) {
      throw new TypeError('AliyunClient: the dispatcher option (an undici dispatcher) is gone; pass a node:http Agent as agent instead.');
    }
    const endpoint = new URL(options.endpoint ?? ALIYUN_ENDPOINT);
    this.host = endpoint.host;
    this.signer =
      options.signatureVersion === 'v1' ? { version: 'v1', rpc: createRpcSigner(options.accessKeySecret) } : { version: 'v3', acs3: createAcs3Signer(options) };
    this.now = options.now ?? (() => new Date());
    this.transport = new HttpTransport({
      baseUrl: endpoint.origin,
      timeoutMs: options.timeoutMs ?? 10_000,
      connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
      connections: options.connections ?? 16,
      ...(options.agent === undefined ? {} : { agent: options.agent }),
    });
  }

  /** Sends one content to up to 1000 numbers. */
  async sendSms(input: SendSmsInput): Promise<SendSmsAnswer> {
    return this.call<SendSmsAnswer>('SendSms', sendSmsParams(input));
  }

  /** Sends different signatures or values to up to 100 numbers. */
  async sendBatchSms(input: SendBatchSmsInput): Promise<SendSmsAnswer> {
    return this.call<SendSmsAnswer>('SendBatchSms', sendBatchSmsParams(input));
  }

  /** Looks up the sends to one number on one day (within 30 days), one page at a time. */
  async querySendDetails(input: QuerySendDetailsInput): Promise<QuerySendDetailsAnswer> {
    return this.call<QuerySendDetailsAnswer>('QuerySendDetails', querySendDetailsParams(input, this.now()));
  }

  /**
   * Calls any dysmsapi action with its own parameters, signed as configured. Throws an
   * {@link AliyunError}: the platform's code and class, or — without an answer — `retry` when
   * nothing was written and `unknown` when it may have been.
   */
  async call<T extends AliyunAnswerBase>(action: string, params: RpcParams): Promise<T> {
    const request = this.signed(action, params);
    let answer;
    try {
      answer = await this.transport.post({ path: request.path, headers: request.headers, body: request.body });
    } catch (error) {
      const { failure, mayHaveReached } = classifyTransportError(error);
      throw new AliyunError({
        code: mayHaveReached ? 'SMSKIT.NO_ANSWER' : 'SMSKIT.NOT_SENT',
        httpStatus: 0,
        class: mayHaveReached ? 'unknown' : 'retry',
        message: `${action}: no answer from ${this.host} (${failure}).`,
        hint: mayHaveReached
          ? 'The request may have reached Aliyun: do not resend a SendSms blindly; query QuerySendDetails by OutId.'
          : 'Nothing was sent: check the endpoint and the network, then retry.',
        details: { failure },
        cause: error,
      });
    }
    return readAliyunAnswer<T>(answer, request.sent);
  }

  private signed(action: string, params: RpcParams): { path: string; headers: Record<string, string>; body: string; sent: SentRequest } {
    const now = this.now();
    try {
      if (this.signer.version === 'v1') {
        const signed = rpcRequestParams({ action, accessKeyId: this.options.accessKeyId, params, now });
        const stringToSign = rpcStringToSign({ method: 'POST', params: signed });
        signed.Signature = this.signer.rpc.signStringToSign(stringToSign);
        return {
          path: '/',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: rpcQueryString(signed),
          sent: { stringToSign },
        };
      }
      const headers: Record<string, string> = {
        host: this.host,
        'x-acs-action': action,
        'x-acs-version': '2017-05-25',
        'x-acs-date': aliyunTimestamp(now),
        'x-acs-signature-nonce': signatureNonce(),
        'x-acs-content-sha256': EMPTY_BODY_SHA256,
      };
      const signature = this.signer.acs3.sign({ method: 'POST', pathname: '/', query: params, headers });
      const query = signature.canonicalQuery;
      headers.authorization = signature.authorization;
      return {
        path: query === '' ? '/' : `/?${query}`,
        headers,
        body: '',
        sent: { stringToSign: signature.stringToSign, canonicalRequest: signature.canonicalRequest },
      };
    } catch (error) {
      if (error instanceof URIError) {
        throw new AliyunError({ code: 'InvalidParameter', class: 'stop', message: `${action}: a value holds a lone UTF-16 surrogate, which cannot be sent.`, cause: error });
      }
      throw error;
    }
  }

  /** Closes the client's own connections. */
  close(): Promise<void> {
    return this.transport.close();
  }
}
