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
/** The wire body of a receipt query. @throws {@link SmsError} 40004 for a malformed query. */
export declare function receiptQueryBody(input: ReceiptQueryInput): Record<string, string>;
/** The wire body of a statistics query. @throws {@link SmsError} 40004 for a malformed query. */
export declare function statisticsBody(input: StatisticsInput): Record<string, string | number>;
/** The page a statistics answer holds. */
export declare function readStatistics(answer: {
    data: unknown;
    body: Record<string, unknown>;
}): StatisticsPage;
/** The balances a balance answer holds. */
export declare function readBalance(data: unknown): BalanceEntry[];
