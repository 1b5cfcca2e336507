import {
  SmsError,
  type ChannelBatchInput,
  type ChannelCapabilities,
  type ChannelFailure,
  type ChannelReceipt,
  type ChannelSendInput,
  type ChannelSendResult,
  type NumberOutcome,
  type ReceiptPullInput,
  type SmsChannel,
  type TemplateCheckInput,
} from '@smskit/core/provider';
import { AliyunClient, type SendSmsAnswer } from '../client/aliyun-client.js';
import type { AliyunClientOptions } from '../client/options.js';
import { MAX_BATCH_MESSAGES, MAX_SEND_NUMBERS } from '../client/requests.js';
import { AliyunError, isAliyunError } from '../errors.js';
import { receiptsOf } from './receipts.js';
import { isFailure, readAliyunTemplate, templateParamOf } from './template-fields.js';

/** What {@link aliyunChannel} builds a channel from. */
export interface AliyunChannelOptions extends AliyunClientOptions {
  /** The channel's name among the router's channels. @defaultValue `'aliyun'` */
  name?: string;
  /**
   * True for the international endpoint, which serves E.164 numbers; the domestic endpoint
   * serves mainland numbers only.
   * @defaultValue `false`
   */
  international?: boolean;
}

/** An Aliyun failure as the channel seam carries it: a core error, the Aliyun code beside it. */
export function channelFailureOf(error: unknown): ChannelFailure & { code: string } {
  const aliyun = isAliyunError(error)
    ? error
    : new AliyunError({ code: 'SMSKIT.NO_ANSWER', class: 'unknown', message: 'The send failed unexpectedly; it may have been sent.', cause: error });
  return {
    failure: aliyun.class,
    code: aliyun.code,
    error: new SmsError({
      code: -1,
      message: `aliyun ${aliyun.code}: ${aliyun.message}`,
      hint: aliyun.hint,
      requestId: aliyun.requestId,
      retryable: aliyun.class === 'retry',
      details: { provider: 'aliyun', code: aliyun.code, class: aliyun.class, details: aliyun.details },
      cause: aliyun,
    }),
  };
}

// Aliyun writes international numbers as country code and number, without the '+'.
function wire(number: string): string {
  return number.startsWith('+') ? number.slice(1) : number;
}

function outcomesOf(numbers: readonly string[], run: () => Promise<SendSmsAnswer>): Promise<ChannelSendResult> {
  return run().then(
    (answer): ChannelSendResult => ({
      outcomes: numbers.map((number) => ({ number, status: 'sent', messageId: answer.BizId, code: answer.Code, ...(answer.RequestId === undefined ? {} : { requestId: answer.RequestId }) })),
    }),
    (error: unknown): ChannelSendResult => {
      const { failure, code, error: smsError } = channelFailureOf(error);
      // Aliyun answers a request as a whole: its code applies to every number of it.
      const outcome = { status: failure === 'unknown' ? 'unknown' : 'failed', failure, code, error: smsError, ...(smsError.requestId === undefined ? {} : { requestId: smsError.requestId }) } as const;
      return { outcomes: numbers.map((number): NumberOutcome => ({ number, ...outcome })) };
    },
  );
}

function failed(numbers: readonly string[], failure: ChannelFailure): ChannelSendResult {
  return { outcomes: numbers.map((number) => ({ number, status: 'failed', failure: failure.failure, error: failure.error, ...(failure.code === undefined ? {} : { code: failure.code }) })) };
}

/**
 * Aliyun SMS as a channel of the router. The idempotency key travels as `OutId`, so a send
 * that got no answer (`unknown`) is found again through QuerySendDetails; the client never
 * resends by itself.
 */
export function aliyunChannel(options: AliyunChannelOptions): SmsChannel {
  const client = new AliyunClient(options);
  const capabilities: ChannelCapabilities = {
    numbers: options.international ? 'international' : 'mainland',
    maxNumbersPerSend: MAX_SEND_NUMBERS,
    maxMessagesPerBatch: MAX_BATCH_MESSAGES,
    receipts: { pull: true, push: true },
  };
  return {
    name: options.name ?? 'aliyun',
    provider: 'aliyun',
    capabilities,
    checkTemplate(input: TemplateCheckInput): ChannelFailure | undefined {
      const read = readAliyunTemplate(input.fields, input.values);
      return isFailure(read) ? read : undefined;
    },
    send(input: ChannelSendInput): Promise<ChannelSendResult> {
      const fields = readAliyunTemplate(input.template, input.values);
      if (isFailure(fields)) return Promise.resolve(failed(input.numbers, fields));
      return outcomesOf(input.numbers, () =>
        client.sendSms({
          phoneNumbers: input.numbers.map(wire),
          signName: fields.signName,
          templateCode: fields.templateCode,
          templateParam: templateParamOf(fields, input.values),
          smsUpExtendCode: fields.smsUpExtendCode,
          outId: input.idempotencyKey,
        }),
      );
    },
    sendBatch(input: ChannelBatchInput): Promise<ChannelSendResult> {
      const numbers = input.messages.map((m) => m.number);
      const fields = readAliyunTemplate(input.template);
      if (isFailure(fields)) return Promise.resolve(failed(numbers, fields));
      for (const message of input.messages) {
        const checked = readAliyunTemplate(input.template, message.values);
        if (isFailure(checked)) return Promise.resolve(failed(numbers, checked));
      }
      const withParams = input.messages.some((m) => templateParamOf(fields, m.values) !== undefined);
      return outcomesOf(numbers, () =>
        client.sendBatchSms({
          templateCode: fields.templateCode,
          outId: input.idempotencyKey,
          messages: input.messages.map((m) => ({
            phoneNumber: wire(m.number),
            signName: fields.signName,
            ...(withParams ? { templateParam: templateParamOf(fields, m.values) ?? {} } : {}),
            ...(fields.smsUpExtendCode === undefined ? {} : { smsUpExtendCode: fields.smsUpExtendCode }),
          })),
        }),
      );
    },
    pullReceipts(input: ReceiptPullInput): Promise<ChannelReceipt[]> {
      return receiptsOf({ client, channel: options.name ?? 'aliyun', messages: input.messages ?? [], now: options.now ?? (() => new Date()) });
    },
    close: () => client.close(),
  };
}
