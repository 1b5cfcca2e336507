import { type NonceStore } from '../stores.js';
import { type Receipt, type Reply } from './payloads.js';
/** Which push a batch came from. */
export type PushKind = 'receipts' | 'replies';
/** What a push handler learns besides the items. */
export interface PushInfo {
    /** Which push it was. */
    kind: PushKind;
    /** The id answered to the platform. */
    requestId: string;
    /** The pushing address. */
    sourceIp: string;
    /** When the push arrived. */
    receivedAt: Date;
}
/** A handler failure, as the `onError` hook gets it: the items are there, so nothing is lost. */
export interface PushFailure {
    /** Which push it was. */
    kind: PushKind;
    /** The receipts or replies the handler was given. */
    items: Receipt[] | Reply[];
    /** The push's details. */
    info: PushInfo;
}
/** How pushes are authenticated, de-duplicated and handed to the user: what every adapter shares. */
export interface PushInboxOptions {
    /** The apiKey (or keys) whose pushes are accepted; the push body names its apiKey. */
    apiKeys: string | readonly string[];
    /**
     * A secret last path segment: pushes are accepted only at `<path>/<pathToken>`, the URL to
     * register in the console. Compared in constant time.
     */
    pathToken?: string;
    /** Addresses or CIDR ranges allowed to push; empty or absent: any. */
    allowedIps?: readonly string[];
    /** Handles new (not repeated) receipts. */
    onReceipts?: (receipts: Receipt[], info: PushInfo) => void | Promise<void>;
    /** Handles new (not repeated) replies. */
    onReplies?: (replies: Reply[], info: PushInfo) => void | Promise<void>;
    /**
     * Called when a handler throws or rejects, with the items it was given.
     * @defaultValue writes the failure (kind, count, error) to `console.error`
     */
    onError?: (error: unknown, failure: PushFailure) => void;
    /**
     * Remembers pushed items so repeats reach the handler once. `false` passes repeats on.
     * @defaultValue a new in-process `MemoryNonceStore`
     */
    dedupeStore?: NonceStore | false;
    /** How long an item is remembered, in ms. @defaultValue 86_400_000 (24 h) */
    dedupeTtlMs?: number;
    /**
     * `'immediately'`: answer the platform first, then run the handler from an in-process queue
     * (the platform wants an answer within 1 s; queued work is lost if the process dies).
     * `'after-handler'`: run the handler first and answer -1 if it fails, so the platform's repeat
     * is accepted again — for handlers that are reliably fast.
     * @defaultValue `'immediately'`
     */
    ack?: 'immediately' | 'after-handler';
    /** Handlers running at once, with `ack: 'immediately'`. @defaultValue 4 */
    concurrency?: number;
    /** Batches waiting at most; past that pushes are answered -1 and repeated later. @defaultValue 10_000 */
    maxQueued?: number;
}
/** One push as an adapter hands it over. */
export interface IncomingPush {
    /** Which endpoint it arrived at. */
    kind: PushKind;
    /** The parsed JSON body. */
    body: unknown;
    /** The pushing address. */
    sourceIp: string;
    /** The id to answer with. */
    requestId: string;
    /** The last path segment, when the adapter's route has a token slot. */
    pathToken?: string;
}
/** What to answer the platform: the catalogue's HTTP status for the code, and the platform's JSON shape. */
export interface PushAnswer {
    /** The HTTP status. */
    status: number;
    /** The body. */
    body: {
        code: number;
        message: string;
        requestId: string;
    };
}
/**
 * The framework-free half of receiving the platform's pushes (SPEC §3), shared by
 * `@smskit/koa` and `@smskit/nestjs`: a push is authenticated by its apiKey, and optionally a
 * secret path token and a source-IP allowlist; its body is validated into typed
 * {@link Receipt}s or {@link Reply}s; items already seen are dropped (pushes repeat); the answer
 * is ready at once and the handler runs afterwards from a bounded queue, so a slow handler
 * never makes the platform wait past its 1 s limit. Handler failures reach `onError` with
 * their items.
 */
export declare class PushInbox {
    private readonly options;
    private readonly apiKeys;
    private readonly token;
    private readonly dedupe;
    private readonly queue;
    constructor(options: PushInboxOptions);
    /** Whether routes carry a secret token segment. */
    get expectsPathToken(): boolean;
    /** Whether `given` is the secret path token (constant time); always true without one. */
    pathTokenMatches(given: string | undefined): boolean;
    /** Checks, de-duplicates and queues one push; resolves the answer for the platform. */
    accept(push: IncomingPush): Promise<PushAnswer>;
    /** Resolves once every accepted push has been handled (for shutdown and tests). */
    idle(): Promise<void>;
    /** Batches accepted but not yet handled. */
    get pending(): number;
    private claimFresh;
    /** Forgets items whose handling failed, so the platform's repeat is handled again. */
    private release;
}
