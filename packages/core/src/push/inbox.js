import { createHash, timingSafeEqual } from 'node:crypto';
import { describeCode } from '../error-codes.js';
import { isSmsError } from '../errors.js';
import { MemoryNonceStore } from '../stores.js';
import { ipAllowed } from '../verify.js';
import { parseReceiptPush, parseReplyPush } from './payloads.js';
import { PushQueue } from './queue.js';
/**
 * The framework-free half of receiving the platform's pushes (SPEC §3), shared by
 * `@smskit/koa` and `@smskit/nestjs`: a push is authenticated by its apiKey, and optionally a
 * secret path token and a source-IP allowlist; its body is validated into typed
 * {@link Receipt}s or {@link Reply}s; items already seen are dropped (pushes repeat); the answer
 * is ready at once and the handler runs afterwards from a bounded queue, so a slow handler
 * never makes the platform wait past its 1 s limit. Handler failures reach `onError` with
 * their items.
 */
export class PushInbox {
    options;
    apiKeys;
    token;
    dedupe;
    queue;
    constructor(options) {
        this.options = options;
        this.apiKeys = new Set(typeof options.apiKeys === 'string' ? [options.apiKeys] : options.apiKeys);
        if (this.apiKeys.size === 0 || this.apiKeys.has(''))
            throw new TypeError('PushInbox: options.apiKeys must name at least one non-empty apiKey.');
        this.token = options.pathToken === undefined ? undefined : Buffer.from(options.pathToken);
        // De-duplication may forget the oldest item when full: a very old repeat handled twice is
        // the lesser harm next to refusing pushes.
        this.dedupe = options.dedupeStore === false ? undefined : (options.dedupeStore ?? new MemoryNonceStore({ whenFull: 'evict-oldest' }));
        this.queue = new PushQueue({ concurrency: options.concurrency ?? 4, maxQueued: options.maxQueued ?? 10_000 });
    }
    /** Whether routes carry a secret token segment. */
    get expectsPathToken() {
        return this.token !== undefined;
    }
    /** Whether `given` is the secret path token (constant time); always true without one. */
    pathTokenMatches(given) {
        if (!this.token)
            return true;
        if (given === undefined)
            return false;
        const bytes = Buffer.from(given);
        return bytes.length === this.token.length && timingSafeEqual(bytes, this.token);
    }
    /** Checks, de-duplicates and queues one push; resolves the answer for the platform. */
    async accept(push) {
        const { kind, requestId } = push;
        const refuse = (code, message) => ({ status: describeCode(code).httpStatus, body: { code, message, requestId } });
        if (!this.pathTokenMatches(push.pathToken))
            return refuse(2001, 'Unknown push path token.');
        const allowed = this.options.allowedIps ?? [];
        if (allowed.length > 0 && !ipAllowed(push.sourceIp, allowed))
            return refuse(2000, `Source address ${push.sourceIp} may not push.`);
        // Authenticate before validating, so that a stranger learns nothing of the payload's rules.
        const apiKey = typeof push.body === 'object' && push.body !== null ? push.body.apiKey : undefined;
        if (typeof apiKey !== 'string' || !this.apiKeys.has(apiKey))
            return refuse(2001, 'Unknown apiKey in the push.');
        let items;
        try {
            items = await (kind === 'receipts' ? parseReceiptPush(push.body) : parseReplyPush(push.body));
        }
        catch (error) {
            if (!isSmsError(error))
                throw error;
            return refuse(error.code, error.message);
        }
        const info = { kind, requestId, sourceIp: push.sourceIp, receivedAt: new Date() };
        const { fresh, keys } = await this.claimFresh(items);
        const handler = kind === 'receipts' ? this.options.onReceipts : this.options.onReplies;
        const onError = this.options.onError ?? defaultOnError;
        const run = async () => {
            if (fresh.length === 0)
                return;
            // No handler for this kind: the items still reach onError rather than vanish.
            if (!handler)
                throw new Error(`No ${kind === 'receipts' ? 'onReceipts' : 'onReplies'} handler is configured; ${fresh.length} pushed item(s) were not handled.`);
            await handler(fresh, info);
        };
        const fail = (error) => onError(error, { kind, items: fresh, info });
        if ((this.options.ack ?? 'immediately') === 'after-handler') {
            try {
                await run();
            }
            catch (error) {
                await this.release(keys);
                fail(error);
                return refuse(-1, 'The push could not be handled; repeat it later.');
            }
        }
        else if (fresh.length > 0 && !this.queue.offer({ run, fail })) {
            await this.release(keys);
            return refuse(-1, 'Too many pushes waiting; repeat it later.');
        }
        return { status: 200, body: { code: 200, message: 'OK', requestId } };
    }
    /** Resolves once every accepted push has been handled (for shutdown and tests). */
    idle() {
        return this.queue.idle();
    }
    /** Batches accepted but not yet handled. */
    get pending() {
        return this.queue.pending;
    }
    async claimFresh(items) {
        if (!this.dedupe)
            return { fresh: items, keys: [] };
        const ttl = this.options.dedupeTtlMs ?? 86_400_000;
        const fresh = [];
        const keys = [];
        for (const item of items) {
            const key = dedupeKey(item);
            if (await this.dedupe.claim(key, ttl)) {
                fresh.push(item);
                keys.push(key);
            }
        }
        return { fresh: fresh, keys };
    }
    /** Forgets items whose handling failed, so the platform's repeat is handled again. */
    async release(keys) {
        if (!this.dedupe?.release)
            return;
        for (const key of keys)
            await this.dedupe.release(key);
    }
}
function dedupeKey(item) {
    if ('msgId' in item)
        return `push:r:${item.apiKey}:${item.msgId}:${item.tel}:${item.arriveResult}`;
    const content = createHash('sha256').update(item.content).digest('base64url').slice(0, 22);
    return `push:u:${item.apiKey}:${item.srcId}:${item.tel}:${item.arriveTime}:${content}`;
}
function defaultOnError(error, failure) {
    console.error(`smskit: the ${failure.kind} push handler failed for ${failure.items.length} item(s) (requestId ${failure.info.requestId}):`, error);
}
//# sourceMappingURL=inbox.js.map