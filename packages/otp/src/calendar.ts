/** One calendar day in a time zone, as the instants it spans. */
export interface CalendarDay {
  /** The local date, `YYYY-MM-DD`. */
  key: string;
  /** The first instant (ms since the epoch) of the day. */
  startsAt: number;
  /** The first instant of the next day (ms since the epoch). */
  endsAt: number;
}

/** Wider than any day (25 h on a fall-back day), so the next boundary is always inside. */
const SEARCH_SPAN_MS = 50 * 3_600_000;

/**
 * Calendar days of one IANA time zone. Boundaries come from `Intl.DateTimeFormat` rather than
 * a fixed offset, so zones with daylight saving get 23- and 25-hour days right. The current day
 * is cached: finding a boundary costs a few dozen formatter calls, once a day.
 */
export class CalendarDays {
  /** The IANA time zone, e.g. `Asia/Shanghai`. */
  readonly timeZone: string;
  private readonly format: Intl.DateTimeFormat;
  private cached: CalendarDay | undefined;

  constructor(timeZone: string) {
    try {
      this.format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      throw new RangeError(`Unknown time zone "${timeZone}": use an IANA name such as "Asia/Shanghai".`);
    }
    this.timeZone = timeZone;
  }

  /** The local date of an instant, `YYYY-MM-DD`. */
  dateOf(instant: number): string {
    let year = '';
    let month = '';
    let day = '';
    for (const part of this.format.formatToParts(instant)) {
      if (part.type === 'year') year = part.value.padStart(4, '0');
      else if (part.type === 'month') month = part.value;
      else if (part.type === 'day') day = part.value;
    }
    return `${year}-${month}-${day}`;
  }

  /** The calendar day that holds `instant`. */
  dayOf(instant: number): CalendarDay {
    const cached = this.cached;
    if (cached && instant >= cached.startsAt && instant < cached.endsAt) return cached;
    const key = this.dateOf(instant);
    const day: CalendarDay = {
      key,
      startsAt: this.firstInstant({ from: instant - SEARCH_SPAN_MS, to: instant, before: (t) => this.dateOf(t) < key }),
      endsAt: this.firstInstant({ from: instant, to: instant + SEARCH_SPAN_MS, before: (t) => this.dateOf(t) <= key }),
    };
    this.cached = day;
    return day;
  }

  /**
   * The first ms in (from, to] where `before` turns false: a binary search, since local dates
   * only move forward.
   */
  private firstInstant(range: { from: number; to: number; before: (t: number) => boolean }): number {
    let low = range.from;
    let high = range.to;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (range.before(middle)) low = middle;
      else high = middle;
    }
    return high;
  }
}
