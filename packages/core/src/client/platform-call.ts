import { setTimeout as sleep } from 'node:timers/promises';
import { isSmsError, SmsError } from '../errors.js';
import { generateNonce } from '../nonce.js';
import { signChecked } from '../sign.js';
import type { SignMethod } from '../sign-method.js';
import { backoffDelay, type RetryPolicy } from './backoff.js';
import { CallTelemetry, errorTypeOf } from './call-telemetry.js';
import type { CallOutcome, ClientEndpoint, ClientObserver } from './events.js';
import type { Pacer, Release } from './pacing.js';
import { classifyTransportError, type HttpAnswer, type HttpTransport, type TransportFailure } from './transport.js';

/** What an {@link SmsError} from a call carries in `details`. */
export interface CallFailureDetails {
  /** Whether the platform may have acted on the request (`unknown`) or surely did not (`failed`). */
  outcome: CallOutcome;
  /** Attempts made. */
  attempts: number;
  /** The HTTP-layer failure, when there was no answer. */
  transport?: TransportFailure;
  /** The HTTP status, when an answer came. */
  httpStatus?: number;
  /** The send's business id, for reconciling an `unknown` outcome through receipts. */
  bid?: string;
}

/** One call to make. */
export interface CallSpec {
  endpoint: ClientEndpoint;
  path: string;
  /** The JSON body's fields (strings and numbers only; never an empty field). */
  body: Record<string, string | number>;
  /**
   * Whether a request that may have reached the platform can be sent again. False for sends:
   * the platform has no idempotency key, so a repeat could deliver the message twice.
   */
  repeatable: boolean;
  /** Whether to sign it (every endpoint but the health probe). */
  signed: boolean;
  bid?: string;
  phones?: number;
  /**
   * Whether a 200 answer must carry `data.msgId` (sends): one without it is an odd answer to a
   * request that was written, so its outcome is unknown.
   */
  expectMsgId?: boolean;
  /** Ends the call early: before the request leaves it fails; during the exchange a send ends `unknown`. */
  signal?: AbortSignal;
}

/** A successful answer (code 200). */
export interface PlatformAnswer {
  /** The answer's `data`. */
  data: unknown;
  /** The whole answer. */
  body: Record<string, unknown>;
  /** The platform's requestId, when it sent one. */
  requestId?: string;
}

/** What a {@link PlatformCaller} needs. */
export interface PlatformCallerOptions {
  transport: HttpTransport;
  /** Checked once by the client (non-empty); not checked again on every request. */
  apiKey: string;
  /** Checked once by the client (non-empty); not checked again on every request. */
  accessKey: string;
  /** Checked once by the client (a supported method). */
  signMethod: SignMethod;
  now: () => number;
  policy: RetryPolicy;
  observer: ClientObserver;
  /** The pacers a request to an endpoint passes, in order. */
  pacersOf: (endpoint: ClientEndpoint) => readonly Pacer[];
}

/** One attempt's end: an answer, or why none came. */
type Attempt = { ok: true; answer: PlatformAnswer; httpStatus: number } | { ok: false; error: SmsError; retryable: boolean; outcome: CallOutcome; retryAfterMs?: number };

/**
 * Makes calls: paces, signs (a fresh nonce and timestamp for every attempt), sends, reads the
 * answer and retries only where a repeat cannot send a message twice.
 */
export class PlatformCaller {
  constructor(private readonly options: PlatformCallerOptions) {}

  /**
   * The answer to `spec`.
   *
   * @throws {@link SmsError} with {@link CallFailureDetails} when the platform answered an error
   *   code, no answer came, or the answer was unreadable.
   */
  async call(spec: CallSpec): Promise<PlatformAnswer> {
    const telemetry = new CallTelemetry({ endpoint: spec.endpoint, path: spec.path, url: () => this.options.transport.urlOf(spec.path), ...(spec.phones === undefined ? {} : { phones: spec.phones }) });
    try {
      const answer = await this.attempts(spec, telemetry);
      telemetry.finished();
      return answer;
    } catch (error) {
      telemetry.finished(error);
      throw error;
    }
  }

