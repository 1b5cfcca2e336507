import { MAX_PHONES_PER_REQUEST } from '../endpoints.js';
import { SmsError } from '../errors.js';
import { assertPhoneCheck, checkPhones, type InvalidPhone } from './phone.js';
import { parseTemplate, type TemplateVariable } from './template.js';

/** The longest `bid` (the caller's business id, echoed in receipts), in code points. */
export const MAX_BID_LENGTH = 64;

/** The largest `upExtendCode` of the platform's default range 1–99. */
export const MAX_UP_EXTEND_CODE = 99;

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
  /**
   * What error messages call the values (an array's; the wire form is always `templateParam`).
   * @defaultValue `'values'`
   */
  label?: string;
}

/** What {@link assertSendBatch} checks. */
export interface SendBatchOptions {
  /** The numbers, one per message, in order; each is normalised, repeats are kept. */
  phones: readonly unknown[];
  /**
   * One list of values per number, in the same order: arrays of strings (`[]` or `undefined`
   * for a template without variables), or the wire `templateParamJson`.
   */
  params: unknown;
  /**
   * `'reject'` throws 60007 for any invalid number; `'skip'` drops each invalid number with its
   * list and reports it in `invalid` (60007 only when none is left). Either way every list is
   * checked, and errors name positions in the input.
   * @defaultValue `'reject'`
   */
  invalidPhones?: 'reject' | 'skip';
  /**
   * What error messages call list `index` of an array `params`.
   * @defaultValue `params[index]`
   */
  listLabel?: (index: number) => string;
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
  /** The normalised numbers, in input order, repeats kept (invalid ones dropped with `'skip'`). */
  readonly phones: string[];
  /** One list of values per number. */
  readonly params: string[][];
  /** The invalid numbers dropped with `invalidPhones: 'skip'`, with their positions; `[]` otherwise. */
  readonly invalid: InvalidPhone[];
}

