import { MAX_PHONES_PER_REQUEST } from '../endpoints.js';
import { SmsError } from '../errors.js';


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

const MAINLAND_MOBILE = /^1[3-9][0-9]{9}$/;

// What people type or paste inside a number: spaces of every kind, dashes, parentheses, and
// invisible format characters (a BOM or zero-width space from a spreadsheet).
const SEPARATORS = /[\s\-\u2010-\u2015()\p{Cf}]/gu;

const REASONS: Readonly<Record<InvalidPhoneReason, string>> = {
  type: 'not a string',
  empty: 'empty',
  characters: 'not only digits',
  length: 'not 11 digits',
  prefix: 'does not start 13–19',
};

function classify(input: unknown): { phone: string } | { reason: InvalidPhoneReason } {
  if (typeof input === 'number' && Number.isSafeInteger(input) && input > 0) return classify(String(input));
  if (typeof input !== 'string') return { reason: 'type' };
  // NFKC turns fullwidth digits, ＋ and （） from a Chinese input method into ASCII.
  const stripped = input.normalize('NFKC').replace(SEPARATORS, '');
  const national = stripped.startsWith('+86')
    ? stripped.slice(3)
    : stripped.startsWith('0086')
      ? stripped.slice(4)
      : stripped.startsWith('86') && stripped.length === 13
        ? stripped.slice(2)
        : stripped;
  if (national === '') return { reason: 'empty' };
  if (!/^[0-9]+$/.test(national)) return { reason: 'characters' };
  if (national.length !== 11) return { reason: 'length' };
  if (!MAINLAND_MOBILE.test(national)) return { reason: 'prefix' };
  return { phone: national };
}

/**
 * A mainland mobile number as the platform wants it (11 digits, `^1[3-9]\d{9}$`), or
 * `undefined` when `input` is not one. Removes `+86`, `0086`, or `86` in front of 13 digits,
 * spaces, dashes and parentheses; fullwidth digits count as digits. Idempotent.
 */
export function normalizePhone(input: unknown): string | undefined {
  const result = classify(input);
  return 'phone' in result ? result.phone : undefined;
}

function entriesOf(inputs: string | readonly unknown[]): readonly unknown[] {
  // A pasted list uses commas (either width), semicolons or one number a line.
  return typeof inputs === 'string' ? inputs.split(/[,，;；\n]/u) : inputs;
}

function display(input: unknown): string {
  return typeof input === 'string' ? input : (JSON.stringify(input) ?? String(input));
}

/**
 * Checks a list of numbers (or a comma-separated string of them): normalises each, reports
 * every invalid one with its position, and drops repeats keeping the first occurrence.
 * Never throws; see {@link assertPhones} for the throwing form.
 */
export function checkPhones(inputs: string | readonly unknown[], options: PhoneCheckOptions = {}): PhoneCheck {
  const max = options.max ?? MAX_PHONES_PER_REQUEST;
  const seen = new Set<string>();
  const phones: string[] = [];
  const invalid: InvalidPhone[] = [];
  let duplicates = 0;
  entriesOf(inputs).forEach((input, index) => {
    const result = classify(input);
    if ('reason' in result) {
      invalid.push({ input: display(input), index, reason: result.reason });
    } else if (options.unique !== false && seen.has(result.phone)) {
      duplicates += 1;
    } else {
      seen.add(result.phone);
      phones.push(result.phone);
    }
  });
  return { phones, invalid, duplicates, excess: Math.max(0, phones.length - max) };
}

/** At most ten entries in a message; the full list goes in `details`. */
function listed(items: readonly string[]): string {
  const shown = items.slice(0, 10).join(', ');
  return items.length > 10 ? `${shown} and ${items.length - 10} more` : shown;
}

function clip(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

/**
 * The normalised, de-duplicated numbers of {@link checkPhones}, or a throw.
 *
 * @throws {@link SmsError} 40004 when there is no number at all; 60007 naming every invalid
 *   number (the first ten in the message, all in `details.invalid`); 60008 when more than
 *   `max` remain.
 */
export function assertPhones(inputs: string | readonly unknown[], options: PhoneCheckOptions = {}): string[] {
  const entries = entriesOf(inputs);
  if (entries.length === 0 || (typeof inputs === 'string' && inputs.trim() === '')) throw noPhoneGiven();
  return assertPhoneCheck(checkPhones(entries, options), options);
}

/** What {@link assertPhoneCheck} allows. */
export interface PhoneCheckVerdictOptions {
  /**
   * The most numbers allowed.
   * @defaultValue 1000 ({@link MAX_PHONES_PER_REQUEST})
   */
  max?: number;
  /**
   * `'reject'` throws 60007 for any invalid number; `'skip'` lets them go (the caller reports
   * them) and throws only when no valid number is left.
   * @defaultValue `'reject'`
   */
  invalidPhones?: 'reject' | 'skip';
}

/**
 * The numbers of a {@link checkPhones} result, or the throw {@link assertPhones} would make of
 * it — without classifying the numbers again.
 *
 * @throws {@link SmsError} as {@link assertPhones} does; with `invalidPhones: 'skip'`, 60007
 *   only when every number is invalid.
 */
export function assertPhoneCheck(check: PhoneCheck, options: PhoneCheckVerdictOptions = {}): string[] {
  const max = options.max ?? MAX_PHONES_PER_REQUEST;
  const { phones, invalid } = check;
  if (phones.length === 0 && invalid.length === 0) throw noPhoneGiven();
  if (invalid.length > 0 && (options.invalidPhones !== 'skip' || phones.length === 0)) {
    const named = invalid.map((entry) => `phones[${entry.index}] "${clip(entry.input)}" (${REASONS[entry.reason]})`);
    const count = invalid.length === 1 ? '1 phone number is' : `${invalid.length} phone numbers are`;
    throw new SmsError({ code: 60007, message: `${count} malformed: ${listed(named)}.`, details: { invalid } });
  }
  if (phones.length > max) {
    const message = `${phones.length} phone numbers in one request; at most ${max}. Split them into several requests.`;
    throw new SmsError({ code: 60008, message, details: { count: phones.length, max } });
  }
  return phones;
}

function noPhoneGiven(): SmsError {
  return new SmsError({ code: 40004, message: 'No phone number given: pass at least one.', hint: 'Give one or more mainland mobile numbers.' });
}
