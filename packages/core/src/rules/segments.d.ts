/** How a message travels: 7-bit GSM 03.38 when every character allows it, UCS-2 otherwise. */
export type MessageEncoding = 'GSM-7' | 'UCS-2';
/** How many characters fit one SMS of an encoding. */
export interface SegmentLimits {
    /** The most characters in a message sent as one SMS. */
    readonly single: number;
    /** The most characters in each part of a longer message (the rest of a part holds the header that joins them). */
    readonly perPart: number;
}
/** The limits of each encoding: 160/153 for GSM-7, 70/67 for UCS-2 (SPEC §6). */
export declare const SEGMENT_LIMITS: Readonly<Record<MessageEncoding, SegmentLimits>>;
/** What {@link countSegments} counts. */
export interface CountSegmentsOptions {
    /** The message text, variables filled in (see {@link renderTemplate}). */
    text: string;
    /** The signature without brackets; it is counted as `【signature】` in front of the text. */
    signature?: string;
}
/** How long a message is and how many SMS it is billed as. */
export interface SegmentCount {
    /** Its length in the encoding's units: septets for GSM-7 (extension characters count two), UTF-16 code units for UCS-2. */
    readonly characters: number;
    /** The encoding it travels in. */
    readonly encoding: MessageEncoding;
    /** How many SMS it is billed as; 0 for an empty message. */
    readonly parts: number;
    /** The most characters in each part of a split message. */
    readonly perPart: number;
    /** The most characters in a message that stays one SMS. */
    readonly maxSingle: number;
}
/** What {@link renderTemplate} fills in. */
export interface RenderTemplateOptions {
    /** The template text with its `{name,maxLen}` variables. */
    template: string;
    /**
     * One value per variable, in order.
     * @defaultValue `[]`
     */
    values?: readonly string[];
    /** The signature without brackets, shown as `【signature】` in front. */
    signature?: string;
}
/** True when every character of `text` is in the GSM 03.38 basic set or its extension table. */
export declare function isGsm7(text: string): boolean;
/**
 * The length, encoding and billed parts of a message, signature included (SPEC §6): GSM-7
 * (160 single, 153 a part) when every character allows it, else UCS-2 (70 single, 67 a part).
 * A signed message is always UCS-2, since `【】` are not GSM-7. An empty message is 0 parts:
 * the platform sends nothing (60005); a signature alone still counts.
 */
export declare function countSegments(options: CountSegmentsOptions): SegmentCount;
/**
 * The message as a recipient sees it: `【signature】` then the template with each variable
 * replaced by its value. Values are inserted as they are, never read as variables. A
 * malformed variable stays as written; {@link parseTemplate} reports it.
 *
 * @throws `SmsError` 60003 or 60004 when the values do not fit the template, 60006 when
 *   they are not strings (see {@link assertTemplateValues}).
 */
export declare function renderTemplate(options: RenderTemplateOptions): string;