/** Options of {@link assertUpExtendCode}. */
export interface UpExtendCodeOptions {
  /**
   * The largest code the account may use; the platform's default range ends at 99.
   * @defaultValue 99
   */
  max?: number;
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function malformed(message: string): SmsError {
  return new SmsError({ code: 60006, message });
}

function stringList(value: unknown, label: string): string[] {
  if (!Array.isArray(value)) throw malformed(`${label} must be an array of strings, not ${kindOf(value)}.`);
  const list: unknown[] = value;
  const bad = list.findIndex((entry) => typeof entry !== 'string');
  if (bad >= 0) throw malformed(`${label}[${bad}] is ${kindOf(list[bad])}: every value must be a string (write "12", not 12).`);
  return list as string[];
}

// The parser's own message quotes the input, and values may be verification codes.
function parseJson(wire: string, label: string): unknown {
  try {
    return JSON.parse(wire) as unknown;
  } catch {
    throw malformed(`${label} is not valid JSON: it must be a JSON array written as a string, e.g. "[\\"张三\\",\\"02\\"]".`);
  }
}

/**
 * The values of a wire `templateParam` (SPEC §3: a JSON array of strings, as a string). An
 * empty string stands for a template without variables, as a left-out field does.
 *
 * @throws {@link SmsError} 60006 when it is not valid JSON or not an array of strings.
 */
export function decodeTemplateParam(wire: string): string[] {
  return wire === '' ? [] : stringList(parseJson(wire, 'templateParam'), 'templateParam');
}

/** The wire `templateParam` for `values`, or `undefined` (leave the field out) when there are none. */
export function encodeTemplateParam(values: readonly string[]): string | undefined {
  return values.length === 0 ? undefined : JSON.stringify(values);
}

function batchLists(value: unknown, options: { label: string; listLabel?: ((index: number) => string) | undefined }): string[][] {
  const { label } = options;
  if (!Array.isArray(value)) throw malformed(`${label} must be an array of arrays of strings, not ${kindOf(value)}.`);
  const lists: unknown[] = value;
  return lists.map((entry, i) => (entry === '' || entry === undefined ? [] : stringList(entry, options.listLabel?.(i) ?? `${label}[${i}]`)));
}

/**
 * The parameter lists of a wire `templateParamJson` (a JSON array of arrays, as a string);
 * the `""` entries sent for a template without variables become `[]`.
 *
 * @throws {@link SmsError} 60006 when it is not valid JSON or not that shape.
 */
export function decodeTemplateParamJson(wire: string): string[][] {
  return batchLists(parseJson(wire, 'templateParamJson'), { label: 'templateParamJson' });
}

/**
 * The wire `templateParamJson` for one list of values per number. An empty list is written
 * `""`, so a template without variables gets `["",""…]` as the platform wants (SPEC §3).
 */
export function encodeTemplateParamJson(lists: readonly (readonly string[])[]): string {
  return JSON.stringify(lists.map((list) => (list.length === 0 ? '' : list)));
}

function variablesOf(template: TemplateSource): readonly TemplateVariable[] {
  return typeof template === 'string' ? parseTemplate(template).variables : template;
}

function written(variable: TemplateVariable): string {
  return `{${variable.name},${variable.maxLen}}`;
}

/** Checks values already known to be strings; `label` names them in messages (`params[3]`). */
function checkValues(variables: readonly TemplateVariable[], values: readonly string[], label: string): void {
  if (values.length !== variables.length) {
    const names = variables.length === 0 ? 'none' : variables.slice(0, 5).map(written).join(', ') + (variables.length > 5 ? ', …' : '');
    const message = `${label} has ${values.length} value(s); the template has ${variables.length} variable(s) (${names}).`;
    throw new SmsError({ code: 60003, message, details: { expected: variables.length, received: values.length } });
  }
  // Lengths only, never the values: they may be verification codes.
  const tooLong = variables.flatMap((variable, position) => {
    const length = Array.from(values[position] ?? '').length;
    return length > variable.maxLen ? [{ position, name: variable.name, maxLen: variable.maxLen, length }] : [];
  });
  if (tooLong.length > 0) {
    const named = tooLong.map((entry) => `${label}[${entry.position}] for {${entry.name},${entry.maxLen}} has ${entry.length} characters`);
    throw new SmsError({ code: 60004, message: `Value too long: ${named.join('; ')}.`, details: { tooLong } });
  }
}

/**
 * The values for a template, checked against its variables: one string per variable, each
 * no longer than its `maxLen` in code points.
 *
 * @throws {@link SmsError} 60006 when the values are not an array of strings (or not valid
 *   wire JSON); 60003 when their count differs from the variables'; 60004 naming each value
 *   that is too long, with its variable and position (lengths only, never the values).
 */
export function assertTemplateValues(options: TemplateValuesOptions): string[] {
  const { values } = options;
  const label = typeof values === 'string' ? 'templateParam' : (options.label ?? 'values');
  const list = values === undefined ? [] : typeof values === 'string' ? decodeTemplateParam(values) : stringList(values, label);
  checkValues(variablesOf(options.template), list, label);
  return [...list];
}

/**
 * The numbers and parameter lists of a sendBatch request, checked and aligned, each number
 * classified and each list type-checked once: lists are decoded (60006), the count is within
 * `max` (60008), there is one list per number (60002), every number is valid (60007, or dropped
 * with `invalidPhones: 'skip'`; 40004 when there is none), and with `template` every list fits
 * it (60003, 60004). Repeated numbers are kept: each has its own list.
 *
 * @throws {@link SmsError} with the first of those codes that applies.
 */
export function assertSendBatch(options: SendBatchOptions): SendBatch {
  const max = options.max ?? MAX_PHONES_PER_REQUEST;
  const params = typeof options.params === 'string' ? decodeTemplateParamJson(options.params) : batchLists(options.params, { label: 'params', listLabel: options.listLabel });
  const count = options.phones.length;
  if (count > max) {
    throw new SmsError({ code: 60008, message: `${count} phone numbers in one sendBatch; at most ${max}.`, details: { count, max } });
  }
  if (params.length !== count) {
    const message = `sendBatch has ${count} phone number(s) but ${params.length} parameter list(s): give one list per number, in the same order.`;
    throw new SmsError({ code: 60002, message, details: { phones: count, params: params.length } });
  }
  const check = checkPhones(options.phones, { unique: false, max });
  const mode = options.invalidPhones ?? 'reject';
  assertPhoneCheck(check, { max, invalidPhones: mode });
  if (options.template !== undefined) {
    const variables = variablesOf(options.template);
    params.forEach((list, i) => checkValues(variables, list, options.listLabel?.(i) ?? `params[${i}]`));
  }
  if (check.invalid.length === 0) return { phones: check.phones, params, invalid: [] };
  const dropped = new Set(check.invalid.map((entry) => entry.index));
  return { phones: check.phones, params: params.filter((_, i) => !dropped.has(i)), invalid: check.invalid };
}

/**
 * A checked `upExtendCode` (the uplink extension code): digits without a leading zero, from 1
 * to `max`. `undefined`, `null` and `""` mean "none" and give `undefined`, so the field is left out.
 *
 * @throws {@link SmsError} 40004 otherwise.
 */
export function assertUpExtendCode(value: unknown, options: UpExtendCodeOptions = {}): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const max = options.max ?? MAX_UP_EXTEND_CODE;
  const hint = 'Use the extension code assigned to this account, or leave upExtendCode out.';
  if (typeof value !== 'string') {
    throw new SmsError({ code: 40004, message: `upExtendCode must be a string of digits such as "32", not ${kindOf(value)}.`, hint });
  }
  if (!/^[1-9][0-9]*$/.test(value) || Number(value) > max) {
    const message = `upExtendCode must be a number from 1 to ${max} written in digits without a leading zero, not "${value.slice(0, 24)}".`;
    throw new SmsError({ code: 40004, message, hint });
  }
  return value;
}

/**
 * A checked `bid` (the caller's business id, echoed in receipts): a string of at most 64
 * code points. `undefined`, `null` and `""` mean "none" and give `undefined`.
 *
 * @throws {@link SmsError} 40004 otherwise.
 */
export function assertBid(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const hint = 'Use a short id of your own (an order number, say) to match receipts; at most 64 characters.';
  if (typeof value !== 'string') {
    throw new SmsError({ code: 40004, message: `bid must be a string, not ${kindOf(value)}.`, hint });
  }
  const length = Array.from(value).length;
  if (length > MAX_BID_LENGTH) {
    throw new SmsError({ code: 40004, message: `bid has ${length} characters; at most ${MAX_BID_LENGTH}.`, hint });
  }
  return value;
}
