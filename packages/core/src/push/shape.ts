import { SmsError } from '../errors.js';

/**
 * Hand-written checks for the JSON bodies providers push (receipts, replies), shared by the
 * platform's pushes here and by provider packages such as `@smskit/tencent`.
 *
 * A shape is declared once, as data (`pushShape.record({ apiKey: pushShape.text({ min: 1 }) })`),
 * and {@link checkPushShape} walks a value against it. The walk follows the *shape* — written in
 * code, a few levels deep — and never the input: what lies deeper than the shape, or under keys
 * the shape does not name, is never read, so a body cannot make it recurse or allocate in
 * proportion to its nesting (core's body gate has already refused `__proto__` keys and deep
 * nesting before a push reaches a parser). Arrays are walked with a loop, up to their declared
 * maximum; a longer array is refused before any item is read.
 *
 * The wording of the reasons is that of the schema library smskit used before (zod)
 * (`Invalid input: expected string, received number`, `Too big: expected string to have <=64
 * characters`), so messages answered to pushers did not change. A reason names the rule that
 * failed and the kind of value found, never the value itself (it may be a phone number or a
 * code).
 */

/**
 * A shape that values of type `T` match: built with {@link pushShape}, read by
 * {@link checkPushShape}. Its rules are internal; `T` is what a checked value is typed as.
 */
export interface PushShape<T> {
  /** Never set: carries the type of a value that matches, for {@link checkPushShape}. */
  readonly __value?: T;
}

/** One thing wrong with a checked value. */
export interface PushShapeIssue {
  /** Where, as dotted keys and indexes (`data.0.tel`); `''` for the value itself. */
  readonly path: string;
  /** What is wrong, without the value (`Too small: expected string to have >=1 characters`). */
  readonly message: string;
}

/** What {@link checkPushShape} finds: the value, typed, or what is wrong with it. */
export type PushShapeResult<T> =
  | {
      /** The value matches the shape. */
      ok: true;
      /** The value itself (not a copy: keys the shape does not name are still there). */
      value: T;
    }
  | {
      /** The value does not match. */
      ok: false;
      /** What is wrong, in the order the shape names fields and the array holds items; at least one. */
      issues: PushShapeIssue[];
    };

// The rules behind a PushShape. Builders return them cast to PushShape<T> so the type a
// shape accepts travels with it while its rules stay internal; checkPushShape casts back.
type Rule =
  | { kind: 'text'; min?: number; max?: number; pattern?: { regex: RegExp; message: string }; valid?: { test: (text: string) => boolean; message: string } }
  | { kind: 'integer'; min?: number }
  | { kind: 'list'; item: Rule; max: number }
  | { kind: 'record'; fields: readonly (readonly [string, Rule])[] }
  | { kind: 'nullish'; inner: Rule };

const shapeOf = <T>(rule: Rule): PushShape<T> => rule as unknown as PushShape<T>;
const ruleOf = (shape: PushShape<unknown>): Rule => shape as unknown as Rule;

/** Builders of {@link PushShape}s. Every bound is inclusive; lengths count UTF-16 units, as `String.length` does. */
export const pushShape = {
  /**
   * A string. Its rules are checked in this order, and the first that fails is the one reported.
   *
   * @param rules - `min` and `max` length; `pattern`, a regular expression the whole string
   *   must match (give it `^…$`), with `patternMessage` to report instead of the pattern;
   *   `valid`, a last test run only when the others pass, reported as `validMessage`.
   */
  text(
    rules: {
      /** Fewest characters. */
      min?: number;
      /** Most characters. */
      max?: number;
      /** A regular expression the string must match. */
      pattern?: RegExp;
      /** What to report when `pattern` does not match. @defaultValue `Invalid string: must match pattern <pattern>` */
      patternMessage?: string;
      /** A last test, run only when the other rules pass (must not throw). */
      valid?: (text: string) => boolean;
      /** What to report when `valid` returns false. @defaultValue `Invalid input` */
      validMessage?: string;
    } = {},
  ): PushShape<string> {
    const { min, max, pattern, patternMessage, valid, validMessage } = rules;
    return shapeOf({
      kind: 'text',
      min,
      max,
      pattern: pattern && { regex: pattern, message: patternMessage ?? `Invalid string: must match pattern ${String(pattern)}` },
      valid: valid && { test: valid, message: validMessage ?? 'Invalid input' },
    });
  },

  /**
   * A whole number, a safe integer (`Number.isSafeInteger`), of at least `min` when given.
   *
   * @param rules - `min`, the smallest allowed.
   */
  integer(
    rules: {
      /** The smallest allowed. */
      min?: number;
    } = {},
  ): PushShape<number> {
    return shapeOf({ kind: 'integer', min: rules.min });
  },

  /**
   * An array of items of one shape, holding at most `max` (checked before any item is read).
   *
   * @param item - The shape of every item.
   * @param rules - `max`, the most items allowed.
   */
  list<T>(
    item: PushShape<T>,
    rules: {
      /** The most items allowed. */
      max: number;
    },
  ): PushShape<T[]> {
    return shapeOf({ kind: 'list', item: ruleOf(item), max: rules.max });
  },

  /**
   * An object (not `null`, not an array) with the named fields, checked in the order given.
   * Other keys are tolerated and never read.
   *
   * @param fields - Each field's shape; a field that may be absent is {@link pushShape}`.nullish`.
   */
  record<F extends Readonly<Record<string, PushShape<unknown>>>>(fields: F): PushShape<{ [K in keyof F]: F[K] extends PushShape<infer V> ? V : never }> {
    return shapeOf({ kind: 'record', fields: Object.entries(fields).map(([key, shape]) => [key, ruleOf(shape)] as const) });
  },

  /**
   * A value of `shape`, or `null`, or absent (`undefined`).
   *
   * @param shape - The shape a present value must have.
   */
  nullish<T>(shape: PushShape<T>): PushShape<T | null | undefined> {
    return shapeOf({ kind: 'nullish', inner: ruleOf(shape) });
  },
} as const;

