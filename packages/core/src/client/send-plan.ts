import { randomUUID } from 'node:crypto';
import { SmsError } from '../errors.js';
import { MAX_PHONES_PER_REQUEST } from '../endpoints.js';
import { assertPhoneCheck, checkPhones, type InvalidPhone } from '../rules/phone.js';
import {
  assertBid,
  assertSendBatch,
  assertTemplateValues,
  assertUpExtendCode,
  encodeTemplateParam,
  encodeTemplateParamJson,
} from '../rules/request.js';
import type { SendBatchInput, SendCommon, SendInput, SendProgress } from './send-input.js';
import type { ChunkResult } from './send-result.js';

/** One request of a send, ready to go. */
export interface PlannedChunk {
  index: number;
  /** Its numbers, normalised. */
  phones: string[];
  bid: string;
  /** The JSON body's fields; built when the chunk leaves, so a million numbers are not all encoded at once. */
  body(): Record<string, string>;
}

/** A send checked locally and split into requests of at most 1000 numbers. */
export interface SendPlan {
  endpoint: 'send' | 'sendBatch';
  chunks: PlannedChunk[];
  /** Numbers dropped locally (with `invalidPhones: 'skip'`). */
  invalid: InvalidPhone[];
  /** Repeats dropped (send only). */
  duplicates: number;
  /** The caller's signal, when it gave one. */
  signal?: AbortSignal;
  /** The caller's progress hook, when it gave one. */
  onChunk?: (chunk: ChunkResult, progress: SendProgress) => void;
}

/** What the plan takes from the client. */
export interface PlanContext {
  invalidPhones: 'reject' | 'skip';
  templates: Readonly<Record<string, string>> | undefined;
  /** Makes a bid for a request when the caller gave none. */
  newBid?: () => string;
}

interface Common {
  templateCode: string;
  template: string | undefined;
  upExtendCode: string | undefined;
  bid: string | undefined;
  mode: 'reject' | 'skip';
}

function commonOf(input: SendCommon, context: PlanContext): Common {
  if (typeof input.templateCode !== 'string' || input.templateCode.trim() === '') {
    throw new SmsError({ code: 40004, message: 'templateCode is required: pass the template number shown in the console.' });
  }
  const mode = input.invalidPhones ?? context.invalidPhones;
  if (mode !== 'reject' && mode !== 'skip') throw new SmsError({ code: 40004, message: `invalidPhones must be 'reject' or 'skip', not ${JSON.stringify(mode)}.` });
  return {
    templateCode: input.templateCode,
    template: input.template ?? context.templates?.[input.templateCode],
    upExtendCode: assertUpExtendCode(input.upExtendCode),
    bid: assertBid(input.bid),
    mode,
  };
}

function stringValues(values: unknown, label: string): string[] {
  if (values === undefined) return [];
  if (!Array.isArray(values)) throw new SmsError({ code: 60006, message: `${label} must be an array of strings.` });
  const list: unknown[] = values;
  const bad = list.findIndex((value) => typeof value !== 'string');
  if (bad >= 0) throw new SmsError({ code: 60006, message: `${label}[${bad}] is not a string: every value must be a string (write "12", not 12).` });
  return list as string[];
}

function hooksOf(input: SendCommon): Pick<SendPlan, 'signal' | 'onChunk'> {
  const { signal, onChunk } = input;
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw new SmsError({ code: 40004, message: 'signal must be an AbortSignal.' });
  if (onChunk !== undefined && typeof onChunk !== 'function') throw new SmsError({ code: 40004, message: 'onChunk must be a function (chunk, progress) => void.' });
  return { ...(signal === undefined ? {} : { signal }), ...(onChunk === undefined ? {} : { onChunk }) };
}

function phoneList(phones: unknown, label: string): readonly unknown[] {
  if (!Array.isArray(phones)) throw new SmsError({ code: 40004, message: `${label} must be an array of phone numbers.` });
  return phones;
}

