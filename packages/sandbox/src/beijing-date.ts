const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

// Every send asks for the date of "now"; toISOString per call showed in profiles, so the
// current day's bounds are kept and the string is rebuilt only when the day changes.
let cachedStart = 0;
let cachedEnd = 0;
let cachedDate = '';

/** The Beijing calendar date (`yyyy-MM-dd`) of an instant: the platform's days are Beijing days. */
export function beijingDate(ms: number): string {
  if (ms >= cachedStart && ms < cachedEnd) return cachedDate;
  const local = ms + BEIJING_OFFSET_MS;
  const date = new Date(local).toISOString().slice(0, 10);
  cachedStart = Math.floor(local / DAY_MS) * DAY_MS - BEIJING_OFFSET_MS;
  cachedEnd = cachedStart + DAY_MS;
  cachedDate = date;
  return date;
}
