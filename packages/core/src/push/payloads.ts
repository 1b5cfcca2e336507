import type { DeliveryReceipt } from '../client/receipts.js';
import { isDelivered, isReceiptStatus, parseArriveTime, type ReceiptStatus } from '../delivery.js';
import { SmsError } from '../errors.js';
// Only types at the top: zod is loaded on the first push parsed (see `schemas`), so that
// importing @smskit/core to sign or verify does not pay for it.
import type { z } from 'zod';

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

/** Builds the push schemas with zod, once, when the first push is parsed. */
function buildSchemas({ z }: typeof import('zod')) {
  const arriveTime = z.string().regex(ARRIVE_TIME, 'must be yyMMddHHmm').refine(validArriveTime, 'is not a real yyMMddHHmm time');
  const short = z.string().min(1).max(64);

  const receipt = z.object({
    apiKey: short,
    data: z
      .array(
        z.object({
          msgId: short,
          tel: z.string().min(1).max(32),
          arriveResult: z.string().min(1).max(32),
          arriveTime,
          bid: z.string().max(64).nullish(),
        }),
      )
      .max(100_000),
  });

  const reply = z.object({
    apiKey: short,
    data: z
      .array(
        z.object({
          srcId: z.string().max(64),
          tel: z.string().min(1).max(32),
          content: z.string().max(2000),
          arriveTime,
        }),
      )
      .max(100_000),
  });
  return { receipt, reply };
}

let schemas: Promise<ReturnType<typeof buildSchemas>> | undefined;

function loadSchemas(): Promise<ReturnType<typeof buildSchemas>> {
  schemas ??= import('zod').then(buildSchemas);
  return schemas;
}

function invalid(kind: string, error: z.ZodError): SmsError {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
  return new SmsError({
    code: 40004,
    message: `Malformed ${kind} push: ${where} ${issue?.message ?? 'is invalid'}.`,
    hint: `A ${kind} push is {"apiKey": "...", "data": [...]} as SPEC §3 shows.`,
    details: error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}

/**
 * Checks a receipt push body (`{apiKey, data: [{msgId, tel, arriveResult, arriveTime, bid}]}`)
 * and returns its receipts, typed, with `arriveTime` parsed and `delivered` worked out.
 *
 * @throws `SmsError` (40004) naming the first field at fault (the promise rejects with it).
 */
export async function parseReceiptPush(body: unknown): Promise<Receipt[]> {
  const parsed = (await loadSchemas()).receipt.safeParse(body);
  if (!parsed.success) throw invalid('receipt', parsed.error);
  const { apiKey, data } = parsed.data;
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
  const parsed = (await loadSchemas()).reply.safeParse(body);
  if (!parsed.success) throw invalid('reply', parsed.error);
  const { apiKey, data } = parsed.data;
  return data.map((item) => ({
    apiKey,
    srcId: item.srcId,
    tel: item.tel,
    content: item.content,
    arriveTime: item.arriveTime,
    arrivedAt: parseArriveTime(item.arriveTime),
  }));
}
