import { describeCode } from './error-codes.js';
/**
 * The one error class of smskit: every failure carries the platform code, a message that says
 * what went wrong, and a hint that says how to fix it. Never carries a secret.
 */
export class SmsError extends Error {
    /** The platform return code. */
    code;
    /** How to fix it. */
    hint;
    /** The platform's requestId, when known. */
    requestId;
    /** Structured details, when any. */
    details;
    /** Whether retrying the same call can succeed. */
    retryable;
    /** The platform's own (Chinese) wording of the code. */
    platformMessage;
    constructor(options) {
        const entry = describeCode(options.code);
        super(options.message ?? entry.messageEn, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'SmsError';
        this.code = options.code;
        this.hint = options.hint ?? entry.hint;
        this.requestId = options.requestId;
        this.details = options.details;
        this.retryable = options.retryable ?? entry.retryable;
        this.platformMessage = entry.message;
    }
    /** The platform's JSON error shape, as smskit answers when it plays the server. */
    toResponseBody() {
        return this.requestId === undefined
            ? { code: this.code, message: this.message }
            : { code: this.code, message: this.message, requestId: this.requestId };
    }
}
/**
 * Any thrown value as an {@link SmsError}. Matches by `name` and shape as well as by class, so
 * errors from a second installed copy of `@smskit/core` are kept as they are; anything else
 * becomes code -1 with the original as `cause`.
 */
export function toSmsError(error) {
    if (error instanceof SmsError)
        return error;
    if (isSmsErrorLike(error)) {
        return new SmsError({
            code: error.code,
            message: error.message,
            hint: typeof error.hint === 'string' ? error.hint : undefined,
            requestId: typeof error.requestId === 'string' ? error.requestId : undefined,
            details: error.details,
            retryable: typeof error.retryable === 'boolean' ? error.retryable : undefined,
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
export function isSmsError(error) {
    return error instanceof SmsError || isSmsErrorLike(error);
}
function isSmsErrorLike(error) {
    if (typeof error !== 'object' || error === null)
        return false;
    const e = error;
    return e.name === 'SmsError' && typeof e.code === 'number' && typeof e.message === 'string';
}
//# sourceMappingURL=errors.js.map