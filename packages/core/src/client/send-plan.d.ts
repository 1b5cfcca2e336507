import { type InvalidPhone } from '../rules/phone.js';
import type { SendBatchInput, SendInput } from './send-input.js';
/** One request of a send, ready to go. */
export interface PlannedChunk {
    index: number;
    /** Its numbers, normalised. */
    phones: string[];
    bid: string;
    /** The JSON body's fields; built when the chunk leaves, so a million numbers are not all encoded at once. */
    body(): Record<string, string>;
}
/** A send checked locally and split into requests of at most 1000 numbers. */
export interface SendPlan {
    endpoint: 'send' | 'sendBatch';
    chunks: PlannedChunk[];
    /** Numbers dropped locally (with `invalidPhones: 'skip'`). */
    invalid: InvalidPhone[];
    /** Repeats dropped (send only). */
    duplicates: number;
}
/** What the plan takes from the client. */
export interface PlanContext {
    invalidPhones: 'reject' | 'skip';
    templates: Readonly<Record<string, string>> | undefined;
    /** Makes a bid for a request when the caller gave none. */
    newBid?: () => string;
}
/**
 * Checks a send as the platform would (40004, 60006, 60003, 60004, 60007) and splits its
 * numbers, normalised and without repeats, into requests of at most 1000.
 *
 * @throws {@link SmsError} with the platform's code for the first mistake found.
 */
export declare function planSend(input: SendInput, context: PlanContext): SendPlan;
/**
 * Checks a sendBatch as the platform would (40004, 60006, 60003, 60004, 60007) and splits its
 * messages, in order and with repeats kept, into requests of at most 1000.
 *
 * @throws {@link SmsError} with the platform's code for the first mistake found.
 */
export declare function planSendBatch(input: SendBatchInput, context: PlanContext): SendPlan;
