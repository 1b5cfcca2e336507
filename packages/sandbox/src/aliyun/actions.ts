import { AliyunError } from '@smskit/aliyun';
import type { AliyunMessageBook, AliyunSandboxMessage } from './messages.js';

/** What an action answers besides `Code`, `Message` and `RequestId`. */
export type ActionAnswer = Record<string, unknown>;

/** What every action is given. */
export interface ActionContext {
  /** The action's parameters. */
  params: Record<string, string>;
  /** The message book. */
  book: AliyunMessageBook;
  /** The clock, ms. */
  now: number;
  /** Called with the messages a send took (for receipts and pushes). */
  onTaken(messages: readonly AliyunSandboxMessage[]): void;
}

const MAINLAND = /^1[3-9]\d{9}$/;
const INTERNATIONAL = /^[1-9]\d{6,14}$/;

function fail(code: string, message?: string): AliyunError {
  return new AliyunError({ code, ...(message === undefined ? {} : { message }) });
}

function required(params: Record<string, string>, name: string, code = `Missing${name}`): string {
  const value = params[name];
  if (value === undefined || value === '') throw fail(code, `${name} is mandatory for this action.`);
  return value;
}

function templateValues(json: string | undefined): Record<string, string> {
  if (json === undefined || json === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw fail('isv.INVALID_JSON_PARAM');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !Object.values(parsed).every((v) => typeof v === 'string')) throw fail('isv.INVALID_JSON_PARAM');
  return parsed as Record<string, string>;
}

function jsonArray(json: string | undefined, name: string): unknown[] {
  if (json === undefined || json === '') throw fail('MissingParameter', `${name} is mandatory for this action.`);
  try {
    const parsed: unknown = JSON.parse(json);
    if (Array.isArray(parsed)) return parsed;
  } catch {
    // answered below
  }
  throw fail('isv.INVALID_JSON_PARAM', `${name} must be a JSON array.`);
}

function checkNumbers(phones: readonly string[], max: number): void {
  if (phones.length > max) throw fail('isv.MOBILE_COUNT_OVER_LIMIT', `手机号码数量超过限制: ${phones.length} > ${max}`);
  const bad = phones.find((p) => !MAINLAND.test(p) && !INTERNATIONAL.test(p));
  if (bad !== undefined) throw fail('isv.MOBILE_NUMBER_ILLEGAL', `非法手机号: ${bad.slice(0, 32)}`);
}

function send(ctx: ActionContext, items: { phone: string; signName: string; values: Record<string, string>; smsUpExtendCode?: string }[], templateCode: string): ActionAnswer {
  const outId = ctx.params.OutId;
  const rendered = items.map((item) => ({ phone: item.phone, signName: item.signName, templateCode, content: ctx.book.render({ templateCode, signName: item.signName, values: item.values }), ...(outId ? { outId } : {}) }));
  ctx.book.checkLimits(rendered.map((r) => r.phone), ctx.now);
  const { bizId, taken } = ctx.book.take(rendered, ctx.now);
  ctx.onTaken(taken);
  return { BizId: bizId };
}

/** SendSms: one content to up to 1000 comma-separated numbers. */
export function sendSms(ctx: ActionContext): ActionAnswer {
  const phones = required(ctx.params, 'PhoneNumbers').split(',');
  const signName = required(ctx.params, 'SignName');
  const templateCode = required(ctx.params, 'TemplateCode');
  checkNumbers(phones, 1000);
  const values = templateValues(ctx.params.TemplateParam);
  return send(ctx, phones.map((phone) => ({ phone, signName, values })), templateCode);
}

/** SendBatchSms: parallel JSON arrays of numbers, signatures and values, up to 100. */
export function sendBatchSms(ctx: ActionContext): ActionAnswer {
  const phones = jsonArray(ctx.params.PhoneNumberJson, 'PhoneNumberJson');
  const signNames = jsonArray(ctx.params.SignNameJson, 'SignNameJson');
  const templateCode = required(ctx.params, 'TemplateCode');
  const values = ctx.params.TemplateParamJson === undefined ? undefined : jsonArray(ctx.params.TemplateParamJson, 'TemplateParamJson');
  if (!phones.every((p) => typeof p === 'string') || !signNames.every((s) => typeof s === 'string' && s !== '')) throw fail('isv.INVALID_PARAMETERS');
  if (signNames.length !== phones.length || (values !== undefined && values.length !== phones.length)) throw fail('isv.INVALID_PARAMETERS', 'PhoneNumberJson, SignNameJson and TemplateParamJson differ in length.');
  checkNumbers(phones as string[], 100);
  const items = (phones as string[]).map((phone, i) => ({ phone, signName: signNames[i] as string, values: values === undefined ? {} : templateValues(JSON.stringify(values[i])) }));
  return send(ctx, items, templateCode);
}

function chinaDay(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

function chinaTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** QuerySendDetails: the sends to one number on one day, a page at a time. */
export function querySendDetails(ctx: ActionContext): ActionAnswer {
  const phone = required(ctx.params, 'PhoneNumber', 'MissingPhoneNumber');
  const sendDate = required(ctx.params, 'SendDate', 'MissingSendDate');
  if (!/^\d{8}$/.test(sendDate)) throw fail('InvalidParameter', 'SendDate is yyyyMMdd.');
  if (sendDate < chinaDay(ctx.now - 30 * 86_400_000) || sendDate > chinaDay(ctx.now)) throw fail('InvalidParameter', 'SendDate must be within the last 30 days.');
  const pageSize = Number(required(ctx.params, 'PageSize', 'MissingPageSize'));
  const currentPage = Number(required(ctx.params, 'CurrentPage', 'MissingCurrentPage'));
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 50) throw fail('InvalidParameter', 'PageSize is 1–50.');
  if (!Number.isInteger(currentPage) || currentPage < 1) throw fail('InvalidParameter', 'CurrentPage starts at 1.');
  const bizId = ctx.params.BizId;
  const matching = ctx.book.messages.filter((m) => m.phone === phone && chinaDay(m.sentAt) === sendDate && (bizId === undefined || bizId === '' || m.bizId === bizId));
  const page = matching.slice((currentPage - 1) * pageSize, currentPage * pageSize);
  return {
    TotalCount: matching.length,
    SmsSendDetailDTOs: {
      SmsSendDetailDTO: page.map((m) => {
        const delivered = m.deliverAt <= ctx.now;
        return {
          PhoneNum: m.phone,
          SendStatus: delivered ? 3 : 1,
          ErrCode: delivered ? 'DELIVERED' : '',
          TemplateCode: m.templateCode,
          Content: m.content,
          SendDate: chinaTime(m.sentAt),
          ReceiveDate: delivered ? chinaTime(m.deliverAt) : '',
          OutId: m.outId ?? '',
        };
      }),
    },
  };
}

/** The actions the listener serves, by name. */
export const ACTIONS: Readonly<Record<string, (ctx: ActionContext) => ActionAnswer>> = { SendSms: sendSms, SendBatchSms: sendBatchSms, QuerySendDetails: querySendDetails };
