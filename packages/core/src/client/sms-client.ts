import { PLATFORM_ENDPOINTS } from '../endpoints.js';
import { SmsError } from '../errors.js';
import { DEFAULT_SIGN_METHOD, isSignMethod, type SignMethod } from '../sign-method.js';
import type { RetryPolicy } from './backoff.js';
import { ClientObserver, type ClientEndpoint } from './events.js';
import { DEFAULT_BASE_URL, type SmsClientOptions } from './options.js';
import { pacersOf, positive } from './pacers.js';
import type { Pacer } from './pacing.js';
import { callFailureOf, PlatformCaller, type PlatformAnswer } from './platform-call.js';
import {
  readBalance,
  readStatistics,
  receiptQueryBody,
  statisticsBody,
  type BalanceEntry,
  type CallOptions,
  type HealthStatus,
  type ReceiptQueryInput,
  type StatisticsInput,
  type StatisticsPage,
} from './queries.js';
import { readPulledReceipts, type DeliveryReceipt } from './receipts.js';
import type { SendBatchInput, SendInput, SendProgress } from './send-input.js';
import { planSend, planSendBatch, type PlanContext, type PlannedChunk, type SendPlan } from './send-plan.js';
import { aggregate, nothingSentError, sentChunk, unsentChunk, type ChunkResult, type SendResult } from './send-result.js';
import { HttpTransport } from './transport.js';

/** The query endpoints, which keep their own documented limits besides the overall rate. */
type QueryEndpoint = 'receipts' | 'statistics' | 'balance';

/** Codes that doom every request of a send alike: after one, the rest are not sent. */
const WHOLE_SEND_FAILURES: ReadonlySet<number> = new Set([2000, 2001, 40002, 40006, 60001]);

