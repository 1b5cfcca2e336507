import { createHash } from 'node:crypto';
import { beijingDate, countSegments, parseE164 } from '@smskit/core';
import { TencentError, type SendStatus } from '@smskit/tencent';
import type { SandboxMessage, SandboxStore } from '../store.js';
import { renderTencentTemplate, type TencentSandboxTemplate } from './templates.js';

/** Seed 004's default limits: same number and content 1 per 30 s; 10 per number per calendar day. */
export interface TencentLimits {
  /** Same number, same content: at most one within this many ms. @defaultValue 30_000 */
  sameContentMs?: number;
  /** Messages per number per (Beijing) calendar day. @defaultValue 10 */
  perNumberPerDay?: number;
}

/** What a SendSms needs from the Tencent sandbox. */
export interface SendSmsContext {
  sdkAppId: string;
  templates: ReadonlyMap<string, TencentSandboxTemplate>;
  store: SandboxStore;
  limits: Required<TencentLimits> | false;
  now: () => number;
  nextSeq: () => number;
  /** Last send per (number, content digest), ms. */
  lastSent: Map<string, number>;
}

/** A message accepted by SendSms, to deliver. */
export interface AcceptedTencentMessage {
  message: SandboxMessage;
  /** E.164. */
  e164: string;
  sessionContext: string;
}

const MAX_NUMBERS = 200;

function stringArray(value: unknown, name: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new TencentError({ code: 'InvalidParameter', message: `${name} must be an array of strings.` });
  return value as string[];
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new TencentError({ code: 'InvalidParameter', message: `${name} must be a string.` });
  return value;
}

/** The tencent `apiKey` under which its messages are kept in the shared store. */
export function tencentStoreKey(sdkAppId: string): string {
  return `tencent:${sdkAppId}`;
}

/**
 * SendSms as Tencent answers it: request-level checks throw a {@link TencentError}; then one
 * {@link SendStatus} per number, `Code: "Ok"` or the number's own error, so one request can
 * partly fail.
 */
