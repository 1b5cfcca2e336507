import { parseE164, SmsError } from '@smskit/core/provider';
import type { ChannelBatchInput, ChannelFailure, ChannelReceipt, ChannelSendInput, ChannelSendResult, NumberOutcome, ReceiptPullInput, SmsChannel, TemplateCheckInput, TemplateValues } from '@smskit/core/provider';
import type { SendStatus } from './api.js';
import { channelFailureFromError, channelFailureOf } from './channel-error.js';
import { TencentSmsClient, type TencentSmsClientOptions } from './client.js';
import { TENCENT_OK } from './error-codes/index.js';
import { receiptOfPulled } from './receipts.js';
import { parseTemplateFields, type TencentTemplateFields } from './template-fields.js';

/** What {@link tencentChannel} is built from. */
export interface TencentChannelOptions extends TencentSmsClientOptions {
  /** The channel's name among the router's channels. @defaultValue `'tencent'` */
  name?: string;
  /** The SMS application id (SmsSdkAppId, starts `1400`). */
  sdkAppId: string;
  /** The signature for templates that do not name one; mainland numbers need one. */
  signName?: string;
  /** SendSms requests in flight at once for a `sendBatch` with different values. @defaultValue 4 */
  concurrency?: number;
}

/** Tencent's limits: 200 numbers a request; one template and one value list per request. */
const MAX_NUMBERS = 200;

function e164Of(number: string): string | undefined {
  return parseE164(number)?.e164;
}

function failedAll(numbers: readonly string[], failure: ChannelFailure): NumberOutcome[] {
  const status = failure.failure === 'unknown' ? 'unknown' : 'failed';
  return numbers.map((number) => ({ number, status, failure: failure.failure, error: failure.error, code: failure.code, requestId: failure.error.requestId }));
}

function outcomeOf(number: string, status: SendStatus | undefined, requestId: string): NumberOutcome {
  if (status === undefined) {
    const failure = channelFailureOf({ code: 'smskit.NoAnswer', failure: 'unknown', message: 'Tencent answered without a status for this number.', requestId });
    return { number, status: 'unknown', failure: 'unknown', error: failure.error, code: failure.code, requestId };
  }
  if (status.Code === TENCENT_OK) return { number, status: 'sent', messageId: status.SerialNo, code: status.Code, requestId };
  const failure = channelFailureOf({ code: status.Code, message: status.Message, requestId });
  return { number, status: failure.failure === 'unknown' ? 'unknown' : 'failed', failure: failure.failure, error: failure.error, code: status.Code, requestId };
}

/**
 * Tencent Cloud SMS as a channel of the router: sends abroad as well as to the mainland (E.164),
 * up to 200 numbers a request, reports every number's own answer (`SendStatusSet[i].Code` is
 * `Ok` on success, so one request can partly fail), classifies every failure from the
 * catalogue, carries the router's idempotency key as `SessionContext`, and pulls receipts.
 */
