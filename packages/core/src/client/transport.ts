// Only types at the top: node:http and node:https load on the first request (see `connection`),
// so that importing @smskit/core to sign or verify does not pay for them (node:https sets up TLS).
import type { Agent, ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import type { Socket } from 'node:net';
import { SmsError } from '../errors.js';

/**
 * Why a request got no answer. The first four happen before anything is written to the
 * platform: `connect-refused`, `dns` (the name did not resolve), `connect-timeout` (no
 * connection within `connectTimeoutMs`, or none yet when the exchange's deadline passed) and
 * `unreachable` (no route). The rest happen, or may happen, after the request was written:
 * `response-timeout` (the whole answer not in by the deadline, however it was spread out),
 * `connection-lost` (the connection closed or reset before the full answer), `aborted` (the
 * caller's `AbortSignal` fired during the exchange) and `other` (an answer too large to be the
 * platform's, one that is not HTTP, anything unrecognised). `aborted` and `other` are "never
 * reached" when they happened before a connection carried the request: the signal fired
 * while it waited for or opened one, the transport was closed, the request could not be made.
 */
export type TransportFailure = 'connect-refused' | 'dns' | 'connect-timeout' | 'unreachable' | 'response-timeout' | 'connection-lost' | 'aborted' | 'other';

/** What a failure says about the request. */
export interface TransportFailureInfo {
  /** Which failure it was. */
  failure: TransportFailure;
  /** Whether the request may have reached the platform. */
  mayHaveReached: boolean;
}

/** The code of the error an exchange ends with when its connection took longer than `connectTimeoutMs`. */
const CONNECT_TIMEOUT = 'SMSKIT_CONNECT_TIMEOUT';
/** The code of the error an exchange ends with when its deadline passed before it had a connection. */
const NOT_CONNECTED = 'SMSKIT_NOT_CONNECTED';
/** The code of the error an exchange ends with when it passes its deadline after the request was written. */
const DEADLINE = 'SMSKIT_DEADLINE';
/** The code of the error an exchange ends with when the caller's signal aborts it. */
const ABORTED = 'SMSKIT_ABORTED';
/** The code of the error an exchange ends with when the connection closed before the answer's last byte. */
const PREMATURE_CLOSE = 'SMSKIT_PREMATURE_CLOSE';
/** The code of the error an exchange ends with when the answer is larger than any of the platform's. */
const TOO_LARGE = 'SMSKIT_ANSWER_TOO_LARGE';
/** The code of the error a request on a closed transport ends with. */
const CLOSED = 'SMSKIT_TRANSPORT_CLOSED';
/** The code of the error an exchange ends with when the caller's signal aborts it before a connection carried it. */
const ABORTED_UNSENT = 'SMSKIT_ABORTED_UNSENT';
/** The code of the error a request that Node refused to make (an agent of the wrong protocol, say) ends with. */
const NOT_MADE = 'SMSKIT_REQUEST_NOT_MADE';

// undici's codes stay recognised, for callers that classify errors of their own undici-based
// HTTP layer with `classifyTransportError` (smskit itself no longer uses undici).
const BEFORE_WRITE: Readonly<Record<string, TransportFailure>> = {
  ECONNREFUSED: 'connect-refused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  [CONNECT_TIMEOUT]: 'connect-timeout',
  [NOT_CONNECTED]: 'connect-timeout',
  UND_ERR_CONNECT_TIMEOUT: 'connect-timeout',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  [ABORTED_UNSENT]: 'aborted',
  [CLOSED]: 'other',
  [NOT_MADE]: 'other',
};

const AFTER_WRITE: Readonly<Record<string, TransportFailure>> = {
  [DEADLINE]: 'response-timeout',
  [ABORTED]: 'aborted',
  [PREMATURE_CLOSE]: 'connection-lost',
  UND_ERR_HEADERS_TIMEOUT: 'response-timeout',
  UND_ERR_BODY_TIMEOUT: 'response-timeout',
  UND_ERR_SOCKET: 'connection-lost',
  // Node's code for a reset connection, and for "socket hang up" and an answer cut short ("aborted").
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
 * written counts as "never reached": anything else may have reached the platform. Knows the
 * errors of {@link HttpTransport} and of Node's `net`, `dns` and `http`, and undici's codes.
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
  /** The origin and optional path prefix every request goes to (`http:` or `https:`). */
  baseUrl: string;
  /** The most one exchange may take, in ms: from dispatch (a wait for a free connection included) to the answer's last byte. */
  timeoutMs: number;
  /** How long a new connection may take to open (DNS, TCP and TLS), in ms; a kept-alive one is not timed again. */
  connectTimeoutMs: number;
  /** Connections kept open to the origin (the own agent's `maxSockets`). */
  connections: number;
  /**
   * A `node:http` agent to send through instead of the transport's own kept-alive pool: a
   * proxy agent, say. For an `https:` baseUrl it must speak TLS (an `https.Agent`, or a proxy
   * agent that tunnels). `connections` does not apply to it, and `close` leaves it open.
   */
  agent?: Agent;
}

// Answers of this platform are small JSON documents; a larger one is not the platform.
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;
// A kept-alive connection idle this long is closed before the server closes it (Node's own
// server closes at 5 s): a request written on a connection the server is closing would be lost
// after it may have arrived. Node shortens it further when the server says `Keep-Alive: timeout`.
const IDLE_MS = 4000;
// The longest delay Node's timers take (2^31 - 1 ms, about 24.8 days).
const MAX_TIMER_MS = 2_147_483_647;

type RequestFunction = (url: string, options: RequestOptions) => ClientRequest;

/**
 * POSTs JSON over Node's own `node:http` / `node:https` with kept-alive connections, and gives
 * every exchange an overall deadline: a server dripping one byte at a time cannot keep it open.
 */
export class HttpTransport {
  private readonly origin: string;
  private readonly prefix: string;
  private readonly secure: boolean;
  private readonly options: HttpTransportOptions;
  private loaded: Promise<{ request: RequestFunction; agent: Agent }> | undefined;
  private owned: Agent | undefined;
  private closed = false;
  // Exchanges under way, which close() lets finish: each ends by its own deadline.
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(options: HttpTransportOptions) {
    const url = new URL(options.baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`HttpTransport: baseUrl "${options.baseUrl}" is not an http(s) URL.`);
    this.origin = url.origin;
    this.prefix = url.pathname.replace(/\/+$/, '');
    this.secure = url.protocol === 'https:';
    for (const name of ['timeoutMs', 'connectTimeoutMs'] as const) {
      const value = options[name];
      // Node's timers take at most 2^31 - 1 ms and run anything longer (or NaN) after 1 ms.
      if (!(value >= 1 && value <= MAX_TIMER_MS)) {
        throw new SmsError({ code: 40004, message: `${name} must be a number of ms from 1 to ${MAX_TIMER_MS}; got ${String(value)}.`, hint: 'Give the HTTP timeouts in milliseconds, e.g. 10000.' });
      }
    }
    this.options = options;
  }

  /** node:http or node:https, and the agent to send through: the caller's, or the transport's own (made on first use). */
  private connection(): Promise<{ request: RequestFunction; agent: Agent }> {
    this.loaded ??= (this.secure ? import('node:https') : import('node:http')).then((http) => {
      const agent = this.options.agent ?? (this.owned = new http.Agent({ keepAlive: true, maxSockets: this.options.connections, timeout: IDLE_MS }));
      return { request: http.request, agent };
    });
    return this.loaded;
  }

  /** The full URL of an endpoint path. */
  urlOf(path: string): string {
    return `${this.origin}${this.prefix}${path}`;
  }

  /**
   * POSTs `body` (JSON text, unless `headers` names another `content-type`) with `headers`;
   * rejects with an error {@link classifyTransportError} reads when no full answer came. The
   * whole exchange has `timeoutMs`; `signal` ends it early.
   */
  async post(options: { path: string; headers: Record<string, string>; body: string; signal?: AbortSignal }): Promise<HttpAnswer> {
    // node:http(s) is loaded (once) before the clock starts: loading it is not part of the exchange.
    const { request, agent } = await this.connection();
    if (this.closed) throw codedError(CLOSED, 'The HTTP transport is closed.');
    if (options.signal?.aborted) throw codedError(ABORTED_UNSENT, 'The caller aborted the request before it was sent.');
    const path = `${this.prefix}${options.path}`;
    const pending = exchange({
      request,
      agent,
      url: `${this.origin}${path === '' ? '/' : path}`,
      headers: options.headers,
      body: options.body,
      timeoutMs: this.options.timeoutMs,
      connectTimeoutMs: this.options.connectTimeoutMs,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    this.inflight.add(pending);
    const done = (): void => void this.inflight.delete(pending);
    pending.then(done, done);
    return pending;
  }

  /**
   * Refuses new requests, lets the exchanges under way finish (each within its own deadline: a
   * send the platform is answering keeps its answer), then closes the transport's own
   * connections. An agent passed in is left open.
   */
  async close(): Promise<void> {
    this.closed = true;
    await this.loaded;
    await Promise.allSettled([...this.inflight]);
    this.owned?.destroy();
  }
}

/**
 * One exchange. Where it stands decides what a deadline means: `waiting` for a socket (every
 * connection busy, or a proxy agent still opening its tunnel) and `connecting` (DNS, TCP, TLS)
 * have written nothing; once `connected`, the request is on its way.
 */
function exchange(input: { request: RequestFunction; agent: Agent; url: string; headers: Record<string, string>; body: string; timeoutMs: number; connectTimeoutMs: number; signal?: AbortSignal }): Promise<HttpAnswer> {
  return new Promise<HttpAnswer>((resolve, reject) => {
    const body = Buffer.from(input.body, 'utf8');
    let stage: 'waiting' | 'connecting' | 'connected' = 'waiting';
    let connectTimer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    let req: ClientRequest;
    try {
      req = input.request(input.url, {
        method: 'POST',
        agent: input.agent,
        headers: { ...(Object.keys(input.headers).some((name) => name.toLowerCase() === 'content-type') ? {} : { 'content-type': 'application/json' }), ...input.headers, 'content-length': String(body.length) },
      });
    } catch (error) {
      // Node refused to make it (an agent of the other protocol, a header it will not send): nothing left.
      reject(Object.assign(codedError(NOT_MADE, `The request could not be made: ${error instanceof Error ? error.message : String(error)}`), { cause: error }));
      return;
    }
    const settle = (error: Error | undefined, answer?: HttpAnswer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearTimeout(connectTimer);
      input.signal?.removeEventListener('abort', onAbort);
      if (error === undefined) {
        resolve(answer as HttpAnswer);
        return;
      }
      // The connection is not reused: it may still carry the rest of this answer.
      req.destroy();
      reject(error);
    };
    const deadline = setTimeout(() => {
      settle(
        stage === 'connected'
          ? codedError(DEADLINE, `The answer was not complete within ${input.timeoutMs} ms.`)
          : codedError(NOT_CONNECTED, `No connection within the exchange's ${input.timeoutMs} ms; nothing was written.`),
      );
    }, input.timeoutMs);
    // The caller's reason is not attached: a code on it must not make the exchange look unsent.
    const onAbort = (): void =>
      settle(stage === 'connected' ? codedError(ABORTED, 'The caller aborted the request.') : codedError(ABORTED_UNSENT, 'The caller aborted the request before it was sent.'));
    input.signal?.addEventListener('abort', onAbort, { once: true });

    // Stays attached after settling: destroying the request emits one more error.
    req.on('error', (error) => settle(error));
    req.on('socket', (socket: Socket) => {
      // A request ended while it waited for a socket may still be handed one: nothing to time.
      if (settled) return;
      if (!socket.connecting) {
        stage = 'connected';
        return;
      }
      stage = 'connecting';
      connectTimer = setTimeout(() => settle(codedError(CONNECT_TIMEOUT, `No connection within ${input.connectTimeoutMs} ms; nothing was written.`)), input.connectTimeoutMs);
      // A TLS socket carries the request only after its handshake.
      socket.once((socket as Socket & { encrypted?: boolean }).encrypted === true ? 'secureConnect' : 'connect', () => {
        stage = 'connected';
        clearTimeout(connectTimer);
      });
    });
    req.on('response', (res: IncomingMessage) => readAnswer(res, settle));
    req.end(body);
  });
}

function readAnswer(res: IncomingMessage, settle: (error: Error | undefined, answer?: HttpAnswer) => void): void {
  const tooLarge = (): Error => codedError(TOO_LARGE, `The answer is larger than ${MAX_ANSWER_BYTES} bytes: not the platform's.`);
  const declared = Number(res.headers['content-length']);
  if (declared > MAX_ANSWER_BYTES) {
    settle(tooLarge());
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  res.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_ANSWER_BYTES) settle(tooLarge());
    else chunks.push(chunk);
  });
  res.on('error', (error) => settle(error));
  res.on('end', () => {
    // As undici's `text()`: UTF-8, a leading byte-order mark dropped.
    const text = new TextDecoder().decode(Buffer.concat(chunks, size));
    settle(undefined, { status: res.statusCode ?? 0, retryAfterMs: retryAfterOf(res.headers['retry-after']), text });
  });
  res.on('close', () => {
    if (!res.complete) settle(codedError(PREMATURE_CLOSE, 'The connection closed before the answer was complete.'));
  });
}

function codedError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

function retryAfterOf(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  return Number(text.trim()) * 1000;
}
