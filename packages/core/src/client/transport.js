const BEFORE_WRITE = {
    ECONNREFUSED: 'connect-refused',
    ENOTFOUND: 'dns',
    EAI_AGAIN: 'dns',
    UND_ERR_CONNECT_TIMEOUT: 'connect-timeout',
    EHOSTUNREACH: 'unreachable',
    ENETUNREACH: 'unreachable',
};
const AFTER_WRITE = {
    UND_ERR_HEADERS_TIMEOUT: 'response-timeout',
    UND_ERR_BODY_TIMEOUT: 'response-timeout',
    UND_ERR_SOCKET: 'connection-lost',
    ECONNRESET: 'connection-lost',
    EPIPE: 'connection-lost',
    UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'connection-lost',
};
function codesOf(error) {
    if (typeof error !== 'object' || error === null)
        return [];
    const e = error;
    const own = typeof e.code === 'string' ? [e.code] : [];
    // Node reports a connection tried on several addresses (IPv4 and IPv6) as an AggregateError.
    const nested = Array.isArray(e.errors) ? e.errors.flatMap(codesOf) : [];
    return [...own, ...nested, ...(e.cause === undefined || e.cause === error ? [] : codesOf(e.cause))];
}
/**
 * Classifies an error of the HTTP layer. Only a failure known to happen before the request is
 * written counts as "never reached": anything else may have reached the platform.
 */
export function classifyTransportError(error) {
    const codes = codesOf(error);
    for (const code of codes) {
        const before = BEFORE_WRITE[code];
        if (before)
            return { failure: before, mayHaveReached: false };
    }
    for (const code of codes) {
        const after = AFTER_WRITE[code];
        if (after)
            return { failure: after, mayHaveReached: true };
    }
    return { failure: 'other', mayHaveReached: true };
}
// Answers of this platform are small JSON documents; a larger one is not the platform.
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;
/**
 * POSTs JSON over undici with kept-alive connections. undici rather than the global `fetch`
 * because it is faster for many small requests (see `bench/client-http.ts`) and tells a
 * connect timeout from a response timeout by error code.
 */
export class HttpTransport {
    origin;
    prefix;
    given;
    options;
    owned;
    timeoutMs;
    constructor(options) {
        const url = new URL(options.baseUrl);
        this.origin = url.origin;
        this.prefix = url.pathname.replace(/\/+$/, '');
        this.timeoutMs = options.timeoutMs;
        this.options = options;
        this.given = options.dispatcher;
    }
    /** The client's own kept-alive connections, made (and undici loaded) on first use. */
    ownAgent() {
        const { connections, connectTimeoutMs, timeoutMs } = this.options;
        this.owned ??= import('undici').then(({ Agent }) => new Agent({
            connections,
            connect: { timeout: connectTimeoutMs },
            headersTimeout: timeoutMs,
            bodyTimeout: timeoutMs,
            maxResponseSize: MAX_ANSWER_BYTES,
        }));
        return this.owned;
    }
    /** The full URL of an endpoint path. */
    urlOf(path) {
        return `${this.origin}${this.prefix}${path}`;
    }
    /** POSTs `body` (JSON text) with `headers`; throws the HTTP layer's error when no full answer came. */
    async post(options) {
        const dispatcher = this.given ?? (await this.ownAgent());
        const response = await dispatcher.request({
            origin: this.origin,
            path: `${this.prefix}${options.path}`,
            method: 'POST',
            headers: { ...options.headers, 'content-type': 'application/json' },
            body: options.body,
            headersTimeout: this.timeoutMs,
            bodyTimeout: this.timeoutMs,
        });
        const text = await response.body.text();
        return { status: response.statusCode, retryAfterMs: retryAfterOf(response.headers['retry-after']), text };
    }
    /** Closes the client's own connections (a dispatcher passed in is left open). */
    async close() {
        if (this.owned)
            await (await this.owned).close();
    }
}
function retryAfterOf(value) {
    const text = Array.isArray(value) ? value[0] : value;
    if (text === undefined || !/^\d+$/.test(text.trim()))
        return undefined;
    return Number(text.trim()) * 1000;
}
//# sourceMappingURL=transport.js.map