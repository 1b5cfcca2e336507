const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Beijing calendar date (`yyyy-MM-dd`) of an instant: the platform's days are Beijing days. */
export function beijingDate(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
