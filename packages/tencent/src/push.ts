// The provider entry: what a provider package builds on, without the rest of core.
import { checkPushShape, malformedPushError, pushShape, type ChannelReceipt, type PushShape } from '@smskit/core/provider';
import { receiptStateOf, routableNumber } from './receipts.js';

/** What Tencent expects in answer to a push it may stop repeating. */
export const TENCENT_PUSH_OK = { result: 0, errmsg: 'OK' } as const;

const nationcode = pushShape.text({ pattern: /^\+?\d{1,4}$/ });
const mobile = pushShape.text({ pattern: /^\d{3,15}$/ });

/** Tencent's receipt callback: an array of items; keys an item does not name are tolerated. */
const receiptPush = pushShape.list(
  pushShape.record({
    user_receive_time: pushShape.text({ pattern: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, patternMessage: 'must be "YYYY-MM-DD hh:mm:ss"' }),
    nationcode,
    mobile,
    report_status: pushShape.text({ min: 1, max: 16 }),
    errmsg: pushShape.text({ max: 64 }),
    description: pushShape.text({ max: 256 }),
    sid: pushShape.text({ min: 1, max: 128 }),
  }),
  { max: 100_000 },
);

/** Tencent's reply callback: one object; keys it does not name are tolerated. */
const replyPush = pushShape.record({
  extend: pushShape.text({ max: 32 }),
  mobile,
  nationcode,
  sign: pushShape.text({ max: 64 }),
  text: pushShape.text({ max: 2000 }),
  time: pushShape.integer({ min: 0 }),
});

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

/** The callback, checked, or the 40004 naming its first fault. */
function checked<T>(body: unknown, shape: PushShape<T>, kind: 'receipt' | 'reply'): T {
  const result = checkPushShape(body, shape);
  if (!result.ok) throw malformedPushError({ push: `Tencent ${kind}`, issues: result.issues, hint: `See Tencent's ${kind} callback format (短信回调).` });
  return result.value;
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
  return checked(body, receiptPush, 'receipt').map((item) => {
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
  const item = checked(body, replyPush, 'reply');
  return { number: routableNumber(item.nationcode, item.mobile), text: item.text, signName: item.sign, extendCode: item.extend, at: new Date(item.time * 1000) };
}

