import type { CalendarDay } from './calendar.js';
import type { LimitCheck } from '@smskit/core';

/** The limits an {@link OtpService} enforces, as they are reported when one refuses. */
export type OtpLimitName =
  | 'phone-scene'
  | 'phone-content'
  | 'phone-daily'
  | 'ip-hourly'
  | 'site-hourly'
  | 'ladder-minute'
  | 'ladder-hourly'
  | 'ladder-daily';

/** At most `max` in any `windowMs` (a rolling window). */
export interface WindowLimit {
  /** Most requests let through in the window; at least 1. */
  max: number;
  /** Length of the window, ms. */
  windowMs: number;
}

/** The optional per-number ladder: at most so many a minute, an hour and 24 hours. */
export interface LadderLimits {
  /** @defaultValue 1 */
  perMinute?: number;
  /** @defaultValue 5 */
  perHour?: number;
  /** Over a rolling 24 h (the calendar day is `phoneDaily`'s). @defaultValue 10 */
  perDay?: number;
}

/**
 * The limits against SMS bombing (SPEC §7). Each can be tuned, or turned off with `false`;
 * every one but `siteHourly` and `ladder` is on by default.
 */
export interface OtpLimits {
  /**
   * Same number and same scene (`phone-scene`).
   * @defaultValue `{ max: 1, windowMs: 60_000 }`
   */
  phoneScene?: Partial<WindowLimit> | false;
  /**
   * Same number and same content — the template, or the scene when there is none
   * (`phone-content`).
   * @defaultValue `{ max: 1, windowMs: 30_000 }`
   */
  phoneContent?: Partial<WindowLimit> | false;
  /**
   * Same number per calendar day in the service's time zone (`phone-daily`).
   * @defaultValue 10
   */
  phoneDaily?: number | false;
  /**
   * Same client IP (`ip-hourly`). IPv6 clients are counted per /64, the block one subscriber
   * usually holds.
   * @defaultValue `{ max: 10, windowMs: 3_600_000 }`
   */
  ipHourly?: Partial<WindowLimit> | false;
  /**
   * The whole site (`site-hourly`): a cap on every code sent, whoever asks.
   * @defaultValue false
   */
  siteHourly?: WindowLimit | false;
  /**
   * Same number across scenes: `true` for 1/min, 5/h, 10/24 h, or your own numbers
   * (`ladder-minute`, `ladder-hourly`, `ladder-daily`).
   * @defaultValue false
   */
  ladder?: LadderLimits | boolean;
}

/** The limits with defaults filled in and checked. */
export interface ResolvedLimits {
  phoneScene: WindowLimit | undefined;
  phoneContent: WindowLimit | undefined;
  phoneDaily: number | undefined;
  ipHourly: WindowLimit | undefined;
  siteHourly: WindowLimit | undefined;
  ladder: Required<LadderLimits> | undefined;
}

const HOUR = 3_600_000;

function windowLimit(name: string, given: Partial<WindowLimit> | false | undefined, fallback: WindowLimit): WindowLimit | undefined {
  if (given === false) return undefined;
  const limit = { ...fallback, ...given };
  positiveInteger(`${name}.max`, limit.max);
  positiveInteger(`${name}.windowMs`, limit.windowMs);
  return limit;
}

function positiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`limits.${name} must be a whole number of at least 1 (got ${String(value)}); use false to turn a limit off.`);
}

/** Fills in the defaults of SPEC §7 and rejects nonsense early, at construction. */
export function resolveLimits(options: OtpLimits = {}): ResolvedLimits {
  const phoneDaily = options.phoneDaily === false ? undefined : (options.phoneDaily ?? 10);
  if (phoneDaily !== undefined) positiveInteger('phoneDaily', phoneDaily);
  let ladder: Required<LadderLimits> | undefined;
  if (options.ladder) {
    const given = options.ladder === true ? {} : options.ladder;
    ladder = { perMinute: given.perMinute ?? 1, perHour: given.perHour ?? 5, perDay: given.perDay ?? 10 };
    for (const [name, value] of Object.entries(ladder)) positiveInteger(`ladder.${name}`, value);
  }
  return {
    phoneScene: windowLimit('phoneScene', options.phoneScene, { max: 1, windowMs: 60_000 }),
    phoneContent: windowLimit('phoneContent', options.phoneContent, { max: 1, windowMs: 30_000 }),
    phoneDaily,
    ipHourly: windowLimit('ipHourly', options.ipHourly, { max: 10, windowMs: HOUR }),
    siteHourly: options.siteHourly ? windowLimit('siteHourly', options.siteHourly, options.siteHourly) : undefined,
    ladder,
  };
}

/** Who is asking, as far as the limits care. */
export interface LimitSubject {
  phone: string;
  scene: string;
  /** The content's identity: the template code, or the scene. */
  content: string;
  /** The IP's counting key (IPv6 as its /64), or undefined to skip the IP limit. */
  ipKey: string | undefined;
  /** On the allow list: the per-number limits do not apply. */
  phoneExempt: boolean;
}

/** The name of the count-only counter behind the daily volume alert. */
export const DAILY_VOLUME = 'daily-volume';

/**
 * The store checks for one request, with keys relative to the store's prefix. Variable parts
 * that could hold a colon are URI-encoded so that two subjects never share a key.
 */
export function limitChecks(input: { limits: ResolvedLimits; subject: LimitSubject; day: CalendarDay; countVolume: boolean }): LimitCheck[] {
  const { limits, subject, day } = input;
  const checks: LimitCheck[] = [];
  const rolling = (name: OtpLimitName, key: string, limit: WindowLimit | undefined): void => {
    if (limit) checks.push({ kind: 'rolling', name, key, max: limit.max, windowMs: limit.windowMs });
  };
  if (!subject.phoneExempt) {
    const phone = encodeURIComponent(subject.phone);
    rolling('phone-scene', `ps:${subject.scene}:${phone}`, limits.phoneScene);
    rolling('phone-content', `pc:${encodeURIComponent(subject.content)}:${phone}`, limits.phoneContent);
    if (limits.phoneDaily !== undefined) {
      checks.push({ kind: 'fixed', name: 'phone-daily', key: `pd:${day.key}:${phone}`, max: limits.phoneDaily, resetAt: day.endsAt });
    }
    if (limits.ladder) {
      rolling('ladder-minute', `lm:${phone}`, { max: limits.ladder.perMinute, windowMs: 60_000 });
      rolling('ladder-hourly', `lh:${phone}`, { max: limits.ladder.perHour, windowMs: HOUR });
      rolling('ladder-daily', `ld:${phone}`, { max: limits.ladder.perDay, windowMs: 24 * HOUR });
    }
  }
  if (subject.ipKey !== undefined) rolling('ip-hourly', `ip:${subject.ipKey}`, limits.ipHourly);
  rolling('site-hourly', 'site', limits.siteHourly);
  if (input.countVolume) checks.push({ kind: 'fixed', name: DAILY_VOLUME, key: `dv:${day.key}`, resetAt: day.endsAt });
  return checks;
}
