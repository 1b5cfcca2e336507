import { isSmsError, type SmsError } from '../errors.js';
import { recordTelemetry, startTelemetrySpan, type TelemetrySpan } from '../telemetry.js';
import type { CallOutcome, ClientEndpoint } from './events.js';

/** What one attempt ended with, as the telemetry reads it. */
export interface AttemptEnd {
  /** The platform code: 200 for success, the error's code otherwise. */
  code: number;
  /** The HTTP status, when an answer came. */
  httpStatus?: number;
  /** `undefined` for success. */
  outcome?: CallOutcome;
  /** For failures: the transport failure when no answer came, else the code (`error.type`). */
  errorType?: string;
}

const SENDS: ReadonlySet<ClientEndpoint> = new Set(['send', 'sendBatch']);

/**
 * The spans and metrics of one client call: an INTERNAL span `smskit.<endpoint>` for the call,
 * a CLIENT span `POST <path>` per attempt under it (the HTTP client conventions: method, URL,
 * server, status, resend count, `error.type`), and the call's counters once it is over. Only
 * counts, codes and endpoint names are recorded: never a number, a bid or a key.
 */
export class CallTelemetry {
  private readonly call: TelemetrySpan;
  private attemptSpan: TelemetrySpan | undefined;
  private attemptStarted = 0;
  private attempts = 0;

  constructor(private readonly spec: { endpoint: ClientEndpoint; path: string; url: () => string; phones?: number }) {
    this.call = startTelemetrySpan({ name: `smskit.${spec.endpoint}`, attributes: { 'smskit.endpoint': spec.endpoint, 'smskit.number_count': spec.phones } });
  }

  /** An attempt leaves (after pacing). */
  attempt(attempt: number): void {
    this.attempts = attempt;
    this.attemptStarted = performance.now();
    const span = startTelemetrySpan({ name: `POST ${this.spec.path}`, kind: 'client', parent: this.call });
    if (span.recording) {
      const url = new URL(this.spec.url());
      span.setAttributes({
        'http.request.method': 'POST',
        'url.full': url.href,
        'server.address': url.hostname,
        'server.port': Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
        'http.request.resend_count': attempt > 1 ? attempt - 1 : undefined,
        'smskit.endpoint': this.spec.endpoint,
        'smskit.attempt': attempt,
        'smskit.number_count': this.spec.phones,
      });
    }
    this.attemptSpan = span;
  }

  /** The attempt begun last has ended. */
  attemptEnded(end: AttemptEnd): void {
    const span = this.attemptSpan;
    this.attemptSpan = undefined;
    const outcome = end.outcome ?? 'ok';
    const attributes = { 'smskit.endpoint': this.spec.endpoint, 'smskit.outcome': outcome, 'smskit.code': end.code, 'error.type': end.errorType };
    recordTelemetry({ metric: 'smskit.client.attempt.duration', value: (performance.now() - this.attemptStarted) / 1000, attributes });
    if (span === undefined) return;
    span.setAttributes({ 'http.response.status_code': end.httpStatus, 'smskit.code': end.code, 'smskit.outcome': outcome });
    if (end.errorType !== undefined) span.fail(end.errorType);
    span.end();
  }

  /** The client will try again after `error`. */
  retry(error: SmsError): void {
    recordTelemetry({ metric: 'smskit.client.retries', attributes: { 'smskit.endpoint': this.spec.endpoint, 'error.type': errorTypeOf(error) } });
  }

  /** The call is over: `failure` is what it threw, `undefined` for success. */
  finished(failure?: unknown): void {
    const error = failure === undefined ? undefined : isSmsError(failure) ? failure : undefined;
    const outcome = failure === undefined ? 'ok' : outcomeOf(failure);
    const code = failure === undefined ? 200 : (error?.code ?? -1);
    const errorType = failure === undefined ? undefined : error ? errorTypeOf(error) : '_OTHER';
    const attributes = { 'smskit.endpoint': this.spec.endpoint, 'smskit.outcome': outcome, 'smskit.code': code, 'error.type': errorType };
    if (SENDS.has(this.spec.endpoint)) {
      recordTelemetry({ metric: 'smskit.client.sends', attributes });
      if (this.spec.phones !== undefined) recordTelemetry({ metric: 'smskit.client.numbers', value: this.spec.phones, attributes });
    }
    // An attempt that threw before its end was read (a bad clock) still ends, as failed.
    if (this.attemptSpan !== undefined) this.attemptEnded({ code, outcome: 'failed', errorType: errorType ?? '_OTHER' });
    this.call.setAttributes({ 'smskit.outcome': outcome, 'smskit.code': code, 'smskit.attempt_count': this.attempts });
    if (errorType !== undefined) this.call.fail(errorType);
    this.call.end();
  }
}

/**
 * `error.type` of a client error: the transport failure when no answer came (`response-timeout`,
 * `connect-refused`…), else the platform code as text (`-1` for an unreadable answer).
 */
export function errorTypeOf(error: SmsError): string {
  const details = error.details as { transport?: unknown } | undefined;
  return typeof details?.transport === 'string' ? details.transport : String(error.code);
}

function outcomeOf(failure: unknown): CallOutcome {
  const details = isSmsError(failure) ? (failure.details as { outcome?: unknown } | undefined) : undefined;
  return details?.outcome === 'unknown' ? 'unknown' : 'failed';
}
