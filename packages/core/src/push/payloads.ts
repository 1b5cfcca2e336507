import type { DeliveryReceipt } from '../client/receipts.js';
import { isDelivered, isReceiptStatus, parseArriveTime, type ReceiptStatus } from '../delivery.js';
import { checkPushShape, malformedPushError, pushShape, type PushShape } from './shape.js';

/**
 * A delivery receipt pushed by the platform (SPEC §3), checked and typed: a
 * {@link DeliveryReceipt} (the same shape `queryReceipts` returns, so both feed a
 * `ReceiptTracker` alike) with the apiKey it was pushed for and a valid `arrivedAt`.
 */
export interface Receipt extends DeliveryReceipt {
  /** The apiKey the push was for. */
  apiKey: string;
  /** The instant `arriveTime` names. */
  arrivedAt: Date;
}

/** An uplink message (a reply from a handset) pushed by the platform (SPEC §3). */
export interface Reply {
  /** The apiKey the push was for. */
  apiKey: string;
  /** The access number the reply was sent to (may hold the extension code). */
  srcId: string;
  /** The sender's number. */
  tel: string;
  /** What the sender wrote. */
  content: string;
  /** `yyMMddHHmm`, Beijing time, as pushed. */
  arriveTime: string;
  /** The instant `arriveTime` names. */
  arrivedAt: Date;
}

const ARRIVE_TIME = /^\d{10}$/;

function validArriveTime(text: string): boolean {
  try {
    parseArriveTime(text);
    return true;
  } catch {
    return false;
  }
}

const arriveTime = pushShape.text({ pattern: ARRIVE_TIME, patternMessage: 'must be yyMMddHHmm', valid: validArriveTime, validMessage: 'is not a real yyMMddHHmm time' });
const short = pushShape.text({ min: 1, max: 64 });
const tel = pushShape.text({ min: 1, max: 32 });

/** A receipt push (SPEC §3); keys it does not name are tolerated, and left out of the receipts. */
const receiptPush = pushShape.record({
  apiKey: short,
  data: pushShape.list(
    pushShape.record({
      msgId: short,
      tel,
      arriveResult: pushShape.text({ min: 1, max: 32 }),
      arriveTime,
      bid: pushShape.nullish(pushShape.text({ max: 64 })),
    }),
    { max: 100_000 },
  ),
});

/** An uplink push (SPEC §3); keys it does not name are tolerated, and left out of the replies. */
const replyPush = pushShape.record({
  apiKey: short,
  data: pushShape.list(
    pushShape.record({
      srcId: pushShape.text({ max: 64 }),
      tel,
      content: pushShape.text({ max: 2000 }),
      arriveTime,
    }),
    { max: 100_000 },
  ),
});

/** The push, checked, or the 40004 naming its first fault. */
function checked<T>(body: unknown, shape: PushShape<T>, kind: 'receipt' | 'reply'): T {
  const result = checkPushShape(body, shape);
  if (!result.ok) throw malformedPushError({ push: kind, issues: result.issues, hint: `A ${kind} push is {"apiKey": "...", "data": [...]} as SPEC §3 shows.` });
  return result.value;
}

/**
 * Checks a receipt push body (`{apiKey, data: [{msgId, tel, arriveResult, arriveTime, bid}]}`)
 * and returns its receipts, typed, with `arriveTime` parsed and `delivered` worked out.
 *
 * @throws `SmsError` (40004) naming the first field at fault (the promise rejects with it).
 */
export async function parseReceiptPush(body: unknown): Promise<Receipt[]> {
  const { apiKey, data } = checked(body, receiptPush, 'receipt');
  return data.map((item) => {
    const status: ReceiptStatus = isReceiptStatus(item.arriveResult) ? item.arriveResult : 'UNKNOWN';
    const receipt: Receipt = {
      apiKey,
      msgId: item.msgId,
      tel: item.tel,
      status,
      arriveResult: item.arriveResult,
      delivered: isDelivered(status),
      arriveTime: item.arriveTime,
      arrivedAt: parseArriveTime(item.arriveTime),
    };
    if (item.bid) receipt.bid = item.bid;
    return receipt;
  });
}

/**
 * Checks an uplink push body (`{apiKey, data: [{srcId, tel, content, arriveTime}]}`) and
 * returns its replies, typed, with `arriveTime` parsed.
 *
 * @throws `SmsError` (40004) naming the first field at fault (the promise rejects with it).
 */
export async function parseReplyPush(body: unknown): Promise<Reply[]> {
  const { apiKey, data } = checked(body, replyPush, 'reply');
  return data.map((item) => ({
    apiKey,
    srcId: item.srcId,
    tel: item.tel,
    content: item.content,
    arriveTime: item.arriveTime,
    arrivedAt: parseArriveTime(item.arriveTime),
  }));
}
