import { isSmsError, SmsError } from '../errors.js';
import { callFailureOf } from './platform-call.js';
function failPhonesOf(data) {
    const value = typeof data === 'object' && data !== null ? data.failPhones : undefined;
    if (typeof value === 'string')
        return value.split(',').map((phone) => phone.trim()).filter((phone) => phone !== '');
    if (Array.isArray(value))
        return value.filter((phone) => typeof phone === 'string' && phone !== '');
    return [];
}
function msgIdOf(data) {
    const value = typeof data === 'object' && data !== null ? data.msgId : undefined;
    return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}
/** A request the platform accepted. */
export function sentChunk(chunk, answer) {
    const msgId = msgIdOf(answer.data);
    return {
        index: chunk.index,
        phones: chunk.phones,
        bid: chunk.bid,
        status: 'sent',
        ...(msgId === undefined ? {} : { msgId }),
        failPhones: failPhonesOf(answer.data),
        ...(answer.requestId === undefined ? {} : { requestId: answer.requestId }),
    };
}
/** A request that failed or whose outcome is unknown. */
export function unsentChunk(chunk, thrown) {
    const error = thrown instanceof SmsError ? thrown : new SmsError({ code: -1, message: thrown instanceof Error ? thrown.message : 'The request failed.', cause: thrown, details: { outcome: 'unknown', attempts: 1 } });
    const status = callFailureOf(error)?.outcome === 'unknown' ? 'unknown' : 'failed';
    return { index: chunk.index, phones: chunk.phones, bid: chunk.bid, status, failPhones: [], ...(error.requestId === undefined ? {} : { requestId: error.requestId }), error };
}
/** Every request's outcome, summed up. */
export function aggregate(options) {
    const { chunks } = options;
    const msgIds = [];
    const failedPhones = [];
    const unknownPhones = [];
    let sent = 0;
    let unknown = 0;
    for (const chunk of chunks) {
        if (chunk.status === 'sent') {
            sent++;
            if (chunk.msgId !== undefined)
                msgIds.push(chunk.msgId);
            failedPhones.push(...chunk.failPhones);
        }
        else if (chunk.status === 'failed') {
            failedPhones.push(...chunk.phones);
        }
        else {
            unknown++;
            unknownPhones.push(...chunk.phones);
        }
    }
    const status = sent === chunks.length && failedPhones.length === 0 && options.invalid.length === 0
        ? 'sent'
        : sent > 0
            ? 'partial'
            : unknown > 0
                ? 'unknown'
                : 'failed';
    return { status, chunks, msgIds, failedPhones, unknownPhones, invalid: options.invalid, duplicates: options.duplicates };
}
/**
 * The error a send that sent nothing rejects with: the first unknown request's error when there
 * is one (so that nobody retries blindly), else the first failure's, with the whole result in
 * `details.result`.
 */
export function nothingSentError(result) {
    const first = result.chunks.find((chunk) => chunk.status === 'unknown') ?? result.chunks[0];
    const cause = first?.error ?? new SmsError({ code: -1, message: 'Nothing was sent.' });
    const base = callFailureOf(cause) ?? { outcome: first?.status === 'unknown' ? 'unknown' : 'failed', attempts: 1 };
    const details = { ...base, result };
    const others = result.chunks.length > 1 ? ` (request ${first?.index ?? 0} of ${result.chunks.length}; every request's outcome is in details.result)` : '';
    return new SmsError({
        code: cause.code,
        message: `${cause.message}${others}`,
        hint: cause.hint,
        ...(cause.requestId === undefined ? {} : { requestId: cause.requestId }),
        retryable: cause.retryable,
        cause,
        details,
    });
}
/**
 * The {@link SendResult} an error thrown by `send` or `sendBatch` carries, when it sent nothing;
 * `undefined` for local validation errors (nothing left) and other errors.
 */
export function sendResultOf(error) {
    if (!isSmsError(error) || typeof error.details !== 'object' || error.details === null)
        return undefined;
    const result = error.details.result;
    return typeof result === 'object' && result !== null && Array.isArray(result.chunks) ? result : undefined;
}
//# sourceMappingURL=send-result.js.map