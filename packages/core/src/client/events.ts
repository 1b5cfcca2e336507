import type { SmsError } from '../errors.js';
import { maskPhone } from '../stores/send-log.js';

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

// A platform message may quote the numbers it rejected.
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** `text` with every mainland mobile number in it masked as the send log masks one ({@link maskPhone}). */
export function maskPhonesIn(text: string): string {
  return text.replace(MOBILE_IN_TEXT, (phone) => maskPhone(phone));
}

function errorFields(error: SmsError): Record<string, unknown> {
  const fields: Record<string, unknown> = { code: error.code, message: maskPhonesIn(error.message) };
  if (error.requestId !== undefined) fields.requestId = error.requestId;
  return fields;
}

/** Hands events to the hooks and the logger; neither can break a call. */
export class ClientObserver {
  constructor(
    private readonly hooks: ClientHooks = {},
    private readonly logger?: ClientLogger,
  ) {}

  request(event: RequestEvent): void {
    guard(() => this.hooks.onRequest?.(event));
    guard(() => this.logger?.debug?.(`smskit ${event.endpoint}: attempt ${event.attempt}`, { ...event }));
  }

  response(event: ResponseEvent): void {
    guard(() => this.hooks.onResponse?.(event));
    guard(() => this.logger?.debug?.(`smskit ${event.endpoint}: ${event.code} in ${Math.round(event.ms)} ms`, { ...event }));
  }

  retry(event: RetryEvent): void {
    guard(() => this.hooks.onRetry?.(event));
    const { error, ...rest } = event;
    guard(() => this.logger?.warn?.(`smskit ${event.endpoint}: ${error.code} ${maskPhonesIn(error.message)} — retrying in ${Math.round(event.delayMs)} ms`, { ...rest, ...errorFields(error) }));
  }

  error(event: ErrorEvent): void {
    guard(() => this.hooks.onError?.(event));
    const { error, ...rest } = event;
    guard(() => this.logger?.error?.(`smskit ${event.endpoint}: ${error.code} ${maskPhonesIn(error.message)}`, { ...rest, ...errorFields(error) }));
  }
}

function guard(action: () => void): void {
  try {
    action();
  } catch {
    // an observer must never change the outcome of a call
  }
}
