import type { Dispatcher } from 'undici';
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
/**
 * Classifies an error of the HTTP layer. Only a failure known to happen before the request is
 * written counts as "never reached": anything else may have reached the platform.
 */
export declare function classifyTransportError(error: unknown): TransportFailureInfo;
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
    baseUrl: string;
    timeoutMs: number;
    connectTimeoutMs: number;
    connections: number;
    dispatcher?: Dispatcher;
}
/**
 * POSTs JSON over undici with kept-alive connections. undici rather than the global `fetch`
 * because it is faster for many small requests (see `bench/client-http.ts`) and tells a
 * connect timeout from a response timeout by error code.
 */
export declare class HttpTransport {
    private readonly origin;
    private readonly prefix;
    private readonly given;
    private readonly options;
    private owned;
    private readonly timeoutMs;
    constructor(options: HttpTransportOptions);
    /** The client's own kept-alive connections, made (and undici loaded) on first use. */
    private ownAgent;
    /** The full URL of an endpoint path. */
    urlOf(path: string): string;
    /** POSTs `body` (JSON text) with `headers`; throws the HTTP layer's error when no full answer came. */
    post(options: {
        path: string;
        headers: Record<string, string>;
        body: string;
    }): Promise<HttpAnswer>;
    /** Closes the client's own connections (a dispatcher passed in is left open). */
    close(): Promise<void>;
}
