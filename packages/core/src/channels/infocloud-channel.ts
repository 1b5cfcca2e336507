import { SmsError, toSmsError } from '../errors.js';
import type { SmsClientOptions } from '../client/options.js';
import type { DeliveryReceipt } from '../client/receipts.js';
import { sendResultOf, type SendResult } from '../client/send-result.js';
import { SmsClient } from '../client/sms-client.js';
import { MAX_PHONES_PER_REQUEST } from '../rules/phone.js';
import type {
  ChannelBatchInput,
  ChannelCapabilities,
  ChannelFailure,
  ChannelReceipt,
  ChannelSendInput,
  ChannelSendResult,
  NumberOutcome,
  ReceiptPullInput,
  SmsChannel,
  TemplateCheckInput,
} from './channel.js';
import { classifyInfocloudError } from './infocloud-classes.js';
import { readInfocloudTemplate, type InfocloudTemplateFields } from './infocloud-template.js';

/** Options of {@link infocloudChannel}: a name, and a client or what to build one from. */
export type InfocloudChannelOptions = { name: string } & (
  | {
      /**
       * What to build the channel's own client from. Its `retry` is forced off: the router
       * retries (once, with its backoff), so a busy answer is not retried twice.
       */
      clientOptions: Omit<SmsClientOptions, 'retry'>;
    }
  | {
      /** A client you built and keep: build it with `retry: false` (the router retries). Not closed by the channel. */
      client: SmsClient;
    }
);

const CAPABILITIES: ChannelCapabilities = {
  numbers: 'mainland',
  maxNumbersPerSend: MAX_PHONES_PER_REQUEST,
  maxMessagesPerBatch: MAX_PHONES_PER_REQUEST,
  receipts: { pull: true, push: true },
};

/** A pulled or pushed infocloud receipt, normalised for a channel of this name. */
export function fromInfocloudReceipt(channel: string, receipt: DeliveryReceipt): ChannelReceipt {
  // Only DELIVRD is a delivery; ACCEPTD is an intermediate state, every other one is final.
  const state = receipt.delivered ? 'delivered' : receipt.status === 'ACCEPTD' ? 'pending' : 'failed';
  return {
    channel,
    messageId: receipt.msgId,
    number: receipt.tel,
    state,
    providerState: receipt.arriveResult,
    ...(receipt.bid === undefined ? {} : { idempotencyKey: receipt.bid }),
    ...(receipt.arrivedAt === undefined ? {} : { at: receipt.arrivedAt }),
  };
}

function failedAll(numbers: readonly string[], failure: ChannelFailure): ChannelSendResult {
  return { outcomes: numbers.map((number) => ({ number, status: 'failed', failure: failure.failure, error: failure.error, code: String(failure.error.code) })) };
}

/** Every number of a client's {@link SendResult}, as outcomes in the order given. */
function outcomesOf(numbers: readonly string[], result: SendResult): ChannelSendResult {
  const byNumber = new Map<string, NumberOutcome>();
  for (const chunk of result.chunks) {
    const refused = new Set(chunk.failPhones);
    for (const number of chunk.phones) {
      if (chunk.status === 'sent') {
        byNumber.set(
          number,
          refused.has(number)
            ? { number, status: 'failed', failure: 'stop', error: new SmsError({ code: 60007, message: 'The platform refused this number (failPhones).', retryable: false }), ...(chunk.msgId === undefined ? {} : { messageId: chunk.msgId }) }
            : { number, status: 'sent', code: '200', ...(chunk.msgId === undefined ? {} : { messageId: chunk.msgId }), ...(chunk.requestId === undefined ? {} : { requestId: chunk.requestId }) },
        );
      } else {
        const error = chunk.error ?? new SmsError({ code: -1, message: 'The request failed.' });
        const failure = chunk.status === 'unknown' ? 'unknown' : classifyInfocloudError(error);
        byNumber.set(number, { number, status: chunk.status, failure, error, code: String(error.code), ...(chunk.requestId === undefined ? {} : { requestId: chunk.requestId }) });
      }
    }
  }
  return {
    outcomes: numbers.map((number) => byNumber.get(number) ?? { number, status: 'unknown', failure: 'unknown', error: new SmsError({ code: -1, message: 'The client reported nothing for this number.' }) }),
  };
}

/**
 * Today's infocloud {@link SmsClient} as a channel: mainland numbers, 1000 per request, receipts
 * pulled and pushed. Template fields: `{ templateCode, params?, text?, upExtendCode? }` —
 * `params` names the values in the template's order; `text` lets the values be checked
 * locally against the template's `{name,maxLen}` variables.
 */
export function infocloudChannel(options: InfocloudChannelOptions): SmsChannel {
  const owns = 'clientOptions' in options;
  const client = owns ? new SmsClient({ ...options.clientOptions, retry: false }) : options.client;
  const { name } = options;

  const run = async (numbers: readonly string[], send: (template: InfocloudTemplateFields) => Promise<SendResult>, fields: unknown): Promise<ChannelSendResult> => {
    const template = readInfocloudTemplate(fields);
    if ('failure' in template) return failedAll(numbers, template);
    try {
      return outcomesOf(numbers, await send(template));
    } catch (thrown) {
      const result = sendResultOf(thrown);
      if (result !== undefined) return outcomesOf(numbers, result);
      const error = toSmsError(thrown);
      return failedAll(numbers, { failure: classifyInfocloudError(error), error });
    }
  };

  return {
    name,
    provider: 'infocloud',
    capabilities: CAPABILITIES,
    checkTemplate(input: TemplateCheckInput): ChannelFailure | undefined {
      const template = readInfocloudTemplate(input.fields, input.values);
      return 'failure' in template ? template : undefined;
    },
    send(input: ChannelSendInput): Promise<ChannelSendResult> {
      return run(input.numbers, (t) => client.send({ phones: input.numbers, templateCode: t.templateCode, params: t.paramsOf(input.values), bid: input.idempotencyKey, ...t.common }), input.template);
    },
    sendBatch(input: ChannelBatchInput): Promise<ChannelSendResult> {
      const numbers = input.messages.map((message) => message.number);
      return run(numbers, (t) => client.sendBatch({ messages: input.messages.map((m) => ({ phone: m.number, params: t.paramsOf(m.values) })), templateCode: t.templateCode, bid: input.idempotencyKey, ...t.common }), input.template);
    },
    async pullReceipts(input: ReceiptPullInput): Promise<ChannelReceipt[]> {
      const ids = [...new Set((input.messages ?? []).flatMap((message) => (message.messageId === undefined ? [] : [message.messageId])))];
      const receipts: DeliveryReceipt[] = [];
      if (ids.length === 0) receipts.push(...(await client.queryReceipts()));
      for (let i = 0; i < ids.length; i += 600) receipts.push(...(await client.queryReceipts({ msgIds: ids.slice(i, i + 600) })));
      return receipts.map((receipt) => fromInfocloudReceipt(name, receipt));
    },
    async balance() {
      return (await client.balance()).map((entry) => ({ kind: entry.itemName, remaining: entry.residueValue }));
    },
    async health() {
      try {
        const status = await client.health();
        return { up: status.up, detail: status.up ? 'answered 200' : 'answered, but not 200' };
      } catch (error) {
        return { up: false, detail: toSmsError(error).message };
      }
    },
    async close() {
      if (owns) await client.close();
    },
  };
}
