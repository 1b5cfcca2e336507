import { describeCode } from './error-codes.js';

/** What an {@link SmsError} is built from. */
export interface SmsErrorOptions {
  /** The platform return code (SPEC §5); unknown codes are allowed. */
  code: number;
  /** What went wrong, specifically; defaults to the catalogue's English message. */
  message?: string;
  /** How to fix it; defaults to the catalogue's hint. */
  hint?: string;
  /** The platform's requestId, when a response carried one. */
  requestId?: string;
  /** The underlying error. */
  cause?: unknown;
  /** Structured details (for example the bad numbers with their positions). */
  details?: unknown;
  /** Whether retrying can help; defaults to the catalogue's answer for the code. */
  retryable?: boolean;
  /**
   * The HTTP status to answer with when smskit plays the server, where it differs from the
   * catalogue's status for the code (413 for a body too large, which is still 40004).
   */
  httpStatus?: number;
}

/**
 * The one error class of smskit: every failure carries the platform code, a message that says
 * what went wrong, and a hint that says how to fix it. Never carries a secret.
 */
export class SmsError extends Error {
  /** The platform return code. */
  readonly code: number;
  /** How to fix it. */
  readonly hint: string;
  /** The platform's requestId, when known. */
  readonly requestId: string | undefined;
  /** Structured details, when any. */
  readonly details: unknown;
  /** Whether retrying the same call can succeed. */
  readonly retryable: boolean;
  /** The platform's own (Chinese) wording of the code. */
  readonly platformMessage: string;
  /** The HTTP status to answer with, when not the catalogue's for the code. */
  readonly httpStatus: number | undefined;

  constructor(options: SmsErrorOptions) {
    const entry = describeCode(options.code);
    super(options.message ?? entry.messageEn, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SmsError';
    this.code = options.code;
    this.hint = options.hint ?? entry.hint;
    this.requestId = options.requestId;
    this.details = options.details;
    this.retryable = options.retryable ?? entry.retryable;
    this.platformMessage = entry.message;
    this.httpStatus = options.httpStatus;
  }
}

/**
 * Any thrown value as an {@link SmsError}. Matches by `name` and shape as well as by class, so
 * errors from a second installed copy of `@smskit/core` are kept as they are; anything else
 * becomes code -1 with the original as `cause`.
 */
export function toSmsError(error: unknown): SmsError {
  if (error instanceof SmsError) return error;
  if (isSmsErrorLike(error)) {
    return new SmsError({
      code: error.code,
      message: error.message,
      hint: typeof error.hint === 'string' ? error.hint : undefined,
      requestId: typeof error.requestId === 'string' ? error.requestId : undefined,
      details: error.details,
      retryable: typeof error.retryable === 'boolean' ? error.retryable : undefined,
      httpStatus: typeof error.httpStatus === 'number' ? error.httpStatus : undefined,
      cause: error.cause,
    });
  }
  return new SmsError({
    code: -1,
    message: error instanceof Error ? error.message : 'An unexpected error occurred.',
    cause: error,
  });
}

/** True for an {@link SmsError}, or an error that looks like one from another copy. */
export function isSmsError(error: unknown): error is SmsError {
  return error instanceof SmsError || isSmsErrorLike(error);
}

interface SmsErrorLike {
  name: string;
  code: number;
  message: string;
  hint?: unknown;
  requestId?: unknown;
  details?: unknown;
  retryable?: unknown;
  httpStatus?: unknown;
  cause?: unknown;
}

function isSmsErrorLike(error: unknown): error is SmsErrorLike {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as Record<string, unknown>;
  return e.name === 'SmsError' && typeof e.code === 'number' && typeof e.message === 'string';
}
