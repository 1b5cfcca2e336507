import type { SmsError } from '../errors.js';
/** The platform endpoints the client calls. */
export type ClientEndpoint = 'send' | 'sendBatch' | 'receipts' | 'statistics' | 'balance' | 'health';
/**
 * How a failed call ended: `failed` — the platform did not take the request (it answered an
 * error code, or the request never left); `unknown` — the request was written but no answer
 * came, so the platform may or may not have acted on it.
 */
export type CallOutcome = 'failed' | 'unknown';
/** What every event names. */
export interface ClientEventBase {
    /** The endpoint called. */
    endpoint: ClientEndpoint;
    /** 1 for the first attempt, 2 for the first retry… */
    attempt: number;
    /** The send's business id, when the call is a send. */
    bid?: string;
}
/** A request is about to leave (after pacing). */
export interface RequestEvent extends ClientEventBase {
    /** How many numbers it carries, for sends. */
    phones?: number;
}
/** The platform answered (any code). */
export interface ResponseEvent extends ClientEventBase {
    /** The platform code (200 for success). */
    code: number;
    /** The HTTP status. */
    httpStatus: number;
    /** The platform's requestId, when it sent one. */
    requestId?: string;
    /** Time from leaving to the full answer, in ms. */
    ms: number;
}
/** An attempt failed and the client will try again. */
export interface RetryEvent extends ClientEventBase {
    /** Why the attempt failed. */
    error: SmsError;
    /** How long the client waits before the next attempt, in ms. */
    delayMs: number;
}
/** A call failed for good. */
export interface ErrorEvent extends ClientEventBase {
    /** What went wrong. */
    error: SmsError;
    /** Whether the platform may have acted on it. */
    outcome: CallOutcome;
}
/** Observability hooks; each is optional and a hook that throws is ignored. */
export interface ClientHooks {
    /** A request leaves. */
    onRequest?(event: RequestEvent): void;
    /** An answer came. */
    onResponse?(event: ResponseEvent): void;
    /** An attempt failed and will be retried. */
    onRetry?(event: RetryEvent): void;
    /** A call failed for good. */
    onError?(event: ErrorEvent): void;
}
/** A logger the client writes to: `console` fits, and so do most structured loggers. */
export interface ClientLogger {
    /** Requests and answers. */
    debug?(message: string, fields: Record<string, unknown>): void;
    /** Retries. */
    warn?(message: string, fields: Record<string, unknown>): void;
    /** Failures. */
    error?(message: string, fields: Record<string, unknown>): void;
}
/** A phone number as logs show it: `138****8000`. */
export declare function maskPhone(phone: string): string;
/** `text` with every mainland mobile number in it masked. */
export declare function maskPhonesIn(text: string): string;
/** Hands events to the hooks and the logger; neither can break a call. */
export declare class ClientObserver {
    private readonly hooks;
    private readonly logger?;
    constructor(hooks?: ClientHooks, logger?: ClientLogger | undefined);
    request(event: RequestEvent): void;
    response(event: ResponseEvent): void;
    retry(event: RetryEvent): void;
    error(event: ErrorEvent): void;
}