export async function sendSms(ctx: SendSmsContext, body: Record<string, unknown>): Promise<{ statuses: SendStatus[]; accepted: AcceptedTencentMessage[] }> {
  const appId = optionalString(body.SmsSdkAppId, 'SmsSdkAppId');
  if (!appId) throw new TencentError({ code: 'MissingParameter', message: 'The request is missing SmsSdkAppId.' });
  if (appId !== ctx.sdkAppId) throw new TencentError({ code: 'InvalidParameterValue.SdkAppIdNotExist', message: `SmsSdkAppId ${appId.slice(0, 20)} does not exist.` });
  const phones = stringArray(body.PhoneNumberSet, 'PhoneNumberSet');
  if (phones.length === 0) throw new TencentError({ code: 'MissingParameter.EmptyPhoneNumberSet' });
  if (phones.length > MAX_NUMBERS) throw new TencentError({ code: 'LimitExceeded.PhoneNumberCountLimit', message: `${phones.length} numbers; at most ${MAX_NUMBERS}.` });
  const templateId = optionalString(body.TemplateId, 'TemplateId');
  if (!templateId) throw new TencentError({ code: 'MissingParameter', message: 'The request is missing TemplateId.' });
  const template = ctx.templates.get(templateId);
  if (!template) throw new TencentError({ code: 'FailedOperation.TemplateIncorrectOrUnapproved', message: `Template ${templateId.slice(0, 20)} is not approved.` });
  const params = stringArray(body.TemplateParamSet, 'TemplateParamSet');
  if (params.length !== template.params) throw new TencentError({ code: 'FailedOperation.TemplateIncorrectOrUnapproved', message: `Template ${templateId} has ${template.params} parameter(s); ${params.length} given.` });
  const signName = optionalString(body.SignName, 'SignName');
  const sessionContext = optionalString(body.SessionContext, 'SessionContext') ?? '';
  const extendCode = optionalString(body.ExtendCode, 'ExtendCode');

  const parsed = phones.map((phone) => parseE164(phone));
  const kinds = new Set(parsed.filter((p) => p !== undefined).map((p) => p.kind));
  if (kinds.size > 1) throw new TencentError({ code: 'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber' });
  const international = kinds.has('international');
  if (international !== template.international) {
    throw new TencentError({ code: 'FailedOperation.TemplateIncorrectOrUnapproved', message: template.international ? 'An international template sends to international numbers only.' : 'A domestic template sends to mainland numbers only.' });
  }
  if (!international && (signName === undefined || !/^[\p{L}\p{N}]{2,12}$/u.test(signName))) {
    throw new TencentError({ code: 'FailedOperation.SignatureIncorrectOrUnapproved', message: 'Mainland SMS needs an approved SignName (2–12 letters, digits or Chinese characters).' });
  }
  const text = renderTencentTemplate(template, params);
  const shown = international || signName === undefined ? text : `【${signName}】${text}`;
  const fee = Math.max(1, countSegments({ text: shown }).parts);
  const now = ctx.now();
  const digest = createHash('sha256').update(shown).digest('base64url').slice(0, 16);
  const statuses: SendStatus[] = [];
  const accepted: AcceptedTencentMessage[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < phones.length; i++) {
    const number = parsed[i];
    const phone = phones[i] as string;
    const base = { PhoneNumber: number?.e164 ?? phone, SessionContext: sessionContext, IsoCode: number ? isoOf(number.countryCode) : '' };
    const refuse = (code: string): void => void statuses.push({ ...base, SerialNo: '', Fee: 0, Code: code, Message: new TencentError({ code }).message });
    if (!number) {
      refuse('InvalidParameterValue.IncorrectPhoneNumber');
      continue;
    }
    const limited = seen.has(number.e164) ? undefined : await limitFor(ctx, { e164: number.e164, digest, now });
    seen.add(number.e164);
    if (limited) {
      refuse(limited);
      continue;
    }
    const seq = ctx.nextSeq();
    const serial = `${Math.floor(now / 1000)}:${String(seq).padStart(12, '0')}`;
    statuses.push({ ...base, SerialNo: serial, Fee: fee, Code: 'Ok', Message: 'send success' });
    const message: SandboxMessage = {
      seq,
      msgId: serial,
      apiKey: tencentStoreKey(ctx.sdkAppId),
      phone: number.number,
      templateCode: templateId,
      text: shown,
      parts: fee,
      ...(sessionContext ? { bid: sessionContext } : {}),
      ...(extendCode ? { upExtendCode: extendCode } : {}),
      endpoint: 'send',
      submittedAt: now,
      state: 'PENDING',
      pulled: false,
      channel: 'tencent',
    };
    accepted.push({ message, e164: number.e164, sessionContext });
  }
  if (accepted.length > 0) await ctx.store.addMessages(accepted.map((a) => a.message));
  return { statuses, accepted };
}

async function limitFor(ctx: SendSmsContext, input: { e164: string; digest: string; now: number }): Promise<string | undefined> {
  if (ctx.limits === false) return undefined;
  const key = `${input.e164}:${input.digest}`;
  const last = ctx.lastSent.get(key);
  if (last !== undefined && input.now - last < ctx.limits.sameContentMs) return 'LimitExceeded.PhoneNumberThirtySecondLimit';
  const day = { key: `tencent:day:${ctx.sdkAppId}:${input.e164}:${beijingDate(input.now)}`, by: 1, max: ctx.limits.perNumberPerDay };
  if (!(await ctx.store.countWithin([day]))) return 'LimitExceeded.PhoneNumberDailyLimit';
  ctx.lastSent.set(key, input.now);
  if (ctx.lastSent.size > 100_000) for (const [k, at] of ctx.lastSent) if (input.now - at >= ctx.limits.sameContentMs) ctx.lastSent.delete(k);
  return undefined;
}

const ISO: Readonly<Record<string, string>> = { '86': 'CN', '852': 'HK', '853': 'MO', '886': 'TW', '1': 'US', '44': 'GB', '81': 'JP', '82': 'KR', '65': 'SG', '60': 'MY', '61': 'AU', '49': 'DE', '33': 'FR' };

function isoOf(countryCode: string): string {
  return ISO[countryCode] ?? '';
}
