import { assertTemplateValues } from './request.js';
import { parseTemplate } from './template.js';

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
export const SEGMENT_LIMITS: Readonly<Record<MessageEncoding, SegmentLimits>> = {
  'GSM-7': { single: 160, perPart: 153 },
  'UCS-2': { single: 70, perPart: 67 },
};

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

const GSM7_BASIC = new Set(
  Array.from(
    '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
  ),
);

// Reached through an escape, so each costs two septets.
const GSM7_EXTENSION = new Set(Array.from('\f^{}\\[~]|€'));

function isGsm7Character(char: string): boolean {
  return GSM7_BASIC.has(char) || GSM7_EXTENSION.has(char);
}

/** True when every character of `text` is in the GSM 03.38 basic set or its extension table. */
export function isGsm7(text: string): boolean {
  return Array.from(text).every(isGsm7Character);
}

function withSignature(text: string, signature: string | undefined): string {
  return signature === undefined || signature === '' ? text : `【${signature}】${text}`;
}

/** The cost of each code point in the encoding's units. */
function costs(chars: readonly string[], encoding: MessageEncoding): number[] {
  return encoding === 'GSM-7' ? chars.map((char) => (GSM7_EXTENSION.has(char) ? 2 : 1)) : chars.map((char) => char.length);
}

// Parts are filled greedily because an escape pair or a surrogate pair is never split between
// two parts: a message can need one part more than characters / perPart suggests.
function partsOf(units: readonly number[], limits: SegmentLimits): number {
  const total = units.reduce((sum, unit) => sum + unit, 0);
  if (total === 0) return 0;
  if (total <= limits.single) return 1;
  let parts = 1;
  let used = 0;
  for (const unit of units) {
    if (used + unit > limits.perPart) {
      parts += 1;
      used = 0;
    }
    used += unit;
  }
  return parts;
}

/**
 * The length, encoding and billed parts of a message, signature included (SPEC §6): GSM-7
 * (160 single, 153 a part) when every character allows it, else UCS-2 (70 single, 67 a part).
 * A signed message is always UCS-2, since `【】` are not GSM-7. An empty message is 0 parts:
 * the platform sends nothing (60005); a signature alone still counts.
 */
export function countSegments(options: CountSegmentsOptions): SegmentCount {
  const chars = Array.from(withSignature(options.text, options.signature));
  const encoding: MessageEncoding = chars.every(isGsm7Character) ? 'GSM-7' : 'UCS-2';
  const limits = SEGMENT_LIMITS[encoding];
  const units = costs(chars, encoding);
  return {
    characters: units.reduce((sum, unit) => sum + unit, 0),
    encoding,
    parts: partsOf(units, limits),
    perPart: limits.perPart,
    maxSingle: limits.single,
  };
}

/**
 * The message as a recipient sees it: `【signature】` then the template with each variable
 * replaced by its value. Values are inserted as they are, never read as variables. A
 * malformed variable stays as written; {@link parseTemplate} reports it.
 *
 * @throws `SmsError` 60003 or 60004 when the values do not fit the template, 60006 when
 *   they are not strings (see {@link assertTemplateValues}).
 */
export function renderTemplate(options: RenderTemplateOptions): string {
  const { variables } = parseTemplate(options.template);
  const values = assertTemplateValues({ template: variables, values: options.values ?? [] });
  const chars = Array.from(options.template);
  let text = '';
  let at = 0;
  variables.forEach((variable, i) => {
    text += chars.slice(at, variable.index).join('') + (values[i] ?? '');
    at = variable.index + variable.length;
  });
  return withSignature(text + chars.slice(at).join(''), options.signature);
}