function chunked<T>(items: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += MAX_PHONES_PER_REQUEST) chunks.push(items.slice(i, i + MAX_PHONES_PER_REQUEST));
  return chunks;
}

function optionalFields(common: Common): Record<string, string> {
  return common.upExtendCode === undefined ? {} : { upExtendCode: common.upExtendCode };
}

/**
 * Checks a send as the platform would (40004, 60006, 60003, 60004, 60007) and splits its
 * numbers, normalised and without repeats, into requests of at most 1000.
 *
 * @throws {@link SmsError} with the platform's code for the first mistake found.
 */
export function planSend(input: SendInput, context: PlanContext): SendPlan {
  const common = commonOf(input, context);
  // The values are type-checked once: by the template check when there is a template, else here.
  const values = common.template === undefined ? stringValues(input.params, 'params') : assertTemplateValues({ template: common.template, values: input.params ?? [], label: 'params' });
  const check = checkPhones(phoneList(input.phones, 'phones'), { max: Number.POSITIVE_INFINITY });
  // Words the errors (none given, every bad number named) as everywhere else, from the same classification.
  assertPhoneCheck(check, { max: Number.POSITIVE_INFINITY, invalidPhones: common.mode });
  const templateParam = encodeTemplateParam(values);
  const newBid = context.newBid ?? randomUUID;
  const chunks = chunked(check.phones).map((phones, index): PlannedChunk => {
    const bid = common.bid ?? newBid();
    return {
      index,
      phones,
      bid,
      body: () => ({
        phones: phones.join(','),
        templateCode: common.templateCode,
        ...(templateParam === undefined ? {} : { templateParam }),
        ...optionalFields(common),
        bid,
      }),
    };
  });
  return { endpoint: 'send', chunks, invalid: common.mode === 'skip' ? check.invalid : [], duplicates: check.duplicates, ...hooksOf(input) };
}

/**
 * Checks a sendBatch as the platform would (40004, 60006, 60003, 60004, 60007) and splits its
 * messages, in order and with repeats kept, into requests of at most 1000. Each number is
 * classified and each list type-checked once; errors name positions in the caller's input.
 *
 * @throws {@link SmsError} with the platform's code for the first mistake found.
 */
export function planSendBatch(input: SendBatchInput, context: PlanContext): SendPlan {
  const common = commonOf(input, context);
  const messages = phoneList(input.messages, 'messages');
  if (messages.length === 0) throw new SmsError({ code: 40004, message: 'messages is empty: pass at least one {phone, params}.' });
  const phones = new Array<unknown>(messages.length);
  const params = new Array<unknown>(messages.length);
  messages.forEach((message, i) => {
    if (typeof message !== 'object' || message === null) throw new SmsError({ code: 40004, message: `messages[${i}] must be an object {phone, params}.` });
    phones[i] = (message as { phone?: unknown }).phone;
    params[i] = (message as { params?: unknown }).params;
  });
  const batch = assertSendBatch({
    phones,
    params,
    ...(common.template === undefined ? {} : { template: common.template }),
    max: Number.POSITIVE_INFINITY,
    invalidPhones: common.mode,
    listLabel: (i) => `messages[${i}].params`,
  });
  const newBid = context.newBid ?? randomUUID;
  const phoneChunks = chunked(batch.phones);
  const paramChunks = chunked(batch.params);
  const chunks = phoneChunks.map((phones, index): PlannedChunk => {
    const bid = common.bid ?? newBid();
    const params = paramChunks[index] as string[][];
    return {
      index,
      phones,
      bid,
      body: () => ({
        phonesJson: JSON.stringify(phones),
        templateCode: common.templateCode,
        templateParamJson: encodeTemplateParamJson(params),
        ...optionalFields(common),
        bid,
      }),
    };
  });
  return { endpoint: 'sendBatch', chunks, invalid: batch.invalid, duplicates: 0, ...hooksOf(input) };
}