  private async attempts(spec: CallSpec, telemetry: CallTelemetry): Promise<PlatformAnswer> {
    const { policy, observer } = this.options;
    const base = spec.bid === undefined ? {} : { bid: spec.bid };
    for (let attempt = 1; ; attempt++) {
      const releases: Release[] = [];
      let result: Attempt;
      try {
        try {
          for (const pacer of this.options.pacersOf(spec.endpoint)) releases.push(await pacer.acquire(spec.signal));
          spec.signal?.throwIfAborted();
        } catch (thrown) {
          if (spec.signal?.aborted !== true) throw thrown;
          throw this.abortedBeforeSending({ spec, attempt });
        }
        observer.request({ endpoint: spec.endpoint, attempt, ...base, ...(spec.phones === undefined ? {} : { phones: spec.phones }) });
        telemetry.attempt(attempt);
        result = await this.attempt(spec, attempt);
        telemetry.attemptEnded(result.ok ? { code: 200, httpStatus: result.httpStatus } : { code: result.error.code, httpStatus: callFailureOf(result.error)?.httpStatus, outcome: result.outcome, errorType: errorTypeOf(result.error) });
      } finally {
        for (const release of releases) release();
      }
      if (result.ok) return result.answer;
      const { error } = result;
      const delay = attempt > policy.retries || !result.retryable ? undefined : this.delayFor({ retry: attempt, retryAfterMs: result.retryAfterMs });
      if (delay === undefined) {
        observer.error({ endpoint: spec.endpoint, attempt, ...base, error, outcome: result.outcome });
        throw error;
      }
      observer.retry({ endpoint: spec.endpoint, attempt, ...base, error, delayMs: delay });
      telemetry.retry(error);
      try {
        await sleep(delay, undefined, spec.signal === undefined ? undefined : { signal: spec.signal });
      } catch {
        // Aborted between attempts: every attempt so far was refused or never arrived.
        throw this.abortedBeforeSending({ spec, attempt: attempt + 1 });
      }
    }
  }

  private delayFor(options: { retry: number; retryAfterMs: number | undefined }): number | undefined {
    const delay = backoffDelay({ retry: options.retry, policy: this.options.policy });
    if (options.retryAfterMs === undefined) return delay;
    // A server-advised wait longer than the policy allows is not waited for.
    return options.retryAfterMs > this.options.policy.maxDelayMs ? undefined : Math.max(delay, options.retryAfterMs);
  }

  private headersOf(spec: CallSpec): Record<string, string> {
    if (!spec.signed) return {};
    const o = this.options;
    const timestamp = o.now();
    if (!Number.isInteger(timestamp) || timestamp < 1e12 || timestamp >= 1e13) {
      throw new SmsError({ code: 40004, message: `The clock gave ${timestamp}, not 13 digits of milliseconds.`, hint: 'Pass a now() that returns Date.now()-style milliseconds.', retryable: false });
    }
    // The keys and method were checked once, in the client's constructor.
    const signed = signChecked({ apiKey: o.apiKey, accessKey: o.accessKey, body: spec.body, method: o.signMethod, nonce: generateNonce(), timestamp, dialect: 'skip-empty' });
    return { ...signed.headers };
  }

  private async attempt(spec: CallSpec, attempt: number): Promise<Attempt> {
    const o = this.options;
    const headers = this.headersOf(spec);
    const started = performance.now();
    let answer: HttpAnswer;
    try {
      answer = await o.transport.post({ path: spec.path, headers, body: JSON.stringify(spec.body), ...(spec.signal === undefined ? {} : { signal: spec.signal }) });
    } catch (thrown) {
      return this.noAnswer({ spec, attempt, thrown });
    }
    const ms = performance.now() - started;
    const body = parseAnswer(answer.text);
    const requestId = typeof body?.requestId === 'string' ? body.requestId : undefined;
    const code = codeOf(body?.code);
    if (body === undefined || code === undefined) return this.unreadable({ spec, attempt, answer });
    o.observer.response({ endpoint: spec.endpoint, attempt, ...(spec.bid === undefined ? {} : { bid: spec.bid }), code, httpStatus: answer.status, ...(requestId === undefined ? {} : { requestId }), ms });
    if (code === 200 && spec.expectMsgId === true && msgIdOf(body.data) === undefined) return this.withoutMsgId({ spec, attempt, answer, requestId });
    if (code === 200) return { ok: true, answer: { data: body.data, body, ...(requestId === undefined ? {} : { requestId }) }, httpStatus: answer.status };
    const message = typeof body?.message === 'string' && body.message !== '' ? body.message : undefined;
    const details: CallFailureDetails = { outcome: 'failed', attempts: attempt, httpStatus: answer.status, ...(spec.bid === undefined ? {} : { bid: spec.bid }) };
    const error = new SmsError({ code, ...(message === undefined ? {} : { message }), ...(requestId === undefined ? {} : { requestId }), details });
    // An error code is the platform saying it did not take the request: a retryable one may be repeated.
    return { ok: false, error, retryable: error.retryable, outcome: 'failed', ...(answer.retryAfterMs === undefined ? {} : { retryAfterMs: answer.retryAfterMs }) };
  }

