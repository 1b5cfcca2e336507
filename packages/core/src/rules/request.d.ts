import { type TemplateVariable } from './template.js';
/** The longest `bid` (the caller's business id, echoed in receipts), in code points. */
export declare const MAX_BID_LENGTH = 64;
/** The largest `upExtendCode` of the platform's default range 1–99. */
export declare const MAX_UP_EXTEND_CODE = 99;
/** A template as the value checks need it: its text, or the variables {@link parseTemplate} found. */
export type TemplateSource = string | readonly TemplateVariable[];
/** What {@link assertTemplateValues} checks. */
export interface TemplateValuesOptions {
    /** The template the values are for. */
    template: TemplateSource;
    /**
     * The values, one per variable in order: an array of strings, or the wire `templateParam`
     * (a JSON array of strings, as a string). `undefined` stands for a template without variables.
     */
    values: unknown;
}
/** What {@link assertSendBatch} checks. */
export interface SendBatchOptions {
    /** The numbers, one per message, in order; each is normalised, none is dropped. */
    phones: readonly unknown[];
    /**
     * One list of values per number, in the same order: arrays of strings (`[]` for a template
     * without variables), or the wire `templateParamJson`.
     */
    params: unknown;
    /** When given, every list is checked against this template (60003, 60004). */
    template?: TemplateSource;
    /**
     * The most numbers allowed.
     * @defaultValue 1000
     */
    max?: number;
}
/** A sendBatch request's numbers and parameter lists, checked and aligned. */
export interface SendBatch {
    /** The normalised numbers, in input order, repeats kept. */
    readonly phones: string[];
    /** One list of values per number. */
    readonly params: string[][];
}
/** Options of {@link assertUpExtendCode}. */
export interface UpExtendCodeOptions {
    /**
     * The largest code the account may use; the platform's default range ends at 99.
     * @defaultValue 99
     */
    max?: number;
}
/**
 * The values of a wire `templateParam` (SPEC §3: a JSON array of strings, as a string). An
 * empty string stands for a template without variables, as a left-out field does.
 *
 * @throws {@link SmsError} 60006 when it is not valid JSON or not an array of strings.
 */
export declare function decodeTemplateParam(wire: string): string[];
/** The wire `templateParam` for `values`, or `undefined` (leave the field out) when there are none. */
export declare function encodeTemplateParam(values: readonly string[]): string | undefined;
/**
 * The parameter lists of a wire `templateParamJson` (a JSON array of arrays, as a string);
 * the `""` entries sent for a template without variables become `[]`.
 *
 * @throws {@link SmsError} 60006 when it is not valid JSON or not that shape.
 */
export declare function decodeTemplateParamJson(wire: string): string[][];
/**
 * The wire `templateParamJson` for one list of values per number. An empty list is written
 * `""`, so a template without variables gets `["",""…]` as the platform wants (SPEC §3).
 */
export declare function encodeTemplateParamJson(lists: readonly (readonly string[])[]): string;
/**
 * The values for a template, checked against its variables: one string per variable, each
 * no longer than its `maxLen` in code points.
 *
 * @throws {@link SmsError} 60006 when the values are not an array of strings (or not valid
 *   wire JSON); 60003 when their count differs from the variables'; 60004 naming each value
 *   that is too long, with its variable and position (lengths only, never the values).
 */
export declare function assertTemplateValues(options: TemplateValuesOptions): string[];
/**
 * The numbers and parameter lists of a sendBatch request, checked and aligned: lists are
 * decoded (60006), the count is within `max` (60008), there is one list per number (60002),
 * every number is valid (60007; 40004 when there is none), and with `template` every list fits it (60003, 60004).
 * Repeated numbers are kept: each has its own list.
 *
 * @throws {@link SmsError} with the first of those codes that applies.
 */
export declare function assertSendBatch(options: SendBatchOptions): SendBatch;
/**
 * A checked `upExtendCode` (the uplink extension code): digits without a leading zero, from 1
 * to `max`. `undefined`, `null` and `""` mean "none" and give `undefined`, so the field is left out.
 *
 * @throws {@link SmsError} 40004 otherwise.
 */
export declare function assertUpExtendCode(value: unknown, options?: UpExtendCodeOptions): string | undefined;
/**
 * A checked `bid` (the caller's business id, echoed in receipts): a string of at most 64
 * code points. `undefined`, `null` and `""` mean "none" and give `undefined`.
 *
 * @throws {@link SmsError} 40004 otherwise.
 */
export declare function assertBid(value: unknown): string | undefined;