export function tencentChannel(options: TencentChannelOptions): SmsChannel & { readonly client: TencentSmsClient } {
  if (!options.sdkAppId) throw new SmsError({ code: 40004, message: 'tencentChannel: sdkAppId is empty.', hint: 'Pass the SmsSdkAppId shown under 应用管理 in the Tencent Cloud SMS console.' });
  const client = new TencentSmsClient(options);
  const name = options.name ?? 'tencent';

  async function sendOnce(input: { numbers: readonly string[]; params: string[]; fields: TencentTemplateFields; key: string }): Promise<NumberOutcome[]> {
    const e164 = input.numbers.map(e164Of);
    const bad = input.numbers.filter((_, i) => e164[i] === undefined);
    if (bad.length > 0) return failedAll(input.numbers, channelFailureOf({ code: 'InvalidParameterValue.IncorrectPhoneNumber', message: `Not an E.164 number: ${bad.slice(0, 5).join(', ')}.` }));
    const signName = input.fields.signName ?? options.signName;
    if (signName === undefined && input.numbers.some((n) => !n.startsWith('+'))) {
      return failedAll(input.numbers, channelFailureOf({ code: 'FailedOperation.SignatureIncorrectOrUnapproved', message: 'Mainland numbers need a signature: set signName on the channel or the template.' }));
    }
    try {
      const answer = await client.sendSms({
        PhoneNumberSet: e164 as string[],
        SmsSdkAppId: options.sdkAppId,
        TemplateId: input.fields.templateId,
        TemplateParamSet: input.params,
        SessionContext: input.key,
        ...(signName === undefined ? {} : { SignName: signName }),
        ...(input.fields.extendCode === undefined ? {} : { ExtendCode: input.fields.extendCode }),
        ...(input.fields.senderId === undefined ? {} : { SenderId: input.fields.senderId }),
      });
      const set = Array.isArray(answer.SendStatusSet) ? answer.SendStatusSet : [];
      const byPhone = new Map(set.map((status) => [status.PhoneNumber, status]));
      return input.numbers.map((number, i) => outcomeOf(number, byPhone.get(e164[i] as string), answer.RequestId));
    } catch (error) {
      return failedAll(input.numbers, channelFailureFromError(error));
    }
  }

  function prepare(fields: unknown, values: TemplateValues): { fields: TencentTemplateFields; params: string[] } | ChannelFailure {
    const parsed = parseTemplateFields(fields);
    if ('failure' in parsed) return parsed;
    const missing = (parsed.params ?? []).filter((param) => typeof values[param] !== 'string');
    if (missing.length > 0) {
      return { failure: 'stop', error: new SmsError({ code: 60003, message: `Template ${parsed.templateId} needs a value for ${missing.join(', ')}.`, hint: 'Pass every value the template fields list in params.' }) };
    }
    return { fields: parsed, params: (parsed.params ?? []).map((param) => values[param] as string) };
  }

  return {
    name,
    provider: 'tencent',
    client,
    capabilities: { numbers: 'international', maxNumbersPerSend: MAX_NUMBERS, maxMessagesPerBatch: MAX_NUMBERS, receipts: { pull: true, push: true } },

    checkTemplate(input: TemplateCheckInput): ChannelFailure | undefined {
      const parsed = parseTemplateFields(input.fields);
      if ('failure' in parsed) return parsed;
      if (input.values === undefined) return undefined;
      const prepared = prepare(input.fields, input.values);
      return 'failure' in prepared ? prepared : undefined;
    },

    async send(input: ChannelSendInput): Promise<ChannelSendResult> {
      const prepared = prepare(input.template, input.values);
      if ('failure' in prepared) return { outcomes: failedAll(input.numbers, prepared) };
      return { outcomes: await sendOnce({ numbers: input.numbers, params: prepared.params, fields: prepared.fields, key: input.idempotencyKey }) };
    },

    async sendBatch(input: ChannelBatchInput): Promise<ChannelSendResult> {
      // SendSms takes one value list a request: messages with equal values share a request.
      const groups = new Map<string, { numbers: string[]; params: string[]; fields: TencentTemplateFields }>();
      const outcomes = new Map<string, NumberOutcome>();
      for (const message of input.messages) {
        const prepared = prepare(input.template, message.values);
        if ('failure' in prepared) {
          outcomes.set(message.number, failedAll([message.number], prepared)[0] as NumberOutcome);
          continue;
        }
        const key = JSON.stringify(prepared.params);
        const group = groups.get(key) ?? { numbers: [], params: prepared.params, fields: prepared.fields };
        group.numbers.push(message.number);
        groups.set(key, group);
      }
      const queue = [...groups.values()];
      const worker = async () => {
        for (let group = queue.shift(); group; group = queue.shift()) {
          for (const outcome of await sendOnce({ ...group, key: input.idempotencyKey })) outcomes.set(outcome.number, outcome);
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
      return { outcomes: input.messages.map((message) => outcomes.get(message.number) as NumberOutcome) };
    },

    async pullReceipts(_input: ReceiptPullInput): Promise<ChannelReceipt[]> {
      // Tencent hands out each receipt once, whoever asks: every pulled receipt is returned,
      // not only those asked about, or the rest would be lost.
      const receipts: ChannelReceipt[] = [];
      for (let round = 0; round < 10; round++) {
        const pulled = await client.pullSmsSendStatus({ smsSdkAppId: options.sdkAppId, limit: 100 });
        receipts.push(...pulled.map((item) => receiptOfPulled(name, item)));
        if (pulled.length < 100) break;
      }
      return receipts;
    },

    close: () => client.close(),
  };
}
