import { SmsError } from '@smskit/core';
import type { ChannelReceipt } from '@smskit/core';
import { z } from 'zod';
import { receiptStateOf, routableNumber } from './receipts.js';

/** What Tencent expects in answer to a push it may stop repeating. */
export const TENCENT_PUSH_OK = { result: 0, errmsg: 'OK' } as const;

const beijingTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'must be "YYYY-MM-DD hh:mm:ss"');

/** One item of Tencent's receipt callback, as pushed. */
export const receiptPushItemSchema = z.object({
  user_receive_time: beijingTime,
  nationcode: z.string().regex(/^\+?\d{1,4}$/),
  mobile: z.string().regex(/^\d{3,15}$/),
  report_status: z.string().min(1).max(16),
  errmsg: z.string().max(64),
  description: z.string().max(256),
  sid: z.string().min(1).max(128),
});

/** Tencent's reply (uplink) callback, as pushed. */
export const replyPushSchema = z.object({
  extend: z.string().max(32),
  mobile: z.string().regex(/^\d{3,15}$/),
  nationcode: z.string().regex(/^\+?\d{1,4}$/),
  sign: z.string().max(64),
  text: z.string().max(2000),
  time: z.number().int().nonnegative(),
});

/** One item of the receipt callback. */
export type TencentReceiptPushItem = z.infer<typeof receiptPushItemSchema>;

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
  const parsed = z.array(receiptPushItemSchema).max(100_000).safeParse(body);
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
  const parsed = replyPushSchema.safeParse(body);
  if (!parsed.success) throw invalid('reply', parsed.error);
  const item = parsed.data;
  return { number: routableNumber(item.nationcode, item.mobile), text: item.text, signName: item.sign, extendCode: item.extend, at: new Date(item.time * 1000) };
}

