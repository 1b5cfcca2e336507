import type { FailureClass } from '@smskit/core/provider';
import { describeAliyunCode } from './error-codes/index.js';

/** What an {@link AliyunError} is built from. */
export interface AliyunErrorOptions {
  /** Aliyun's code (`isv.BUSINESS_LIMIT_CONTROL`); unknown codes are allowed. */
  code: string;
  /** The HTTP status it came with (200 for business codes). @defaultValue the catalogue's */
  httpStatus?: number;
  /** What went wrong, specifically; defaults to the catalogue's English message. */
  message?: string;
  /** How to fix it; defaults to the catalogue's hint. */
  hint?: string;
  /** Aliyun's RequestId, when the answer carried one. */
  requestId?: string;
  /** How the router treats it; defaults to the catalogue's class. */
  class?: FailureClass;
  /** Structured details (for a signature mismatch: both strings to sign and their differences). */
  details?: unknown;
  /** The underlying error. */
  cause?: unknown;
}

/**
 * A failure of Aliyun SMS: the platform's code, its class for the router, the RequestId and a
 * hint that says how to fix it. Never carries the AccessKey secret.
 */
export class AliyunError extends Error {
  /** Aliyun's code. */
  readonly code: string;
  /** How the router treats it. */
  readonly class: FailureClass;
  /** The HTTP status it came with. */
  readonly httpStatus: number;
  /** How to fix it. */
  readonly hint: string;
  /** The RequestId, when known. */
  readonly requestId: string | undefined;
  /** Structured details, when any. */
  readonly details: unknown;
  /** The platform's own wording of the code. */
  readonly platformMessage: string;

  constructor(options: AliyunErrorOptions) {
    const entry = describeAliyunCode(options.code, options.httpStatus);
    super(options.message ?? entry.messageEn, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AliyunError';
    this.code = options.code;
    this.class = options.class ?? entry.class;
    this.httpStatus = options.httpStatus ?? entry.httpStatus;
    this.hint = options.hint ?? entry.hint;
    this.requestId = options.requestId;
    this.details = options.details;
    this.platformMessage = entry.message;
  }

  /** Aliyun's JSON error body, as the sandbox answers it. */
  toResponseBody(requestId: string): { Code: string; Message: string; RequestId: string } {
    return { Code: this.code, Message: this.message, RequestId: requestId };
  }
}

/** True for an {@link AliyunError}, or one from a second installed copy of this package. */
export function isAliyunError(error: unknown): error is AliyunError {
  if (error instanceof AliyunError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const e = error as Record<string, unknown>;
  return e.name === 'AliyunError' && typeof e.code === 'string' && typeof e.class === 'string';
}
