import { SmsError } from '@smskit/core';
import type { ChannelReceipt } from '@smskit/core';
import type { z } from 'zod';
import { createRequire } from 'node:module';
import { receiptStateOf, routableNumber } from './receipts.js';

/** What Tencent expects in answer to a push it may stop repeating. */
export const TENCENT_PUSH_OK = { result: 0, errmsg: 'OK' } as const;

// zod loads on the first push parsed, not at import (a sender that never receives pushes
// does not pay for it); require keeps parsing synchronous.
const requireZod = () => createRequire(import.meta.url)('zod') as typeof import('zod');

function buildSchemas() {
  const { z } = requireZod();
  const nationcode = z.string().regex(/^\+?\d{1,4}$/);
  const mobile = z.string().regex(/^\d{3,15}$/);
  const receiptItem = z.object({
    user_receive_time: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'must be "YYYY-MM-DD hh:mm:ss"'),
    nationcode,
    mobile,
    report_status: z.string().min(1).max(16),
    errmsg: z.string().max(64),
    description: z.string().max(256),
    sid: z.string().min(1).max(128),
  });
  return {
    receipts: z.array(receiptItem).max(100_000),
    reply: z.object({ extend: z.string().max(32), mobile, nationcode, sign: z.string().max(64), text: z.string().max(2000), time: z.number().int().nonnegative() }),
  };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;

/** Builds the push validators now (they load zod on first use); `TencentPushReceiver` calls it when created. */
export function loadTencentPushSchemas(): void {
  tencentPushSchemas();
}

function tencentPushSchemas(): ReturnType<typeof buildSchemas> {
  schemas ??= buildSchemas();
  return schemas;
}

/** One item of Tencent's receipt callback, as pushed. */
export interface TencentReceiptPushItem {
  /** "YYYY-MM-DD hh:mm:ss", Beijing time. */
  user_receive_time: string;
  /** The country code. */
  nationcode: string;
  /** The number without the country code. */
  mobile: string;
  /** `SUCCESS` or `FAIL`. */
  report_status: string;
  /** The carrier's code (`DELIVRD`). */
  errmsg: string;
  /** The state in words. */
  description: string;
  /** The message's serial number. */
  sid: string;
}

/** A reply a handset sent, as smskit hands it on. */
export interface TencentReply {
  /** The sender, as the router spells numbers (mainland 11 digits, else E.164). */
  number: string;
  /** What they wrote. */
  text: string;
  /** The signature the reply answers. */
  signName: string;
  /** The extension code it was sent to. */
  extendCode: string;
  /** When it arrived. */
  at: Date;
}

function invalid(kind: string, error: z.ZodError): SmsError {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
  return new SmsError({ code: 40004, message: `Malformed Tencent ${kind} push: ${where} ${issue?.message ?? 'is invalid'}.`, hint: `See Tencent's ${kind} callback format (短信回调).`, details: error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })) });
}

/** "YYYY-MM-DD hh:mm:ss" in Beijing time (UTC+8, no daylight saving) as an instant. */
export function parseBeijingTime(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}+08:00`);
}

/**
 * Checks Tencent's receipt callback (an array of `{user_receive_time, nationcode, mobile,
 * report_status, errmsg, description, sid}`) and returns the channel seam's receipts.
 *
 * @throws `SmsError` 40004 naming the first field at fault.
 */
export function parseTencentReceiptPush(body: unknown, channel = 'tencent'): ChannelReceipt[] {
  const parsed = tencentPushSchemas().receipts.safeParse(body);
  if (!parsed.success) throw invalid('receipt', parsed.error);
  return parsed.data.map((item) => {
    const at = parseBeijingTime(item.user_receive_time);
    return {
      channel,
      messageId: item.sid,
      number: routableNumber(item.nationcode, item.mobile),
      state: receiptStateOf(item.report_status),
      providerState: item.report_status,
      ...(item.errmsg ? { providerCode: item.errmsg } : {}),
      ...(Number.isNaN(at.getTime()) ? {} : { at }),
    };
  });
}

/**
 * Checks Tencent's reply callback (`{extend, mobile, nationcode, sign, text, time}`).
 *
 * @throws `SmsError` 40004 naming the first field at fault.
 */
export function parseTencentReplyPush(body: unknown): TencentReply {
  const parsed = tencentPushSchemas().reply.safeParse(body);
  if (!parsed.success) throw invalid('reply', parsed.error);
  const item = parsed.data;
  return { number: routableNumber(item.nationcode, item.mobile), text: item.text, signName: item.sign, extendCode: item.extend, at: new Date(item.time * 1000) };
}

