import type { SignMethod } from '../sign-method.js';
import { type RetryPolicy } from './backoff.js';
import type { CallOutcome, ClientEndpoint, ClientObserver } from './events.js';
import type { Release } from './rate-window.js';
import { type HttpTransport, type TransportFailure } from './transport.js';
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
}
/** Lets a request leave; the release is called once its answer (or failure) came. */
export interface Pacer {
    /** Resolves when the request may leave. */
    acquire(): Promise<Release>;
    /** Rejects every waiting request. */
    close(): void;
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
    apiKey: string;
    accessKey: string;
    signMethod: SignMethod;
    now: () => number;
    policy: RetryPolicy;
    observer: ClientObserver;
    /** The pacers a request to an endpoint passes, in order. */
    pacersOf: (endpoint: ClientEndpoint) => readonly Pacer[];
}
/**
 * Makes calls: paces, signs (a fresh nonce and timestamp for every attempt), sends, reads the
 * answer and retries only where a repeat cannot send a message twice.
 */
export declare class PlatformCaller {
    private readonly options;
    constructor(options: PlatformCallerOptions);
    /**
     * The answer to `spec`.
     *
     * @throws {@link SmsError} with {@link CallFailureDetails} when the platform answered an error
     *   code, no answer came, or the answer was unreadable.
     */
    call(spec: CallSpec): Promise<PlatformAnswer>;
    private delayFor;
    private attempt;
    private noAnswer;
    private unreadable;
}
/** The {@link CallFailureDetails} of an error thrown by a call, when it is one. */
export declare function callFailureOf(error: unknown): CallFailureDetails | undefined;
