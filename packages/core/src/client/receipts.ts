import { isDelivered, isReceiptStatus, parseArriveTime, type ReceiptStatus } from '../delivery.js';

/**
 * A delivery receipt, pulled (`queryReceipts`) or pushed. Shaped like the receipts
 * `@smskit/koa`'s push receiver hands over, so both feed a {@link ReceiptTracker} alike.
 */
export interface DeliveryReceipt {
  /** The msgId the send answered. */
  msgId: string;
  /** The recipient's number. */
  tel: string;
  /** The delivery state; a state the catalogue does not know is reported as `UNKNOWN`. */
  status: ReceiptStatus;
  /** The state exactly as the platform wrote it (`arrive` when pulled, `arriveResult` when pushed). */
  arriveResult: string;
  /** Whether the message reached the handset (only `DELIVRD` does). */
  delivered: boolean;
  /** `yyMMddHHmm`, Beijing time, as the platform wrote it. */
  arriveTime: string;
  /** The instant `arriveTime` names; absent when the platform wrote no valid time. */
  arrivedAt?: Date;
  /** The business id given at send time, when one was. */
  bid?: string;
}


function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : undefined;
}

/**
 * The receipts of a `/sms/arriveRes/qry` answer. Never throws: the platform returns each
 * receipt only once, so an odd entry is kept as best it can be rather than losing the rest.
 */
export function readPulledReceipts(data: unknown): DeliveryReceipt[] {
  if (!Array.isArray(data)) return [];
  const receipts: DeliveryReceipt[] = [];
  for (const entry of data as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const e = entry as Record<string, unknown>;
    const msgId = text(e.msgId);
    const tel = text(e.tel);
    if (msgId === undefined || tel === undefined) continue;
    const arriveResult = text(e.arrive) ?? text(e.arriveResult) ?? '';
    const status: ReceiptStatus = isReceiptStatus(arriveResult) ? arriveResult : 'UNKNOWN';
    const arriveTime = text(e.arriveTime) ?? '';
    const arrivedAt = instantOf(arriveTime);
    const bid = text(e.bid);
    receipts.push({
      msgId,
      tel,
      status,
      arriveResult,
      delivered: isDelivered(status),
      arriveTime,
      ...(arrivedAt === undefined ? {} : { arrivedAt }),
      ...(bid === undefined || bid === '' ? {} : { bid }),
    });
  }
  return receipts;
}

function instantOf(arriveTime: string): Date | undefined {
  try {
    return parseArriveTime(arriveTime);
  } catch {
    return undefined;
  }
}