/** Options of {@link checkPushShape}. */
export interface CheckPushShapeOptions {
  /** Stop after this many issues (a malformed push of 100,000 items costs no more). @defaultValue 10 */
  maxIssues?: number;
}

/**
 * Checks `value` against `shape`. Never throws for any JSON value (nor for other values, unless
 * reading one of their properties throws); the walk is bounded by the shape, not the input.
 *
 * @returns The value, typed as the shape says, or its issues (the first `maxIssues`).
 */
export function checkPushShape<T>(value: unknown, shape: PushShape<T>, options: CheckPushShapeOptions = {}): PushShapeResult<T> {
  const walk = new Walk(Math.max(1, options.maxIssues ?? 10));
  walk.visit(value, ruleOf(shape));
  return walk.issues.length === 0 ? { ok: true, value: value as T } : { ok: false, issues: walk.issues };
}

/** One walk of a value against a rule: the path to where it is, and what it found wrong. */
class Walk {
  readonly issues: PushShapeIssue[] = [];
  private readonly path: (string | number)[] = [];

  constructor(private readonly maxIssues: number) {}

  private get full(): boolean {
    return this.issues.length >= this.maxIssues;
  }

  private report(message: string): void {
    this.issues.push({ path: this.path.join('.'), message });
  }

  // Recursion here follows the rule, whose depth is fixed in code (a record of lists of
  // records at most, in smskit's shapes): the input's depth never adds a level.
  visit(value: unknown, rule: Rule): void {
    switch (rule.kind) {
      case 'nullish':
        if (value !== null && value !== undefined) this.visit(value, rule.inner);
        return;
      case 'text':
        return this.text(value, rule);
      case 'integer':
        return this.integer(value, rule);
      case 'list':
        return this.list(value, rule);
      case 'record':
        return this.record(value, rule);
    }
  }

  private text(value: unknown, rule: Extract<Rule, { kind: 'text' }>): void {
    if (typeof value !== 'string') return this.report(expected('string', value));
    if (rule.min !== undefined && value.length < rule.min) return this.report(`Too small: expected string to have >=${rule.min} characters`);
    if (rule.max !== undefined && value.length > rule.max) return this.report(`Too big: expected string to have <=${rule.max} characters`);
    if (rule.pattern) {
      rule.pattern.regex.lastIndex = 0;
      if (!rule.pattern.regex.test(value)) return this.report(rule.pattern.message);
    }
    if (rule.valid && !rule.valid.test(value)) this.report(rule.valid.message);
  }

  private integer(value: unknown, rule: Extract<Rule, { kind: 'integer' }>): void {
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.report(expected('number', value));
    if (!Number.isInteger(value)) return this.report('Invalid input: expected int, received number');
    if (value > Number.MAX_SAFE_INTEGER) return this.report(`Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}`);
    if (value < Number.MIN_SAFE_INTEGER) return this.report(`Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`);
    if (rule.min !== undefined && value < rule.min) this.report(`Too small: expected number to be >=${rule.min}`);
  }

  private list(value: unknown, rule: Extract<Rule, { kind: 'list' }>): void {
    if (!Array.isArray(value)) return this.report(expected('array', value));
    if (value.length > rule.max) return this.report(`Too big: expected array to have <=${rule.max} items`);
    for (let i = 0; i < value.length && !this.full; i++) {
      this.path.push(i);
      this.visit(value[i], rule.item);
      this.path.pop();
    }
  }

  private record(value: unknown, rule: Extract<Rule, { kind: 'record' }>): void {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.report(expected('object', value));
    for (const [key, field] of rule.fields) {
      if (this.full) return;
      this.path.push(key);
      this.visit((value as Record<string, unknown>)[key], field);
      this.path.pop();
    }
  }
}

/** `Invalid input: expected <type>, received <kind of value>` (the kind, never the value). */
function expected(type: string, value: unknown): string {
  return `Invalid input: expected ${type}, received ${kindOf(value)}`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value); // NaN, Infinity, -Infinity
  return typeof value;
}

/**
 * The `SmsError` a malformed push is refused with (40004, answered to the pusher):
 * `Malformed <push> push: <path of the first issue> <its reason>.`, and up to ten issues as
 * `details` (`[{path, message}]`). Neither repeats a value from the push.
 *
 * @param options - `push` names it (`'receipt'`, `'Tencent reply'`); `issues` from
 *   {@link checkPushShape}; `hint` says where its format is described.
 */
export function malformedPushError(options: {
  /** What was pushed, as the message names it (`'receipt'`, `'Tencent reply'`). */
  push: string;
  /** What {@link checkPushShape} found (at least one). */
  issues: readonly PushShapeIssue[];
  /** How to fix it: where the push's format is described. */
  hint: string;
}): SmsError {
  const { push, issues, hint } = options;
  const first = issues[0];
  const where = first && first.path !== '' ? first.path : 'body';
  return new SmsError({
    code: 40004,
    message: `Malformed ${push} push: ${where} ${first?.message ?? 'is invalid'}.`,
    hint,
    details: issues.slice(0, 10).map(({ path, message }) => ({ path, message })),
  });
}
