import { Agent, type Dispatcher } from 'undici';

/**
 * Why a request got no answer. The first four happen before anything is written to the
 * platform: `connect-refused`, `dns` (the name did not resolve), `connect-timeout` and
 * `unreachable` (no route). The rest happen, or may happen, after the request was written:
 * `response-timeout` (no headers, or a stalled body), `connection-lost` (the connection closed
 * or reset before the full answer) and `other`.
 */
export type TransportFailure = 'connect-refused' | 'dns' | 'connect-timeout' | 'unreachable' | 'response-timeout' | 'connection-lost' | 'other';

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

const AFTER_WRITE: Readonly<Record<string, TransportFailure>> = {
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
  /** How long to wait for the answer's headers, and between chunks of its body, in ms. */
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
  private readonly dispatcher: Dispatcher;
  private readonly owned: Agent | undefined;
  private readonly timeoutMs: number;

  constructor(options: HttpTransportOptions) {
    const url = new URL(options.baseUrl);
    this.origin = url.origin;
    this.prefix = url.pathname.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs;
    this.owned = options.dispatcher
      ? undefined
      : new Agent({
          connections: options.connections,
          connect: { timeout: options.connectTimeoutMs },
          headersTimeout: options.timeoutMs,
          bodyTimeout: options.timeoutMs,
          maxResponseSize: MAX_ANSWER_BYTES,
        });
    this.dispatcher = options.dispatcher ?? (this.owned as Agent);
  }

  /** The full URL of an endpoint path. */
  urlOf(path: string): string {
    return `${this.origin}${this.prefix}${path}`;
  }

  /**
   * POSTs `body` (JSON text, unless `headers` names another `content-type`) with `headers`;
   * throws the HTTP layer's error when no full answer came.
   */
  async post(options: { path: string; headers: Record<string, string>; body: string }): Promise<HttpAnswer> {
    const response = await this.dispatcher.request({
      origin: this.origin,
      path: `${this.prefix}${options.path}`,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: options.body,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
    const text = await response.body.text();
    return { status: response.statusCode, retryAfterMs: retryAfterOf(response.headers['retry-after']), text };
  }

  /** Closes the client's own connections (a dispatcher passed in is left open). */
  async close(): Promise<void> {
    await this.owned?.close();
  }
}

function retryAfterOf(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  return Number(text.trim()) * 1000;
}