function retryPolicyOf(retry: SmsClientOptions['retry']): RetryPolicy {
  if (retry === false) return { retries: 0, minDelayMs: 0, maxDelayMs: 0 };
  const retries = retry?.retries ?? 3;
  if (!Number.isInteger(retries) || retries < 0) throw new SmsError({ code: 40004, message: `retry.retries must be a whole number ≥ 0, not ${String(retries)}.` });
  return {
    retries,
    minDelayMs: positive(retry?.minDelayMs, { label: 'retry.minDelayMs', fallback: 200 }),
    maxDelayMs: positive(retry?.maxDelayMs, { label: 'retry.maxDelayMs', fallback: 5000 }),
  };
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
  private readonly transport: HttpTransport;
  private readonly caller: PlatformCaller;
  private readonly pacers: Map<ClientEndpoint, Pacer[]>;
  private readonly plan: PlanContext;
  private readonly concurrency: number;
  private closed = false;

  /** @throws {@link SmsError} 40004 for a missing key, an unknown sign method, a bad baseUrl, a bad number option or the old `dispatcher` option. */
  constructor(options: SmsClientOptions) {
    // Ignoring it would send around the caller's proxy: the option was renamed, not dropped.
    if ((options as { dispatcher?: unknown }).dispatcher !== undefined) {
      throw new SmsError({ code: 40004, message: 'The dispatcher option (an undici dispatcher) is gone: the client speaks node:http now.', hint: 'Pass a node:http Agent as agent instead (a proxy agent built on http.Agent, or an https.Agent).' });
    }
    if (typeof options.apiKey !== 'string' || options.apiKey === '') throw new SmsError({ code: 40004, message: 'apiKey is required.', hint: 'Pass the apiKey shown in the console under 接口配置 → 接口信息.' });
    if (typeof options.accessKey !== 'string' || options.accessKey === '') throw new SmsError({ code: 40004, message: 'accessKey is required.', hint: 'Pass the accessKey shown in the console under 接口配置 → 接口信息.' });
    const signMethod: SignMethod = options.signMethod ?? DEFAULT_SIGN_METHOD;
    if (!isSignMethod(signMethod)) throw new SmsError({ code: 40004, message: `Unsupported signMethod "${String(signMethod)}".` });
    const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
    if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
      throw new SmsError({ code: 40004, message: `baseUrl "${baseUrl}" is not an http(s) URL.` });
    }
    const now = options.now ?? (() => Date.now());
    this.concurrency = positive(options.concurrency, { label: 'concurrency', fallback: 8, integer: true });
    const timeoutMs = positive(options.timeoutMs, { label: 'timeoutMs', fallback: 10_000 });
    this.transport = new HttpTransport({
      baseUrl,
      timeoutMs,
      // A connect still pending at the exchange's deadline fails as a connect timeout (nothing written).
      connectTimeoutMs: positive(options.connectTimeoutMs, { label: 'connectTimeoutMs', fallback: 5000 }),
      connections: positive(options.connections, { label: 'connections', fallback: 32, integer: true }),
      ...(options.agent === undefined ? {} : { agent: options.agent }),
    });
    this.pacers = pacersOf(options.pacing, { apiKey: options.apiKey, timeoutMs, now });
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
   * `status`, `failedPhones` and `unknownPhones` for the rest. Pass `onChunk` to follow a send
   * of many numbers request by request (see {@link SendCommon.onChunk}).
   *
   * @throws {@link SmsError} locally, before anything is sent, for a mistake in the input;
   *   and when no request was accepted — the code of the first failure (or the unknown one),
   *   with every request's outcome in `details.result` (see {@link sendResultOf}).
   */
  async send(input: SendInput): Promise<SendResult> {
    this.assertOpen();
    return this.run(planSend(input, this.plan));
  }

  /**
   * Sends different values to each number (`/message/sendBatch`), as {@link SmsClient.send}
   * does otherwise.
   *
   * @throws {@link SmsError} as {@link SmsClient.send} does.
   */
  async sendBatch(input: SendBatchInput): Promise<SendResult> {
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
  async queryReceipts(input: ReceiptQueryInput = {}, options: CallOptions = {}): Promise<DeliveryReceipt[]> {
    this.assertOpen();
    const answer = await this.query({ endpoint: 'receipts', body: receiptQueryBody(input), signal: options.signal });
    return readPulledReceipts(answer.data);
  }

  /**
   * Daily send statistics. Paced to 4 calls a minute.
   *
   * @throws {@link SmsError} 40004 locally for malformed dates or paging; the platform's code otherwise.
   */
  async statistics(input: StatisticsInput, options: CallOptions = {}): Promise<StatisticsPage> {
    this.assertOpen();
    return readStatistics(await this.query({ endpoint: 'statistics', body: statisticsBody(input), signal: options.signal }));
  }

  /**
   * The account's remaining balances. Paced to once per 15 s.
   *
   * @throws {@link SmsError} with the platform's code.
   */
  async balance(options: CallOptions = {}): Promise<BalanceEntry[]> {
    this.assertOpen();
    return readBalance((await this.query({ endpoint: 'balance', body: {}, signal: options.signal })).data);
  }

  /**
   * Probes `/health/info` as the vendor's network check does (unsigned). An answer with a code
   * other than 200 gives `up: false`.
   *
   * @throws {@link SmsError} (-1) when no answer came.
   */
  async health(options: CallOptions = {}): Promise<HealthStatus> {
    this.assertOpen();
    const { path, repeatable, signed } = PLATFORM_ENDPOINTS.health;
    try {
      const answer = await this.caller.call({ endpoint: 'health', path, body: {}, repeatable, signed, ...signalOf(options) });
      return { up: true, data: answer.data, ...(answer.requestId === undefined ? {} : { requestId: answer.requestId }) };
    } catch (error) {
      // An answer of any kind means the platform is reachable but not well; no answer is a throw.
      if (!(error instanceof SmsError) || callFailureOf(error)?.httpStatus === undefined) throw error;
      return { up: false, data: undefined, ...(error.requestId === undefined ? {} : { requestId: error.requestId }) };
    }
  }

  /** Stops the client: waiting requests are rejected, kept-alive connections closed. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const pacer of new Set([...this.pacers.values()].flat())) pacer.close();
    await this.transport.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new SmsError({ code: -1, message: 'The client is closed.', hint: 'Create a new SmsClient.', retryable: false });
  }

  private query(options: { endpoint: QueryEndpoint; body: Record<string, string | number>; signal: AbortSignal | undefined }): Promise<PlatformAnswer> {
    const { path, repeatable, signed } = PLATFORM_ENDPOINTS[options.endpoint];
    return this.caller.call({ endpoint: options.endpoint, path, body: options.body, repeatable, signed, ...signalOf(options) });
  }

  private async run(plan: SendPlan): Promise<SendResult> {
    const { path, repeatable, signed } = PLATFORM_ENDPOINTS[plan.endpoint];
    const results = new Array<ChunkResult>(plan.chunks.length);
    let next = 0;
    let stop: SmsError | undefined;
    const sendOne = async (chunk: PlannedChunk): Promise<ChunkResult> => {
      if (stop) return unsentChunk(chunk, notAttempted(stop));
      try {
        const answer = await this.caller.call({ endpoint: plan.endpoint, path, body: chunk.body(), repeatable, signed, bid: chunk.bid, phones: chunk.phones.length, expectMsgId: true, ...signalOf(plan) });
        return sentChunk(chunk, answer);
      } catch (error) {
        if (error instanceof SmsError && WHOLE_SEND_FAILURES.has(error.code) && callFailureOf(error)?.outcome === 'failed') stop ??= error;
        return unsentChunk(chunk, error);
      }
    };
    const progress = { done: 0, total: plan.chunks.length, phonesDone: 0, phonesTotal: plan.chunks.reduce((sum, chunk) => sum + chunk.phones.length, 0) };
    const worker = async (): Promise<void> => {
      while (next < plan.chunks.length) {
        const chunk = plan.chunks[next++] as PlannedChunk;
        const result = await sendOne(chunk);
        results[chunk.index] = result;
        progress.done += 1;
        progress.phonesDone += chunk.phones.length;
        reportChunk(plan, result, progress);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, plan.chunks.length) }, worker));
    const result = aggregate({ chunks: results, invalid: plan.invalid, duplicates: plan.duplicates });
    if (result.status === 'failed' || result.status === 'unknown') throw nothingSentError(result);
    return result;
  }
}

function signalOf(options: { signal?: AbortSignal | undefined }): { signal?: AbortSignal } {
  return options.signal === undefined ? {} : { signal: options.signal };
}

/** Hands a request's result to the caller's hook; a throwing hook must not cost the send its accounting. */
function reportChunk(plan: SendPlan, chunk: ChunkResult, progress: SendProgress): void {
  if (plan.onChunk === undefined) return;
  try {
    plan.onChunk(chunk, { ...progress });
  } catch {
    // Ignored by contract (see SendCommon.onChunk): the result is still in the SendResult.
  }
}

function notAttempted(cause: SmsError): SmsError {
  return new SmsError({
    code: cause.code,
    message: `Not sent: an earlier request of this send failed with ${cause.code} (${cause.message}), which every request would meet.`,
    hint: cause.hint,
    retryable: false,
    details: { outcome: 'failed', attempts: 0 },
  });
}
