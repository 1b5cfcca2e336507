/** The most numbers one `send` or `sendBatch` request takes (60008). */
export declare const MAX_PHONES_PER_REQUEST = 1000;
/**
 * Why a number was rejected: not a string (`type`), nothing left once separators are removed
 * (`empty`), something other than digits (`characters`), not 11 digits (`length`), or 11
 * digits that do not start 13–19 (`prefix`).
 */
export type InvalidPhoneReason = 'type' | 'empty' | 'characters' | 'length' | 'prefix';
/** A number that is not a mainland mobile number, with where it was in the input. */
export interface InvalidPhone {
    /** The input as given (non-strings as JSON). */
    readonly input: string;
    /** Its position in the input list (after splitting a comma-separated string). */
    readonly index: number;
    /** Why it was rejected. */
    readonly reason: InvalidPhoneReason;
}
/** What {@link checkPhones} makes of a list of numbers. */
export interface PhoneCheck {
    /** The valid numbers, normalised to 11 digits, in input order. */
    readonly phones: string[];
    /** Every rejected number, in input order. */
    readonly invalid: InvalidPhone[];
    /** How many valid numbers were dropped as repeats of an earlier one. */
    readonly duplicates: number;
    /** How many valid numbers are over `max` (0 when within). */
    readonly excess: number;
}
/** Options of {@link checkPhones} and {@link assertPhones}. */
export interface PhoneCheckOptions {
    /**
     * The most numbers allowed, counted after de-duplication.
     * @defaultValue 1000 ({@link MAX_PHONES_PER_REQUEST})
     */
    max?: number;
    /**
     * Drop repeats of a number, keeping the first. Turn off for `sendBatch`, where each number
     * lines up with its own parameter list.
     * @defaultValue true
     */
    unique?: boolean;
}
/**
 * A mainland mobile number as the platform wants it (11 digits, `^1[3-9]\d{9}$`), or
 * `undefined` when `input` is not one. Removes `+86`, `0086`, or `86` in front of 13 digits,
 * spaces, dashes and parentheses; fullwidth digits count as digits. Idempotent.
 */
export declare function normalizePhone(input: unknown): string | undefined;
/**
 * Checks a list of numbers (or a comma-separated string of them): normalises each, reports
 * every invalid one with its position, and drops repeats keeping the first occurrence.
 * Never throws; see {@link assertPhones} for the throwing form.
 */
export declare function checkPhones(inputs: string | readonly unknown[], options?: PhoneCheckOptions): PhoneCheck;
/**
 * The normalised, de-duplicated numbers of {@link checkPhones}, or a throw.
 *
 * @throws {@link SmsError} 40004 when there is no number at all; 60007 naming every invalid
 *   number (the first ten in the message, all in `details.invalid`); 60008 when more than
 *   `max` remain.
 */
export declare function assertPhones(inputs: string | readonly unknown[], options?: PhoneCheckOptions): string[];
