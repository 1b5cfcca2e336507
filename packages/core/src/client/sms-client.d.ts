import { type SmsClientOptions } from './options.js';
import { type BalanceEntry, type HealthStatus, type ReceiptQueryInput, type StatisticsInput, type StatisticsPage } from './queries.js';
import { type DeliveryReceipt } from './receipts.js';
import type { SendBatchInput, SendInput } from './send-input.js';
import { type SendResult } from './send-result.js';
/**
 * A typed client for the SMS platform API (SPEC §3): sends, batch sends, receipts, statistics,
 * balance and the health probe.
 *
 * - Inputs are typed (arrays, not pre-joined strings) and checked locally with core's rules
 *   before anything leaves: a mistake the platform would answer with 40004, 60002, 60003,
 *   60004, 60006, 60007 or 60008 throws the same {@link SmsError} here.
 * - More than 1000 numbers are de-duplicated and split into requests of at most 1000, sent
 *   with bounded concurrency; the {@link SendResult} reports every request.
 * - Requests are paced under the platform's limits; retries happen only where a repeat cannot
 *   send a message twice; a send without an answer is reported `unknown` with its `bid`.
 *
 * @example
 * ```ts
 * const client = new SmsClient({ apiKey, accessKey });
 * const result = await client.send({ phones: ['13800138000'], templateCode: '100001', params: ['123456'] });
 * console.log(result.msgIds);
 * await client.close();
 * ```
 */
export declare class SmsClient {
    private readonly transport;
    private readonly caller;
    private readonly pacers;
    private readonly plan;
    private readonly concurrency;
    private closed;
    /** @throws {@link SmsError} 40004 for a missing key, an unknown sign method, a bad baseUrl or a bad number option. */
    constructor(options: SmsClientOptions);
    /**
     * Sends one text to many numbers. Resolves when at least one request was accepted; check
     * `status`, `failedPhones` and `unknownPhones` for the rest.
     *
     * @throws {@link SmsError} locally, before anything is sent, for a mistake in the input;
     *   and when no request was accepted — the code of the first failure (or the unknown one),
     *   with every request's outcome in `details.result` (see {@link sendResultOf}).
     */
    send(input: SendInput): Promise<SendResult>;
    /**
     * Sends different values to each number (`/message/sendBatch`), as {@link SmsClient.send}
     * does otherwise.
     *
     * @throws {@link SmsError} as {@link SmsClient.send} does.
     */
    sendBatch(input: SendBatchInput): Promise<SendResult>;
    /**
     * Pulls delivery receipts (of the last 6 hours, at most 600 per call). The platform returns
     * each receipt ONCE: a call whose answer is lost (a timeout, a dropped connection) loses the
     * receipts in it, and a retry cannot bring them back. Pair pulling with pushes, or accept that
     * such messages stay without a receipt. Paced to 3 calls a minute.
     *
     * @throws {@link SmsError} 40004 locally for a malformed query; the platform's code otherwise.
     */
    queryReceipts(input?: ReceiptQueryInput): Promise<DeliveryReceipt[]>;
    /**
     * Daily send statistics. Paced to 4 calls a minute.
     *
     * @throws {@link SmsError} 40004 locally for malformed dates or paging; the platform's code otherwise.
     */
    statistics(input: StatisticsInput): Promise<StatisticsPage>;
    /**
     * The account's remaining balances. Paced to once per 15 s.
     *
     * @throws {@link SmsError} with the platform's code.
     */
    balance(): Promise<BalanceEntry[]>;
    /**
     * Probes `/health/info` as the vendor's network check does (unsigned). An answer with a code
     * other than 200 gives `up: false`.
     *
     * @throws {@link SmsError} (-1) when no answer came.
     */
    health(): Promise<HealthStatus>;
    /** Stops the client: waiting requests are rejected, kept-alive connections closed. */
    close(): Promise<void>;
    private assertOpen;
    private query;
    private run;
}
