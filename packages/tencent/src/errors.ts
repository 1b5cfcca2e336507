import { describeTencentCode, type TencentFailureClass } from './error-codes/index.js';

/** What a {@link TencentError} is built from. */
export interface TencentErrorOptions {
  /** The Tencent code, e.g. `AuthFailure.SignatureFailure`; unknown codes are allowed. */
  code: string;
  /** What went wrong, specifically; defaults to the catalogue's English message. */
  message?: string;
  /** How to fix it; defaults to the catalogue's hint. */
  hint?: string;
  /** The platform's RequestId, when a response carried one. */
  requestId?: string;
  /** How the router treats it; defaults to the catalogue's class. */
  class?: TencentFailureClass;
  /** Structured details (for example the numbers at fault). */
  details?: unknown;
  /** The underlying error. */
  cause?: unknown;
}

/**
 * A failure of Tencent Cloud SMS: the platform's code, its class for the router, the RequestId,
 * and a hint that says how to fix it. Never carries a secret.
 */
export class TencentError extends Error {
  /** The Tencent code. */
  readonly code: string;
  /** How the router treats it. */
  readonly class: TencentFailureClass;
  /** How to fix it. */
  readonly hint: string;
  /** The RequestId, when known. */
  readonly requestId: string | undefined;
  /** Structured details, when any. */
  readonly details: unknown;
  /** The platform's own (Chinese) wording of the code. */
  readonly platformMessage: string;

  constructor(options: TencentErrorOptions) {
    const entry = describeTencentCode(options.code);
    super(options.message ?? entry.messageEn, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TencentError';
    this.code = options.code;
    this.class = options.class ?? entry.class;
    this.hint = options.hint ?? entry.hint;
    this.requestId = options.requestId;
    this.details = options.details;
    this.platformMessage = entry.message;
  }

  /** Tencent's error body, as the sandbox answers it. */
  toResponseBody(requestId: string): { Response: { Error: { Code: string; Message: string }; RequestId: string } } {
    return { Response: { Error: { Code: this.code, Message: this.message }, RequestId: requestId } };
  }
}

/** True for a {@link TencentError}, or one from a second installed copy of this package. */
export function isTencentError(error: unknown): error is TencentError {
  if (error instanceof TencentError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const e = error as Record<string, unknown>;
  return e.name === 'TencentError' && typeof e.code === 'string' && typeof e.class === 'string';
}
