import { AliyunError } from '../errors.js';
import type { RpcParams } from '../signing/index.js';

/** The most numbers one SendSms takes. */
export const MAX_SEND_NUMBERS = 1000;
/** The most messages one SendBatchSms takes. */
export const MAX_BATCH_MESSAGES = 100;
/** The most records one QuerySendDetails page holds. */
export const MAX_QUERY_PAGE_SIZE = 50;
/** How many days back QuerySendDetails reaches. */
export const QUERY_DAYS_BACK = 30;

/** One content to one or many numbers. */
export interface SendSmsInput {
  /** The numbers: mainland 11 digits, international with the country code; at most 1000. */
  phoneNumbers: readonly string[];
  /** The approved signature text (签名名称). */
  signName: string;
  /** The approved template (`SMS_…`). */
  templateCode: string;
  /** The template's `${var}` values, strings only. */
  templateParam?: Readonly<Record<string, string>>;
  /** The upstream extend code, for replies. */
  smsUpExtendCode?: string;
  /** Your id for this send, echoed in receipts: how a send without an answer is found again. */
  outId?: string;
}

/** One message of a {@link SendBatchSmsInput}. */
export interface BatchSmsMessage {
  /** The number. */
  phoneNumber: string;
  /** Its signature text. */
  signName: string;
  /** Its template values. */
  templateParam?: Readonly<Record<string, string>>;
  /** Its extend code. */
  smsUpExtendCode?: string;
}

/** Different signatures or values per number, one template. */
export interface SendBatchSmsInput {
  /** The messages, at most 100. */
  messages: readonly BatchSmsMessage[];
  /** The approved template. */
  templateCode: string;
  /** Your id for this send, echoed in receipts. */
  outId?: string;
}

/** Which sends to look up. */
export interface QuerySendDetailsInput {
  /** The number the messages went to. */
  phoneNumber: string;
  /** The day they were sent (China Standard Time), within the last 30 days. */
  sendDate: Date;
  /** The BizId the send answered, to narrow to one send. */
  bizId?: string;
  /** Records per page, 1–50. @defaultValue 50 */
  pageSize?: number;
  /** The page, from 1. @defaultValue 1 */
  currentPage?: number;
}

function invalid(code: string, message: string): AliyunError {
  return new AliyunError({ code, message, class: 'stop' });
}

function templateJson(values: Readonly<Record<string, string>> | undefined): string | undefined {
  if (values === undefined) return undefined;
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'string') throw invalid('isv.INVALID_JSON_PARAM', `TemplateParam values must be strings; "${name}" is ${typeof value}.`);
  }
  return JSON.stringify(values);
}

/** SendSms's parameters, checked locally first (count, strings only). */
export function sendSmsParams(input: SendSmsInput): RpcParams {
  const count = input.phoneNumbers.length;
  if (count === 0) throw invalid('MissingPhoneNumbers', 'SendSms needs at least one number.');
  if (count > MAX_SEND_NUMBERS) throw invalid('isv.MOBILE_COUNT_OVER_LIMIT', `SendSms takes at most ${MAX_SEND_NUMBERS} numbers; got ${count}.`);
  if (input.phoneNumbers.some((n) => n.includes(','))) throw invalid('isv.MOBILE_NUMBER_ILLEGAL', 'A number contains a comma.');
  return {
    PhoneNumbers: input.phoneNumbers.join(','),
    SignName: input.signName,
    TemplateCode: input.templateCode,
    TemplateParam: templateJson(input.templateParam),
    SmsUpExtendCode: input.smsUpExtendCode,
    OutId: input.outId,
  };
}

/** SendBatchSms's parameters: parallel JSON arrays, checked locally first. */
export function sendBatchSmsParams(input: SendBatchSmsInput): RpcParams {
  const count = input.messages.length;
  if (count === 0) throw invalid('MissingParameter', 'SendBatchSms needs at least one message.');
  if (count > MAX_BATCH_MESSAGES) throw invalid('isv.MOBILE_COUNT_OVER_LIMIT', `SendBatchSms takes at most ${MAX_BATCH_MESSAGES} messages; got ${count}.`);
  const withParams = input.messages.filter((m) => m.templateParam !== undefined).length;
  if (withParams !== 0 && withParams !== count) throw invalid('isv.TEMPLATE_MISSING_PARAMETERS', 'Give templateParam to every message of a batch or to none.');
  const extendCodes = input.messages.filter((m) => m.smsUpExtendCode !== undefined).length;
  return {
    PhoneNumberJson: JSON.stringify(input.messages.map((m) => m.phoneNumber)),
    SignNameJson: JSON.stringify(input.messages.map((m) => m.signName)),
    TemplateCode: input.templateCode,
    TemplateParamJson: withParams === 0 ? undefined : `[${input.messages.map((m) => templateJson(m.templateParam)).join(',')}]`,
    SmsUpExtendCodeJson: extendCodes === 0 ? undefined : JSON.stringify(input.messages.map((m) => m.smsUpExtendCode ?? '')),
    OutId: input.outId,
  };
}

const CHINA_OFFSET_MS = 8 * 3600_000;

/** A day as QuerySendDetails names it: `yyyyMMdd` in China Standard Time (UTC+8). */
export function sendDateOf(date: Date): string {
  return new Date(date.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

/** QuerySendDetails's parameters, checked locally first (the 30-day window, page bounds). */
export function querySendDetailsParams(input: QuerySendDetailsInput, now: Date): RpcParams {
  const pageSize = input.pageSize ?? MAX_QUERY_PAGE_SIZE;
  const currentPage = input.currentPage ?? 1;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_QUERY_PAGE_SIZE) throw invalid('InvalidParameter', `PageSize is 1–${MAX_QUERY_PAGE_SIZE}; got ${pageSize}.`);
  if (!Number.isInteger(currentPage) || currentPage < 1) throw invalid('InvalidParameter', `CurrentPage starts at 1; got ${currentPage}.`);
  if (Number.isNaN(input.sendDate.getTime())) throw invalid('InvalidParameter', 'sendDate is not a valid date.');
  const day = sendDateOf(input.sendDate);
  const today = sendDateOf(now);
  const earliest = sendDateOf(new Date(now.getTime() - QUERY_DAYS_BACK * 86_400_000));
  if (day > today || day < earliest) throw invalid('InvalidParameter', `SendDate must be within the last ${QUERY_DAYS_BACK} days (${earliest}–${today}); got ${day}.`);
  return {
    PhoneNumber: input.phoneNumber,
    SendDate: day,
    BizId: input.bizId,
    PageSize: String(pageSize),
    CurrentPage: String(currentPage),
  };
}