  private noAnswer(options: { spec: CallSpec; attempt: number; thrown: unknown }): Attempt {
    const { spec, attempt } = options;
    const { failure, mayHaveReached } = classifyTransportError(options.thrown);
    const outcome: CallOutcome = mayHaveReached && !spec.repeatable ? 'unknown' : 'failed';
    const details: CallFailureDetails = { outcome, attempts: attempt, transport: failure, ...(spec.bid === undefined ? {} : { bid: spec.bid }) };
    const where = this.options.transport.urlOf(spec.path);
    const message = mayHaveReached
      ? outcome === 'unknown'
        ? `No answer from ${where} after the request was written (${failure}): the platform may or may not have accepted it. Not retried, so nothing is sent twice.`
        : `No answer from ${where} after the request was written (${failure}).`
      : `The request never reached ${where} (${failure}).`;
    const hint =
      outcome === 'unknown'
        ? `Reconcile through receipts: query or track them by bid${spec.bid === undefined ? '' : ` "${spec.bid}"`} before sending again.`
        : 'Check the network path to the platform (DNS, firewall, proxy) and the baseUrl.';
    const error = new SmsError({ code: -1, message, hint, cause: options.thrown, details, retryable: outcome === 'failed' });
    // Never-reached is safe to repeat for every endpoint; reached-maybe only for queries.
    return { ok: false, error, retryable: !mayHaveReached || spec.repeatable, outcome };
  }

  /** A send's request whose writing was abandoned (aborted) before it left: nothing was sent. */
  private abortedBeforeSending(options: { spec: CallSpec; attempt: number }): SmsError {
    const { spec } = options;
    const details: CallFailureDetails = { outcome: 'failed', attempts: options.attempt - 1, ...(spec.bid === undefined ? {} : { bid: spec.bid }) };
    const error = new SmsError({ code: -1, message: `Aborted before the request to ${this.options.transport.urlOf(spec.path)} was sent: nothing was sent.`, cause: spec.signal?.reason, details, retryable: false });
    this.options.observer.error({ endpoint: spec.endpoint, attempt: options.attempt, ...(spec.bid === undefined ? {} : { bid: spec.bid }), error, outcome: 'failed' });
    return error;
  }

  /** A send answered 200 without a msgId: it was written and answered oddly, so it may or may not have been taken. */
  private withoutMsgId(options: { spec: CallSpec; attempt: number; answer: HttpAnswer; requestId: string | undefined }): Attempt {
    const { spec, attempt, requestId } = options;
    const details: CallFailureDetails = { outcome: 'unknown', attempts: attempt, httpStatus: options.answer.status, ...(spec.bid === undefined ? {} : { bid: spec.bid }) };
    const error = new SmsError({
      code: -1,
      message: `${this.options.transport.urlOf(spec.path)} answered code 200 without a msgId: the platform may or may not have accepted the send. Not retried, so nothing is sent twice.`,
      hint: `Reconcile through receipts: query or track them by bid${spec.bid === undefined ? '' : ` "${spec.bid}"`} before sending again.`,
      ...(requestId === undefined ? {} : { requestId }),
      details,
      retryable: false,
    });
    return { ok: false, error, retryable: false, outcome: 'unknown' };
  }

  private unreadable(options: { spec: CallSpec; attempt: number; answer: HttpAnswer }): Attempt {
    const { spec, attempt, answer } = options;
    // A gateway's 5xx page may come after the platform acted (502, 504), and so may a 2xx answer
    // that is not the platform's JSON; a 3xx or 4xx page did not reach the endpoint.
    const mayHaveReached = answer.status >= 500 || (answer.status >= 200 && answer.status < 300);
    const outcome: CallOutcome = mayHaveReached && !spec.repeatable ? 'unknown' : 'failed';
    const details: CallFailureDetails = { outcome, attempts: attempt, httpStatus: answer.status, ...(spec.bid === undefined ? {} : { bid: spec.bid }) };
    const message = `${this.options.transport.urlOf(spec.path)} answered HTTP ${answer.status} with a body that is not the platform's JSON${outcome === 'unknown' ? ': the platform may or may not have accepted the send' : ''}.`;
    const hint = 'Check the baseUrl and any proxy in between; the platform answers JSON with a numeric code.';
    const error = new SmsError({ code: -1, message, hint, details, retryable: mayHaveReached && spec.repeatable });
    return { ok: false, error, retryable: mayHaveReached && spec.repeatable, outcome, ...(answer.retryAfterMs === undefined ? {} : { retryAfterMs: answer.retryAfterMs }) };
  }
}

/** The answer's code: an integer, or digits in a string; anything else (null, "", 1.5) is unreadable. */
function codeOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^-?\d{1,9}$/.test(value)) return Number(value);
  return undefined;
}

/** `data.msgId` as text, when the answer carries one. */
export function msgIdOf(data: unknown): string | undefined {
  const value = typeof data === 'object' && data !== null ? (data as { msgId?: unknown }).msgId : undefined;
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

function parseAnswer(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The {@link CallFailureDetails} of an error thrown by a call, when it is one. */
export function callFailureOf(error: unknown): CallFailureDetails | undefined {
  if (!isSmsError(error) || typeof error.details !== 'object' || error.details === null) return undefined;
  const details = error.details as Partial<CallFailureDetails>;
  return details.outcome === 'failed' || details.outcome === 'unknown' ? (details as CallFailureDetails) : undefined;
}
