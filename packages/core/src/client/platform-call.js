import { setTimeout as sleep } from 'node:timers/promises';
import { isSmsError, SmsError } from '../errors.js';
import { signRequest } from '../sign.js';
import { backoffDelay } from './backoff.js';
import { classifyTransportError } from './transport.js';
/**
 * Makes calls: paces, signs (a fresh nonce and timestamp for every attempt), sends, reads the
 * answer and retries only where a repeat cannot send a message twice.
 */
export class PlatformCaller {
    options;
    constructor(options) {
        this.options = options;
    }
    /**
     * The answer to `spec`.
     *
     * @throws {@link SmsError} with {@link CallFailureDetails} when the platform answered an error
     *   code, no answer came, or the answer was unreadable.
     */
    async call(spec) {
        const { policy, observer } = this.options;
        const base = spec.bid === undefined ? {} : { bid: spec.bid };
        for (let attempt = 1;; attempt++) {
            const releases = [];
            let result;
            try {
                for (const pacer of this.options.pacersOf(spec.endpoint))
                    releases.push(await pacer.acquire());
                observer.request({ endpoint: spec.endpoint, attempt, ...base, ...(spec.phones === undefined ? {} : { phones: spec.phones }) });
                result = await this.attempt(spec, attempt);
            }
            finally {
                for (const release of releases)
                    release();
            }
            if (result.ok)
                return result.answer;
            const { error } = result;
            const delay = attempt > policy.retries || !result.retryable ? undefined : this.delayFor({ retry: attempt, retryAfterMs: result.retryAfterMs });
            if (delay === undefined) {
                observer.error({ endpoint: spec.endpoint, attempt, ...base, error, outcome: result.outcome });
                throw error;
            }
            observer.retry({ endpoint: spec.endpoint, attempt, ...base, error, delayMs: delay });
            await sleep(delay);
        }
    }
    delayFor(options) {
        const delay = backoffDelay({ retry: options.retry, policy: this.options.policy });
        if (options.retryAfterMs === undefined)
            return delay;
        // A server-advised wait longer than the policy allows is not waited for.
        return options.retryAfterMs > this.options.policy.maxDelayMs ? undefined : Math.max(delay, options.retryAfterMs);
    }
    async attempt(spec, attempt) {
        const o = this.options;
        const headers = spec.signed
            ? { ...signRequest({ apiKey: o.apiKey, accessKey: o.accessKey, body: spec.body, method: o.signMethod, now: o.now }).headers }
            : {};
        const started = performance.now();
        let answer;
        try {
            answer = await o.transport.post({ path: spec.path, headers, body: JSON.stringify(spec.body) });
        }
        catch (thrown) {
            return this.noAnswer({ spec, attempt, thrown });
        }
        const ms = performance.now() - started;
        const body = parseAnswer(answer.text);
        const requestId = typeof body?.requestId === 'string' ? body.requestId : undefined;
        const code = body === undefined ? undefined : Number(body.code);
        if (code === undefined || !Number.isInteger(code))
            return this.unreadable({ spec, attempt, answer });
        o.observer.response({ endpoint: spec.endpoint, attempt, ...(spec.bid === undefined ? {} : { bid: spec.bid }), code, httpStatus: answer.status, ...(requestId === undefined ? {} : { requestId }), ms });
        if (code === 200)
            return { ok: true, answer: { data: body?.data, body: body, ...(requestId === undefined ? {} : { requestId }) } };
        const message = typeof body?.message === 'string' && body.message !== '' ? body.message : undefined;
        const details = { outcome: 'failed', attempts: attempt, httpStatus: answer.status, ...(spec.bid === undefined ? {} : { bid: spec.bid }) };
        const error = new SmsError({ code, ...(message === undefined ? {} : { message }), ...(requestId === undefined ? {} : { requestId }), details });
        // An error code is the platform saying it did not take the request: a retryable one may be repeated.
        return { ok: false, error, retryable: error.retryable, outcome: 'failed', ...(answer.retryAfterMs === undefined ? {} : { retryAfterMs: answer.retryAfterMs }) };
    }
    noAnswer(options) {
        const { spec, attempt } = options;
        const { failure, mayHaveReached } = classifyTransportError(options.thrown);
        const outcome = mayHaveReached && !spec.repeatable ? 'unknown' : 'failed';
        const details = { outcome, attempts: attempt, transport: failure, ...(spec.bid === undefined ? {} : { bid: spec.bid }) };
        const where = this.options.transport.urlOf(spec.path);
        const message = mayHaveReached
            ? outcome === 'unknown'
                ? `No answer from ${where} after the request was written (${failure}): the platform may or may not have accepted it. Not retried, so nothing is sent twice.`
                : `No answer from ${where} after the request was written (${failure}).`
            : `The request never reached ${where} (${failure}).`;
        const hint = outcome === 'unknown'
            ? `Reconcile through receipts: query or track them by bid${spec.bid === undefined ? '' : ` "${spec.bid}"`} before sending again.`
            : 'Check the network path to the platform (DNS, firewall, proxy) and the baseUrl.';
        const error = new SmsError({ code: -1, message, hint, cause: options.thrown, details, retryable: outcome === 'failed' });
        // Never-reached is safe to repeat for every endpoint; reached-maybe only for queries.
        return { ok: false, error, retryable: !mayHaveReached || spec.repeatable, outcome };
    }
    unreadable(options) {
        const { spec, attempt, answer } = options;
        // A gateway's 5xx page may come after the platform acted (502, 504); a 4xx page did not reach the endpoint.
        const mayHaveReached = answer.status >= 500;
        const outcome = mayHaveReached && !spec.repeatable ? 'unknown' : 'failed';
        const details = { outcome, attempts: attempt, httpStatus: answer.status, ...(spec.bid === undefined ? {} : { bid: spec.bid }) };
        const message = `${this.options.transport.urlOf(spec.path)} answered HTTP ${answer.status} with a body that is not the platform's JSON${outcome === 'unknown' ? ': the platform may or may not have accepted the send' : ''}.`;
        const hint = 'Check the baseUrl and any proxy in between; the platform answers JSON with a numeric code.';
        const error = new SmsError({ code: -1, message, hint, details, retryable: mayHaveReached && spec.repeatable });
        return { ok: false, error, retryable: mayHaveReached && spec.repeatable, outcome, ...(answer.retryAfterMs === undefined ? {} : { retryAfterMs: answer.retryAfterMs }) };
    }
}
function parseAnswer(text) {
    try {
        const value = JSON.parse(text);
        return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/** The {@link CallFailureDetails} of an error thrown by a call, when it is one. */
export function callFailureOf(error) {
    if (!isSmsError(error) || typeof error.details !== 'object' || error.details === null)
        return undefined;
    const details = error.details;
    return details.outcome === 'failed' || details.outcome === 'unknown' ? details : undefined;
}
//# sourceMappingURL=platform-call.js.map