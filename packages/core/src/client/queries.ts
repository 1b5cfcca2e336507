import { beijingDate } from '../beijing-time.js';
import { MAX_RECEIPT_QUERY_IDS } from '../endpoints.js';
import { SmsError } from '../errors.js';
import { assertBid } from '../rules/request.js';

/** Options of one call. */
export interface CallOptions {
  /** Ends the call early (waiting for its turn, for a retry, or for the answer). */
  signal?: AbortSignal;
}

/** What `queryReceipts` asks for; with neither field, every receipt waiting for the account. */
export interface ReceiptQueryInput {
  /** Only receipts of these msgIds (at most 600). */
  msgIds?: readonly string[];
  /** Only receipts of sends that carried this business id. */
  bid?: string;
}

/** What `statistics` asks for. */
export interface StatisticsInput {
  /** The first day, `yyyy-MM-dd` or a `Date` (its Beijing day). */
  startDate: string | Date;
  /** The last day, inclusive. */
  endDate: string | Date;
  /** The page, from 1. @defaultValue 1 */
  page?: number;
  /** Days per page, 1–50. @defaultValue 10 */
  pageSize?: number;
}

/** One day of statistics. */
export interface DailyStatistics {
  /** `yyyy-MM-dd`. */
  sendDate: string;
  /** Messages sent. */
  totalCount: number;
  /** Messages delivered. */
  successCount: number;
  /** Messages not delivered. */
  failCount: number;
  /** Messages without a receipt yet. */
  noReceiptCount: number;
}

/** A page of statistics. */
export interface StatisticsPage {
  /** The days of this page. */
  days: DailyStatistics[];
  /** How many days the whole range has. */
  totalSize: number;
}

/** One balance of the account. */
export interface BalanceEntry {
  /** `行业短信` (industry: notifications and codes), `会员短信` (member) or `推广短信` (marketing). */
  itemName: string;
  /** What is left. */
  residueValue: number;
}

/** What the health probe answered. */
export interface HealthStatus {
  /** Whether the platform answered code 200. */
  up: boolean;
  /** The answer's `data`, as sent. */
  data: unknown;
  /** The platform's requestId, when it sent one. */
  requestId?: string;
}

function invalid(message: string): SmsError {
  return new SmsError({ code: 40004, message });
}

/** The wire body of a receipt query. @throws {@link SmsError} 40004 for a malformed query. */
export function receiptQueryBody(input: ReceiptQueryInput): Record<string, string> {
  const body: Record<string, string> = {};
  if (input.msgIds !== undefined) {
    if (!Array.isArray(input.msgIds)) throw invalid('msgIds must be an array of msgIds.');
    const ids: unknown[] = input.msgIds;
    const bad = ids.findIndex((id) => typeof id !== 'string' || !/^[^,\s]{1,64}$/.test(id));
    if (bad >= 0) throw invalid(`msgIds[${bad}] is not a msgId (1–64 characters, no comma or space).`);
    if (ids.length > MAX_RECEIPT_QUERY_IDS) throw invalid(`msgIds lists ${ids.length} ids; one query takes at most ${MAX_RECEIPT_QUERY_IDS}.`);
    if (ids.length > 0) body.msgId = ids.join(',');
  }
  const bid = assertBid(input.bid);
  if (bid !== undefined) body.bid = bid;
  return body;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayOf(value: unknown, label: string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw invalid(`${label} is an invalid Date.`);
    return beijingDate(value.getTime());
  }
  // A month 13 makes an invalid Date, whose toISOString throws: test the time before the text.
  const time = typeof value === 'string' && DAY.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (typeof value !== 'string' || time === undefined || Number.isNaN(time.getTime()) || !time.toISOString().startsWith(value)) {
    throw invalid(`${label} must be a real day written yyyy-MM-dd, or a Date.`);
  }
  return value;
}

function whole(value: unknown, options: { label: string; min: number; max: number; fallback: number }): number {
  if (value === undefined) return options.fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < options.min || value > options.max) {
    throw invalid(`${options.label} must be a whole number from ${options.min} to ${options.max}.`);
  }
  return value;
}

/** The wire body of a statistics query. @throws {@link SmsError} 40004 for a malformed query. */
export function statisticsBody(input: StatisticsInput): Record<string, string | number> {
  const startDate = dayOf(input.startDate, 'startDate');
  const endDate = dayOf(input.endDate, 'endDate');
  if (startDate > endDate) throw invalid(`startDate ${startDate} is after endDate ${endDate}.`);
  const page = whole(input.page, { label: 'page', min: 1, max: 1_000_000, fallback: 1 });
  const pageSize = whole(input.pageSize, { label: 'pageSize', min: 1, max: 50, fallback: 10 });
  return { startDate, endDate, page, pageSize };
}

function count(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

/** The page a statistics answer holds. */
export function readStatistics(answer: { data: unknown; body: Record<string, unknown> }): StatisticsPage {
  const rows = Array.isArray(answer.data) ? (answer.data as unknown[]) : [];
  const days = rows
    .filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null)
    .map((row) => ({
      sendDate: String(row.sendDate ?? ''),
      totalCount: count(row.totalCount),
      successCount: count(row.successCount),
      failCount: count(row.failCount),
      noReceiptCount: count(row.noReceiptCount),
    }));
  return { days, totalSize: count(answer.body.totalSize ?? days.length) };
}

/** The balances a balance answer holds. */
export function readBalance(data: unknown): BalanceEntry[] {
  const rows = Array.isArray(data) ? (data as unknown[]) : [];
  return rows
    .filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null && typeof (row as { itemName?: unknown }).itemName === 'string')
    .map((row) => ({ itemName: row.itemName as string, residueValue: count(row.residueValue) }));
}
