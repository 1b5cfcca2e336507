import { SmsError } from '../errors.js';
import type { InvalidPhone } from '../rules/phone.js';
import { type CallFailureDetails, type PlatformAnswer } from './platform-call.js';
/**
 * How one request of a send ended: `sent` — the platform accepted it (some numbers may still be
 * in `failPhones`); `failed` — it did not, nothing was sent; `unknown` — no answer came after
 * the request was written, so it may or may not have been sent (reconcile by `bid`).
 */
export type ChunkStatus = 'sent' | 'failed' | 'unknown';
/** One request of a send (at most 1000 numbers) and how it ended. */
export interface ChunkResult {
    /** Its position among the send's requests, from 0. */
    index: number;
    /** Its numbers, normalised, in the order sent. */
    phones: string[];
    /** The business id it carried; receipts echo it. */
    bid: string;
    /** How it ended. */
    status: ChunkStatus;
    /** The msgId the platform answered (status `sent`). */
    msgId?: string;
    /** Numbers of this request the platform did not accept (from its `failPhones`). */
    failPhones: string[];
    /** The platform's requestId, when known. */
    requestId?: string;
    /** Why it failed or why its outcome is unknown. */
    error?: SmsError;
}
/**
 * How a send or sendBatch ended, every request of it: one request failing never hides the
 * others.
 */
export interface SendResult {
    /** `sent`: every request accepted every number; `partial`: some were; `failed` / `unknown`: none surely was. */
    status: 'sent' | 'partial' | 'failed' | 'unknown';
    /** Each request, in order. */
    chunks: ChunkResult[];
    /** The msgIds of the accepted requests, in order. */
    msgIds: string[];
    /** Numbers surely not sent: the platform's `failPhones`, and every number of a failed request. */
    failedPhones: string[];
    /** Numbers whose requests ended `unknown`. */
    unknownPhones: string[];
    /** Numbers dropped locally as malformed (with `invalidPhones: 'skip'`), with their positions. */
    invalid: InvalidPhone[];
    /** Repeated numbers dropped locally (send only; sendBatch keeps repeats). */
    duplicates: number;
}
/** What an {@link SmsError} from a send or sendBatch that sent nothing carries in `details`. */
export interface SendFailureDetails extends CallFailureDetails {
    /** The whole result, every request with its own error. */
    result: SendResult;
}
/** A request the platform accepted. */
export declare function sentChunk(chunk: {
    index: number;
    phones: string[];
    bid: string;
}, answer: PlatformAnswer): ChunkResult;
/** A request that failed or whose outcome is unknown. */
export declare function unsentChunk(chunk: {
    index: number;
    phones: string[];
    bid: string;
}, thrown: unknown): ChunkResult;
/** Every request's outcome, summed up. */
export declare function aggregate(options: {
    chunks: ChunkResult[];
    invalid: InvalidPhone[];
    duplicates: number;
}): SendResult;
/**
 * The error a send that sent nothing rejects with: the first unknown request's error when there
 * is one (so that nobody retries blindly), else the first failure's, with the whole result in
 * `details.result`.
 */
export declare function nothingSentError(result: SendResult): SmsError;
/**
 * The {@link SendResult} an error thrown by `send` or `sendBatch` carries, when it sent nothing;
 * `undefined` for local validation errors (nothing left) and other errors.
 */
export declare function sendResultOf(error: unknown): SendResult | undefined;
