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
}
/**
 * The one error class of smskit: every failure carries the platform code, a message that says
 * what went wrong, and a hint that says how to fix it. Never carries a secret.
 */
export declare class SmsError extends Error {
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
    constructor(options: SmsErrorOptions);
    /** The platform's JSON error shape, as smskit answers when it plays the server. */
    toResponseBody(): {
        code: number;
        message: string;
        requestId?: string;
    };
}
/**
 * Any thrown value as an {@link SmsError}. Matches by `name` and shape as well as by class, so
 * errors from a second installed copy of `@smskit/core` are kept as they are; anything else
 * becomes code -1 with the original as `cause`.
 */
export declare function toSmsError(error: unknown): SmsError;
/** True for an {@link SmsError}, or an error that looks like one from another copy. */
export declare function isSmsError(error: unknown): error is SmsError;
