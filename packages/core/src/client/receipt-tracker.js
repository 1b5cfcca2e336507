import { isDelivered, RECEIPT_HORIZON_MS } from '../delivery.js';
import { toSmsError } from '../errors.js';
import { MAX_RECEIPT_QUERY_IDS } from './receipts.js';
const keyOf = (msgId, phone) => `${msgId}\u0000${phone}`;
/**
 * Follows messages, by (msgId, number) — one msgId covers every number of its request — until
 * each has a receipt or the horizon (72 h) passes. Merges pushed receipts (`ingest`) and pulled
 * ones (`pull`), pulling only for msgIds still open, at most 600 ids a call, in rotation, within
 * the source's pacing. A repeated receipt is ignored: the first one settles a message.
 */
export class ReceiptTracker {
    options;
    groups = new Map();
    unmatched = new Map();
    /** msgIds settled in full lately, so that a repeated push for them is not taken for an unmatched receipt. */
    done = new Set();
    now;
    pulling;
    timer;
    running = false;
    constructor(options = {}) {
        this.options = options;
        this.now = options.now ?? (() => Date.now());
    }
    /** Messages still waiting for their receipt. */
    get openCount() {
        let open = 0;
        for (const group of this.groups.values())
            open += group.open;
        return open;
    }
    /** Starts following a send's numbers; answers the outcomes settled at once by receipts that came early. */
    track(send) {
        const sentAt = send.sentAt ?? this.now();
        let group = this.groups.get(send.msgId);
        if (!group) {
            group = { entries: new Map(), open: 0, sentAt, waiters: [] };
            this.groups.set(send.msgId, group);
        }
        group.sentAt = Math.min(group.sentAt, sentAt);
        for (const phone of send.phones) {
            if (group.entries.has(phone))
                continue;
            group.entries.set(phone, { bid: send.bid, sentAt });
            group.open++;
        }
        const settled = [];
        for (const phone of send.phones) {
            const early = this.unmatched.get(keyOf(send.msgId, phone));
            if (!early)
                continue;
            this.unmatched.delete(keyOf(send.msgId, phone));
            const outcome = this.settle(early.receipt, early.via);
            if (outcome)
                settled.push(outcome);
        }
        return settled;
    }
    /** Follows every accepted number of a send's result (its `failPhones` left out; `unknown` requests have no msgId to follow). */
    trackResult(result, sentAt) {
        return result.chunks.flatMap((chunk) => {
            if (chunk.status !== 'sent' || chunk.msgId === undefined)
                return [];
            const failed = new Set(chunk.failPhones);
            const phones = failed.size === 0 ? chunk.phones : chunk.phones.filter((phone) => !failed.has(phone));
            return this.track({ msgId: chunk.msgId, phones, bid: chunk.bid, ...(sentAt === undefined ? {} : { sentAt }) });
        });
    }
    /** Merges receipts (pushed ones by default); answers the outcomes they settled. */
    ingest(receipts, via = 'push') {
        const settled = [];
        for (const receipt of receipts) {
            const entry = this.groups.get(receipt.msgId)?.entries.get(receipt.tel);
            if (entry === undefined) {
                if (!this.done.has(receipt.msgId))
                    this.hold(receipt, via);
                continue;
            }
            const outcome = this.settle(receipt, via);
            if (outcome)
                settled.push(outcome);
        }
        return settled;
    }
    /**
     * Pulls once for the open msgIds (the longest-waiting 600), ingests what came and settles
     * what passed the horizon; answers the outcomes settled. Concurrent calls share one pull.
     *
     * @throws {@link SmsError} when the pull fails (nothing is lost: the messages stay open).
     */
    pull() {
        this.pulling ??= this.pullOnce().finally(() => {
            this.pulling = undefined;
        });
        return this.pulling;
    }
    /** Settles `NO_RECEIPT` every message past the horizon, and lets go of unmatched receipts held too long. */
    expire() {
        const now = this.now();
        const horizon = this.options.horizonMs ?? RECEIPT_HORIZON_MS;
        const settled = [];
        for (const [msgId, group] of [...this.groups]) {
            if (group.sentAt + horizon > now)
                continue;
            for (const [phone, entry] of group.entries) {
                if (entry.outcome || entry.sentAt + horizon > now)
                    continue;
                const outcome = this.settleEntry({ msgId, phone, entry, group, fields: { status: 'NO_RECEIPT', delivered: false, via: 'horizon' } });
                settled.push(outcome);
            }
        }
        const hold = this.options.holdUnmatchedMs ?? 300_000;
        for (const [key, held] of this.unmatched) {
            if (held.at + hold > now)
                break; // held in arrival order
            this.unmatched.delete(key);
            this.tell(() => this.options.onUnmatched?.(held.receipt));
        }
        return settled;
    }
    /** Resolves with every outcome of `msgId` once all its numbers are settled; at once with `[]` when it is not tracked. */
    whenFinal(msgId) {
        const group = this.groups.get(msgId);
        if (!group)
            return Promise.resolve([]);
        return new Promise((resolve) => group.waiters.push(resolve));
    }
    /** Pulls every `pullEveryMs` while messages are open (the timer does not keep the process alive). */
    start() {
        if (this.running)
            return;
        this.running = true;
        this.schedule();
    }
    /** Stops pulling. */
    stop() {
        this.running = false;
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = undefined;
    }
    schedule() {
        if (!this.running)
            return;
        this.timer = setTimeout(() => {
            this.pull()
                .catch((error) => this.tell(() => this.options.onError?.(toSmsError(error))))
                .finally(() => this.schedule());
        }, this.options.pullEveryMs ?? 60_000);
        this.timer.unref();
    }
    async pullOnce() {
        const settled = this.expire();
        const source = this.options.source;
        if (!source || this.groups.size === 0)
            return settled;
        const ids = [];
        for (const [msgId, group] of this.groups) {
            if (group.open > 0)
                ids.push(msgId);
            if (ids.length === MAX_RECEIPT_QUERY_IDS)
                break;
        }
        if (ids.length === 0)
            return settled;
        // Rotate: the ids asked for now go to the back of the line.
        for (const msgId of ids) {
            const group = this.groups.get(msgId);
            this.groups.delete(msgId);
            this.groups.set(msgId, group);
        }
        const receipts = await source.queryReceipts({ msgIds: ids });
        return [...settled, ...this.ingest(receipts, 'pull')];
    }
    hold(receipt, via) {
        const key = keyOf(receipt.msgId, receipt.tel);
        if (this.unmatched.has(key))
            return;
        this.unmatched.set(key, { receipt, via, at: this.now() });
        const max = this.options.maxUnmatched ?? 10_000;
        while (this.unmatched.size > max) {
            const [oldest, held] = this.unmatched.entries().next().value;
            this.unmatched.delete(oldest);
            this.tell(() => this.options.onUnmatched?.(held.receipt));
        }
    }
    settle(receipt, via) {
        const group = this.groups.get(receipt.msgId);
        const entry = group?.entries.get(receipt.tel);
        if (!group || !entry || entry.outcome)
            return undefined;
        const fields = {
            status: receipt.status,
            delivered: isDelivered(receipt.status),
            via,
            ...(receipt.arrivedAt === undefined ? {} : { arrivedAt: receipt.arrivedAt }),
            ...(entry.bid === undefined && receipt.bid !== undefined ? { bid: receipt.bid } : {}),
        };
        return this.settleEntry({ msgId: receipt.msgId, phone: receipt.tel, entry, group, fields });
    }
    settleEntry(options) {
        const { msgId, phone, entry, group } = options;
        const outcome = { msgId, phone, ...(entry.bid === undefined ? {} : { bid: entry.bid }), ...options.fields };
        entry.outcome = outcome;
        group.open--;
        this.tell(() => this.options.onFinal?.(outcome));
        if (group.open === 0) {
            this.groups.delete(msgId);
            this.done.add(msgId);
            if (this.done.size > (this.options.maxUnmatched ?? 10_000))
                this.done.delete(this.done.values().next().value);
            const outcomes = [...group.entries.values()].map((e) => e.outcome);
            for (const resolve of group.waiters)
                resolve(outcomes);
        }
        return outcome;
    }
    tell(action) {
        try {
            action();
        }
        catch {
            // a listener must not stop the tracker
        }
    }
}
//# sourceMappingURL=receipt-tracker.js.map