// Only types at the top: undici is loaded on the first request (see `ownAgent`), so that
// importing @smskit/core to sign or verify does not pay for the HTTP client.
import type { Agent, Dispatcher } from 'undici';

/**
 * Why a request got no answer. The first four happen before anything is written to the
 * platform: `connect-refused`, `dns` (the name did not resolve), `connect-timeout` and
 * `unreachable` (no route). The rest happen, or may happen, after the request was written:
 * `response-timeout` (no headers in time, a stalled body, or the whole answer not in by the
 * deadline), `connection-lost` (the connection closed or reset before the full answer),
 * `aborted` (the caller's `AbortSignal` fired during the exchange) and `other`.
 */
export type TransportFailure = 'connect-refused' | 'dns' | 'connect-timeout' | 'unreachable' | 'response-timeout' | 'connection-lost' | 'aborted' | 'other';

/** What a failure says about the request. */
export interface TransportFailureInfo {
  /** Which failure it was. */
  failure: TransportFailure;
  /** Whether the request may have reached the platform. */
  mayHaveReached: boolean;
}

const BEFORE_WRITE: Readonly<Record<string, TransportFailure>> = {
  ECONNREFUSED: 'connect-refused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  UND_ERR_CONNECT_TIMEOUT: 'connect-timeout',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
};

/** The code of the error an exchange ends with when it passes its deadline. */
const DEADLINE = 'SMSKIT_DEADLINE';
/** The code of the error an exchange ends with when the caller's signal aborts it. */
const ABORTED = 'SMSKIT_ABORTED';

const AFTER_WRITE: Readonly<Record<string, TransportFailure>> = {
  [DEADLINE]: 'response-timeout',
  [ABORTED]: 'aborted',
  UND_ERR_HEADERS_TIMEOUT: 'response-timeout',
  UND_ERR_BODY_TIMEOUT: 'response-timeout',
  UND_ERR_SOCKET: 'connection-lost',
  ECONNRESET: 'connection-lost',
  EPIPE: 'connection-lost',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'connection-lost',
};

function codesOf(error: unknown): string[] {
  if (typeof error !== 'object' || error === null) return [];
  const e = error as { code?: unknown; errors?: unknown; cause?: unknown };
  const own = typeof e.code === 'string' ? [e.code] : [];
  // Node reports a connection tried on several addresses (IPv4 and IPv6) as an AggregateError.
  const nested = Array.isArray(e.errors) ? e.errors.flatMap(codesOf) : [];
  return [...own, ...nested, ...(e.cause === undefined || e.cause === error ? [] : codesOf(e.cause))];
}

/**
 * Classifies an error of the HTTP layer. Only a failure known to happen before the request is
 * written counts as "never reached": anything else may have reached the platform.
 */
export function classifyTransportError(error: unknown): TransportFailureInfo {
  const codes = codesOf(error);
  for (const code of codes) {
    const before = BEFORE_WRITE[code];
    if (before) return { failure: before, mayHaveReached: false };
  }
  for (const code of codes) {
    const after = AFTER_WRITE[code];
    if (after) return { failure: after, mayHaveReached: true };
  }
  return { failure: 'other', mayHaveReached: true };
}

/** An HTTP answer, read in full. */
export interface HttpAnswer {
  /** The HTTP status. */
  status: number;
  /** The `Retry-After` header in ms, when present and a number of seconds. */
  retryAfterMs: number | undefined;
  /** The body as text. */
  text: string;
}

/** Where and how to POST. */
export interface HttpTransportOptions {
  /** The origin and optional path prefix every request goes to. */
  baseUrl: string;
  /** The most one exchange may take, from dispatch to the answer's last byte (also undici's per-gap timeouts). */
  timeoutMs: number;
  /** How long to wait for a connection, in ms. */
  connectTimeoutMs: number;
  /** Connections kept open to the origin. */
  connections: number;
  /** An undici dispatcher to use instead of the transport's own (left open by `close`). */
  dispatcher?: Dispatcher;
}

// Answers of this platform are small JSON documents; a larger one is not the platform.
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/**
 * POSTs JSON over undici with kept-alive connections. undici rather than the global `fetch`
 * because it is faster for many small requests (see `bench/client-http.ts`) and tells a
 * connect timeout from a response timeout by error code.
 */
export class HttpTransport {
  private readonly origin: string;
  private readonly prefix: string;
  private readonly given: Dispatcher | undefined;
  private readonly options: HttpTransportOptions;
  private owned: Promise<Agent> | undefined;
  private readonly timeoutMs: number;

  constructor(options: HttpTransportOptions) {
    const url = new URL(options.baseUrl);
    this.origin = url.origin;
    this.prefix = url.pathname.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs;
    this.options = options;
    this.given = options.dispatcher;
  }

  /** The client's own kept-alive connections, made (and undici loaded) on first use. */
  private ownAgent(): Promise<Agent> {
    const { connections, connectTimeoutMs, timeoutMs } = this.options;
    this.owned ??= import('undici').then(
      ({ Agent }) =>
        new Agent({
          connections,
          connect: { timeout: connectTimeoutMs },
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
          maxResponseSize: MAX_ANSWER_BYTES,
        }),
    );
    return this.owned;
  }

  /** The full URL of an endpoint path. */
  urlOf(path: string): string {
    return `${this.origin}${this.prefix}${path}`;
  }

  /**
   * POSTs `body` (JSON text, unless `headers` names another `content-type`) with `headers`;
   * throws the HTTP layer's error when no full answer came. The whole exchange has `timeoutMs`: undici's headers and body timeouts bound each
   * gap, so a server dripping one byte at a time would keep a request open forever without it.
   * `signal` ends the exchange early.
   */
  async post(options: { path: string; headers: Record<string, string>; body: string; signal?: AbortSignal }): Promise<HttpAnswer> {
    // undici is loaded (once) before the clock starts: loading it is not part of the exchange.
    const dispatcher = this.given ?? (await this.ownAgent());
    const exchange = new AbortController();
    const timer = setTimeout(() => exchange.abort(codedError(DEADLINE, `The answer was not complete within ${this.timeoutMs} ms.`)), this.timeoutMs);
    const caller = options.signal;
    // The caller's reason is not attached: a code on it must not make the exchange look unsent.
    const onCallerAbort = (): void => exchange.abort(codedError(ABORTED, 'The caller aborted the request.'));
    if (caller?.aborted) onCallerAbort();
    else caller?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      const response = await dispatcher.request({
        origin: this.origin,
        path: `${this.prefix}${options.path}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        body: options.body,
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
        signal: exchange.signal,
      });
      const text = await response.body.text();
      return { status: response.statusCode, retryAfterMs: retryAfterOf(response.headers['retry-after']), text };
    } catch (error) {
      // undici rejects with the abort reason; a dispatcher that does not (a mock) still ends here.
      throw exchange.signal.aborted ? exchange.signal.reason : error;
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    }
  }

  /** Closes the client's own connections (a dispatcher passed in is left open). */
  async close(): Promise<void> {
    if (this.owned) await (await this.owned).close();
  }
}

function codedError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

function retryAfterOf(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  return Number(text.trim()) * 1000;
}
