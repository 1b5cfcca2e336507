import { SmsError } from '../errors.js';
import { DEFAULT_SIGN_METHOD, isSignMethod } from '../sign-method.js';
import { ClientObserver } from './events.js';
import { DEFAULT_BASE_URL } from './options.js';
import { RequestPacer } from './pacer.js';
import { callFailureOf, PlatformCaller } from './platform-call.js';
import { readBalance, readStatistics, receiptQueryBody, statisticsBody, } from './queries.js';
import { readPulledReceipts } from './receipts.js';
import { planSend, planSendBatch } from './send-plan.js';
import { aggregate, nothingSentError, sentChunk, unsentChunk } from './send-result.js';
import { RateWindow } from './rate-window.js';
import { HttpTransport } from './transport.js';
const PATHS = {
    send: '/message/send',
    sendBatch: '/message/sendBatch',
    receipts: '/sms/arriveRes/qry',
    statistics: '/sms/send/statistics',
    balance: '/sms/residueValue/qry',
    health: '/health/info',
};
/** The query limits the platform documents (SPEC §3). */
const QUERY_LIMITS = {
    receipts: { limit: 3, windowMs: 60_000 },
    statistics: { limit: 4, windowMs: 60_000 },
    balance: { limit: 1, windowMs: 15_000 },
};
/** Codes that doom every request of a send alike: after one, the rest are not sent. */
const WHOLE_SEND_FAILURES = new Set([2000, 2001, 40002, 40006, 60001]);
function positive(value, options) {
    if (value === undefined)
        return options.fallback;
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value) || (options.integer && !Number.isInteger(value))) {
        throw new SmsError({ code: 40004, message: `${options.label} must be a ${options.integer ? 'whole ' : ''}number above 0, not ${String(value)}.` });
    }
    return value;
}
function retryPolicyOf(retry) {
    if (retry === false)
        return { retries: 0, minDelayMs: 0, maxDelayMs: 0 };
    const retries = retry?.retries ?? 3;
    if (!Number.isInteger(retries) || retries < 0)
        throw new SmsError({ code: 40004, message: `retry.retries must be a whole number ≥ 0, not ${String(retries)}.` });
    return {
        retries,
        minDelayMs: positive(retry?.minDelayMs, { label: 'retry.minDelayMs', fallback: 200 }),
        maxDelayMs: positive(retry?.maxDelayMs, { label: 'retry.maxDelayMs', fallback: 5000 }),
    };
}
function pacersOf(pacing, now) {
    const byEndpoint = new Map();
    if (pacing === false)
        return byEndpoint;
    const overall = [];
    if (pacing?.requestsPerSecond !== false) {
        const rps = positive(pacing?.requestsPerSecond, { label: 'pacing.requestsPerSecond', fallback: 300 });
        const burst = positive(pacing?.burst, { label: 'pacing.burst', fallback: 1, integer: true });
        // Even spacing gives the rate; the window bounds what reaches the platform in any second.
        const perWindow = Math.max(1, Math.floor(rps));
        overall.push(new RequestPacer({ limit: burst, windowMs: (burst * 1000) / rps, now }), new RateWindow({ limit: perWindow, windowMs: (perWindow * 1000) / rps, now }));
    }
    for (const endpoint of Object.keys(PATHS)) {
        const own = endpoint === 'receipts' || endpoint === 'statistics' || endpoint === 'balance' ? (pacing?.[endpoint] ?? QUERY_LIMITS[endpoint]) : false;
        // The endpoint's own (long) wait comes first, so it does not hold a slot of the overall rate.
        byEndpoint.set(endpoint, [...(own ? [new RateWindow({ ...own, now })] : []), ...overall]);
    }
    return byEndpoint;
}
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
export class SmsClient {
    transport;
    caller;
    pacers;
    plan;
    concurrency;
    closed = false;
    /** @throws {@link SmsError} 40004 for a missing key, an unknown sign method, a bad baseUrl or a bad number option. */
    constructor(options) {
        if (typeof options.apiKey !== 'string' || options.apiKey === '')
            throw new SmsError({ code: 40004, message: 'apiKey is required.', hint: 'Pass the apiKey shown in the console under 接口配置 → 接口信息.' });
        if (typeof options.accessKey !== 'string' || options.accessKey === '')
            throw new SmsError({ code: 40004, message: 'accessKey is required.', hint: 'Pass the accessKey shown in the console under 接口配置 → 接口信息.' });
        const signMethod = options.signMethod ?? DEFAULT_SIGN_METHOD;
        if (!isSignMethod(signMethod))
            throw new SmsError({ code: 40004, message: `Unsupported signMethod "${String(signMethod)}".` });
        const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
        if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
            throw new SmsError({ code: 40004, message: `baseUrl "${baseUrl}" is not an http(s) URL.` });
        }
        const now = options.now ?? (() => Date.now());
        this.concurrency = positive(options.concurrency, { label: 'concurrency', fallback: 8, integer: true });
        this.transport = new HttpTransport({
            baseUrl,
            timeoutMs: positive(options.timeoutMs, { label: 'timeoutMs', fallback: 10_000 }),
            connectTimeoutMs: positive(options.connectTimeoutMs, { label: 'connectTimeoutMs', fallback: 5000 }),
            connections: positive(options.connections, { label: 'connections', fallback: 32, integer: true }),
            ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
        });
        this.pacers = pacersOf(options.pacing, now);
        this.caller = new PlatformCaller({
            transport: this.transport,
            apiKey: options.apiKey,
            accessKey: options.accessKey,
            signMethod,
            now,
            policy: retryPolicyOf(options.retry),
            observer: new ClientObserver(options.hooks, options.logger),
            pacersOf: (endpoint) => this.pacers.get(endpoint) ?? [],
        });
        this.plan = { invalidPhones: options.invalidPhones ?? 'reject', templates: options.templates };
    }
    /**
     * Sends one text to many numbers. Resolves when at least one request was accepted; check
     * `status`, `failedPhones` and `unknownPhones` for the rest.
     *
     * @throws {@link SmsError} locally, before anything is sent, for a mistake in the input;
     *   and when no request was accepted — the code of the first failure (or the unknown one),
     *   with every request's outcome in `details.result` (see {@link sendResultOf}).
     */
    async send(input) {
        this.assertOpen();
        return this.run(planSend(input, this.plan));
    }
    /**
     * Sends different values to each number (`/message/sendBatch`), as {@link SmsClient.send}
     * does otherwise.
     *
     * @throws {@link SmsError} as {@link SmsClient.send} does.
     */
    async sendBatch(input) {
        this.assertOpen();
        return this.run(planSendBatch(input, this.plan));
    }
    /**
     * Pulls delivery receipts (of the last 6 hours, at most 600 per call). The platform returns
     * each receipt ONCE: a call whose answer is lost (a timeout, a dropped connection) loses the
     * receipts in it, and a retry cannot bring them back. Pair pulling with pushes, or accept that
     * such messages stay without a receipt. Paced to 3 calls a minute.
     *
     * @throws {@link SmsError} 40004 locally for a malformed query; the platform's code otherwise.
     */
    async queryReceipts(input = {}) {
        this.assertOpen();
        const answer = await this.query('receipts', receiptQueryBody(input));
        return readPulledReceipts(answer.data);
    }
    /**
     * Daily send statistics. Paced to 4 calls a minute.
     *
     * @throws {@link SmsError} 40004 locally for malformed dates or paging; the platform's code otherwise.
     */
    async statistics(input) {
        this.assertOpen();
        return readStatistics(await this.query('statistics', statisticsBody(input)));
    }
    /**
     * The account's remaining balances. Paced to once per 15 s.
     *
     * @throws {@link SmsError} with the platform's code.
     */
    async balance() {
        this.assertOpen();
        return readBalance((await this.query('balance', {})).data);
    }
    /**
     * Probes `/health/info` as the vendor's network check does (unsigned). An answer with a code
     * other than 200 gives `up: false`.
     *
     * @throws {@link SmsError} (-1) when no answer came.
     */
    async health() {
        this.assertOpen();
        try {
            const answer = await this.caller.call({ endpoint: 'health', path: PATHS.health, body: {}, repeatable: true, signed: false });
            return { up: true, data: answer.data, ...(answer.requestId === undefined ? {} : { requestId: answer.requestId }) };
        }
        catch (error) {
            // An answer of any kind means the platform is reachable but not well; no answer is a throw.
            if (!(error instanceof SmsError) || callFailureOf(error)?.httpStatus === undefined)
                throw error;
            return { up: false, data: undefined, ...(error.requestId === undefined ? {} : { requestId: error.requestId }) };
        }
    }
    /** Stops the client: waiting requests are rejected, kept-alive connections closed. */
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        for (const pacer of new Set([...this.pacers.values()].flat()))
            pacer.close();
        await this.transport.close();
    }
    assertOpen() {
        if (this.closed)
            throw new SmsError({ code: -1, message: 'The client is closed.', hint: 'Create a new SmsClient.', retryable: false });
    }
    query(endpoint, body) {
        return this.caller.call({ endpoint, path: PATHS[endpoint], body, repeatable: true, signed: true });
    }
    async run(plan) {
        const results = new Array(plan.chunks.length);
        let next = 0;
        let stop;
        const sendOne = async (chunk) => {
            if (stop)
                return unsentChunk(chunk, notAttempted(stop));
            try {
                const answer = await this.caller.call({ endpoint: plan.endpoint, path: PATHS[plan.endpoint], body: chunk.body(), repeatable: false, signed: true, bid: chunk.bid, phones: chunk.phones.length });
                return sentChunk(chunk, answer);
            }
            catch (error) {
                if (error instanceof SmsError && WHOLE_SEND_FAILURES.has(error.code) && callFailureOf(error)?.outcome === 'failed')
                    stop ??= error;
                return unsentChunk(chunk, error);
            }
        };
        const worker = async () => {
            while (next < plan.chunks.length) {
                const chunk = plan.chunks[next++];
                results[chunk.index] = await sendOne(chunk);
            }
        };
        await Promise.all(Array.from({ length: Math.min(this.concurrency, plan.chunks.length) }, worker));
        const result = aggregate({ chunks: results, invalid: plan.invalid, duplicates: plan.duplicates });
        if (result.status === 'failed' || result.status === 'unknown')
            throw nothingSentError(result);
        return result;
    }
}
function notAttempted(cause) {
    return new SmsError({
        code: cause.code,
        message: `Not sent: an earlier request of this send failed with ${cause.code} (${cause.message}), which every request would meet.`,
        hint: cause.hint,
        retryable: false,
        details: { outcome: 'failed', attempts: 0 },
    });
}
//# sourceMappingURL=sms-client.js.map