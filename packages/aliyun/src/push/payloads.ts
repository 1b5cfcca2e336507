import type { ChannelReceipt } from '@smskit/core/provider';
import { AliyunError } from '../errors.js';

/** One item of Aliyun's `SmsReport` push: a delivery receipt. */
export interface AliyunReport {
  /** The number. */
  phone_number: string;
  /** When it was sent (`yyyy-MM-dd HH:mm:ss`, China Standard Time). */
  send_time: string;
  /** When the carrier reported. */
  report_time: string;
  /** Whether it was delivered. */
  success: boolean;
  /** The carrier's code (`DELIVERED`, or why not). */
  err_code: string;
  /** Its wording. */
  err_msg: string;
  /** How many SMS it took (Aliyun sends a string). */
  sms_size: string;
  /** The send's BizId. */
  biz_id: string;
  /** The OutId the send carried. */
  out_id?: string;
}

/** One item of Aliyun's `SmsUp` push: a reply from a handset. */
export interface AliyunReply {
  /** The sender's number. */
  phone_number: string;
  /** What they wrote. */
  content: string;
  /** When (`yyyy-MM-dd HH:mm:ss`, China Standard Time). */
  send_time: string;
  /** The extend code it was sent to (tells which signature it answers). */
  dest_code: string;
  /** Aliyun's id of the reply. */
  sequence_id: number;
}

/** The answer Aliyun wants for a push it should not repeat. */
export const ALIYUN_PUSH_OK = { code: 0, msg: '成功' } as const;

/** The most items smskit reads from one push; Aliyun batches far fewer. */
export const MAX_PUSH_ITEMS = 10_000;

const TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;

function invalid(message: string): AliyunError {
  return new AliyunError({ code: 'InvalidParameter', class: 'stop', message: `Aliyun push: ${message}` });
}

function itemsOf(body: unknown, kind: string): Record<string, unknown>[] {
  if (!Array.isArray(body)) throw invalid(`${kind} must be a JSON array.`);
  if (body.length > MAX_PUSH_ITEMS) throw invalid(`${kind} holds more than ${MAX_PUSH_ITEMS} items.`);
  return body.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw invalid(`${kind}[${i}] must be an object.`);
    return item as Record<string, unknown>;
  });
}

// Aliyun's own samples disagree on quoting these two: a number is read as its digits.
const NUMERIC = new Set(['sms_size', 'sequence_id']);

function text(item: Record<string, unknown>, field: string, check: { where: string; pattern?: RegExp }): string {
  const { where, pattern } = check;
  const value = item[field];
  const read = NUMERIC.has(field) && typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof read !== 'string' || (pattern !== undefined && !pattern.test(read))) throw invalid(`${where}.${field} is missing or malformed.`);
  return read;
}

/** Reads an `SmsReport` push body into typed receipts; throws {@link AliyunError} on a malformed one. */
export function parseSmsReport(body: unknown): AliyunReport[] {
  return itemsOf(body, 'SmsReport').map((item, i) => {
    const where = `SmsReport[${i}]`;
    const success = item.success;
    if (typeof success !== 'boolean') throw invalid(`${where}.success must be true or false.`);
    const outId = item.out_id;
    return {
      phone_number: text(item, 'phone_number', { where, pattern: /^\+?\d{5,20}$/ }),
      send_time: text(item, 'send_time', { where, pattern: TIME }),
      report_time: text(item, 'report_time', { where, pattern: TIME }),
      success,
      err_code: text(item, 'err_code', { where }),
      err_msg: text(item, 'err_msg', { where }),
      sms_size: text(item, 'sms_size', { where, pattern: /^\d+$/ }),
      biz_id: text(item, 'biz_id', { where, pattern: /^\S+$/ }),
      ...(typeof outId === 'string' && outId !== '' ? { out_id: outId } : {}),
    };
  });
}

/** Reads an `SmsUp` push body into typed replies; throws {@link AliyunError} on a malformed one. */
export function parseSmsUp(body: unknown): AliyunReply[] {
  return itemsOf(body, 'SmsUp').map((item, i) => {
    const where = `SmsUp[${i}]`;
    return {
      phone_number: text(item, 'phone_number', { where, pattern: /^\+?\d{5,20}$/ }),
      content: text(item, 'content', { where }),
      send_time: text(item, 'send_time', { where, pattern: TIME }),
      dest_code: typeof item.dest_code === 'string' ? item.dest_code : '',
      sequence_id: Number(text(item, 'sequence_id', { where, pattern: /^\d+$/ })),
    };
  });
}

/** The key that tells a repeated receipt from a new one: BizId and number (pushes repeat). */
export function reportDedupeKey(report: AliyunReport): string {
  return `aliyun:r:${report.biz_id}:${report.phone_number}`;
}

/** The key that tells a repeated reply from a new one. */
export function replyDedupeKey(reply: AliyunReply): string {
  return `aliyun:u:${reply.sequence_id}:${reply.phone_number}`;
}

/** A pushed receipt as the router's normalised receipt. */
export function receiptOfReport(report: AliyunReport, channel: string): ChannelReceipt {
  return {
    channel,
    messageId: report.biz_id,
    number: report.phone_number,
    state: report.success ? 'delivered' : 'failed',
    providerState: report.success ? 'DELIVERED' : 'FAILED',
    providerCode: report.err_code,
    ...(report.out_id === undefined ? {} : { idempotencyKey: report.out_id }),
    at: new Date(`${report.report_time.replace(' ', 'T')}+08:00`),
  };
}
