import type { NumberKind } from '../channels/channel.js';
import { SmsError } from '../errors.js';
import { normalizePhone } from './phone.js';

/**
 * Why a number cannot be sent to: not a string (`type`), empty, something other than digits
 * after one leading `+` (`characters`), digits with no country code (`no-country-code`), a
 * country code no country has (`country-code`), too short or longer than E.164's 15 digits
 * (`length`), a `+86` number that is not a mainland mobile number (`mainland`), or an
 * international number where no channel sends abroad (`international`).
 */
export type E164Reason = 'type' | 'empty' | 'characters' | 'no-country-code' | 'country-code' | 'length' | 'mainland' | 'international';

/** A recipient in both spellings channels need. */
export interface E164Number {
  /** As the router handles it: mainland 11 digits, international `+` and digits. */
  readonly number: string;
  /** Always E.164, `+8613800138000` for a mainland number. */
  readonly e164: string;
  /** Which kind it is. */
  readonly kind: NumberKind;
  /** The country calling code without `+` (`86`, `44`, `1`). */
  readonly countryCode: string;
}

// The ITU-T E.164 country calling codes in service (1 and 7 are shared by several countries).
// Written out rather than pulled from libphonenumber: its metadata is megabytes, and only the
// code is needed here, not per-country number plans, which the provider checks anyway.
const COUNTRY_CODES = new Set(
  (
    '1 7 20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98 ' +
    '211 212 213 216 218 220 221 222 223 224 225 226 227 228 229 230 231 232 233 234 235 236 237 238 239 240 241 242 243 244 245 246 247 248 249 250 ' +
    '251 252 253 254 255 256 257 258 260 261 262 263 264 265 266 267 268 269 290 291 297 298 299 350 351 352 353 354 355 356 357 358 359 370 371 372 ' +
    '373 374 375 376 377 378 380 381 382 383 385 386 387 389 420 421 423 500 501 502 503 504 505 506 507 508 509 590 591 592 593 594 595 596 597 598 ' +
    '599 670 672 673 674 675 676 677 678 679 680 681 682 683 685 686 687 688 689 690 691 692 850 852 853 855 856 880 886 960 961 962 963 964 965 966 ' +
    '967 968 970 971 972 973 974 975 976 977 992 993 994 995 996 998'
  ).split(' '),
);

const SEPARATORS = /[\s\-\u2010-\u2015().\p{Cf}]/gu;

function countryCodeOf(digits: string): string | undefined {
  for (const length of [1, 2, 3]) {
    const code = digits.slice(0, length);
    if (COUNTRY_CODES.has(code)) return code;
  }
  return undefined;
}

/**
 * A number in E.164 terms, or why it is not one. Mainland numbers are recognised in every
 * spelling `normalizePhone` accepts (`13800138000`, `+86…`, `0086…`, `86` + 11 digits); other
 * numbers need their country code, written `+44…` or `0044…`.
 */
export function classifyE164(input: unknown): E164Number | { reason: E164Reason } {
  if (typeof input !== 'string' && typeof input !== 'number') return { reason: 'type' };
  const mainland = normalizePhone(input);
  if (mainland !== undefined) return { number: mainland, e164: `+86${mainland}`, kind: 'mainland', countryCode: '86' };
  // NFKC turns fullwidth digits and ＋ from a Chinese input method into ASCII.
  const stripped = String(input).normalize('NFKC').replace(SEPARATORS, '');
  if (stripped === '') return { reason: 'empty' };
  const international = stripped.startsWith('+') ? stripped.slice(1) : stripped.startsWith('00') ? stripped.slice(2) : undefined;
  if (!/^[0-9]+$/.test(international ?? stripped)) return { reason: 'characters' };
  if (international === undefined) return { reason: 'no-country-code' };
  const countryCode = countryCodeOf(international);
  if (countryCode === undefined) return { reason: 'country-code' };
  if (countryCode === '86') return { reason: 'mainland' };
  if (international.length < 7 || international.length > 15) return { reason: 'length' };
  return { number: `+${international}`, e164: `+${international}`, kind: 'international', countryCode };
}

/** The number in E.164 terms, or `undefined` when no channel could send to it. */
export function parseE164(input: unknown): E164Number | undefined {
  const result = classifyE164(input);
  return 'reason' in result ? undefined : result;
}

const REASONS: Readonly<Record<E164Reason, string>> = {
  type: 'not a string',
  empty: 'empty',
  characters: 'not only digits after an optional +',
  'no-country-code': 'no country code: write +<country code><number>',
  'country-code': 'no country has this country code',
  length: 'not 7–15 digits with the country code',
  mainland: 'a +86 number that is not a mainland mobile number',
  international: 'international, and no channel here sends abroad',
};

/** What {@link assertE164Numbers} allows. */
export interface E164CheckOptions {
  /**
   * Whether some channel can send abroad; when false, every international number is refused
   * with reason `international`.
   * @defaultValue true
   */
  international?: boolean;
  /** The most numbers allowed, after de-duplication. @defaultValue no limit */
  max?: number;
}

/**
 * The numbers in E.164 terms, repeats dropped (first kept), or one throw naming every number
 * no channel can serve and why.
 *
 * @throws {@link SmsError} 40004 for an empty list; 60007 with every bad number (positions and
 *   reasons in `details.invalid`); 60008 when more than `max` remain.
 */
export function assertE164Numbers(inputs: readonly unknown[], options: E164CheckOptions = {}): E164Number[] {
  if (inputs.length === 0) throw new SmsError({ code: 40004, message: 'No phone number given: pass at least one.' });
  const numbers: E164Number[] = [];
  const invalid: { input: string; index: number; reason: E164Reason }[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const result = classifyE164(input);
    const reason = 'reason' in result ? result.reason : result.kind === 'international' && options.international === false ? 'international' : undefined;
    if (reason !== undefined) invalid.push({ input: typeof input === 'string' ? input : String(JSON.stringify(input)), index, reason });
    else if (!('reason' in result) && !seen.has(result.e164)) {
      seen.add(result.e164);
      numbers.push(result);
    }
  });
  if (invalid.length > 0) {
    const named = invalid.slice(0, 10).map((entry) => `phones[${entry.index}] "${entry.input.slice(0, 24)}" (${REASONS[entry.reason]})`);
    const more = invalid.length > 10 ? ` and ${invalid.length - 10} more` : '';
    const hint = invalid.some((entry) => entry.reason === 'international')
      ? 'Add a channel that sends abroad (Tencent Cloud, Aliyun international), or send to mainland numbers only.'
      : 'Write international numbers in E.164 (+447911123456) and mainland mobile numbers as 11 digits or +86….';
    throw new SmsError({ code: 60007, message: `${invalid.length === 1 ? '1 phone number' : `${invalid.length} phone numbers`} cannot be sent to: ${named.join(', ')}${more}.`, hint, details: { invalid } });
  }
  if (options.max !== undefined && numbers.length > options.max) {
    throw new SmsError({ code: 60008, message: `${numbers.length} phone numbers in one request; at most ${options.max}.`, details: { count: numbers.length, max: options.max } });
  }
  return numbers;
}
