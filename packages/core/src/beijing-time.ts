/*
 * The platform's clock is Beijing time (UTC+8 all year, no daylight saving): its days
 * (statistics, daily template limits) and its `yyMMddHHmm` receipt times are Beijing's.
 */

/** Beijing time's offset from UTC, in ms (UTC+8, all year). */
export const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

// Every sandbox send asks for the date of "now"; toISOString per call showed in profiles, so
// the current day's bounds are kept and the string is rebuilt only when the day changes.
let cachedStart = 0;
let cachedEnd = 0;
let cachedDate = '';

/** The Beijing calendar date (`yyyy-MM-dd`) of an instant in ms since the epoch. */
export function beijingDate(ms: number): string {
  if (ms >= cachedStart && ms < cachedEnd) return cachedDate;
  const local = ms + BEIJING_OFFSET_MS;
  const date = new Date(local).toISOString().slice(0, 10);
  if (Number.isFinite(local)) {
    cachedStart = Math.floor(local / DAY_MS) * DAY_MS - BEIJING_OFFSET_MS;
    cachedEnd = cachedStart + DAY_MS;
    cachedDate = date;
  }
  return date;
}

/**
 * The wall-clock fields of an instant in Beijing, read with the `getUTC…` methods of the
 * returned Date (which is shifted by the offset, not a real instant).
 */
export function beijingWallClock(instant: Date): Date {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS);
}

/** The instant of a Beijing wall-clock time given as `Date.UTC(...)` of its fields. */
export function fromBeijingWallClock(utcOfFields: number): Date {
  return new Date(utcOfFields - BEIJING_OFFSET_MS);
}
