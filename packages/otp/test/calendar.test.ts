import { describe, expect, it } from 'vitest';
import { CalendarDays } from '../src/index.js';

const HOUR = 3_600_000;

describe('CalendarDays: day boundaries come from the time zone, not a fixed offset', () => {
  it('Asia/Shanghai days run from 16:00 UTC to 16:00 UTC', () => {
    const days = new CalendarDays('Asia/Shanghai');
    const day = days.dayOf(Date.parse('2024-05-01T15:59:59.999Z'));
    expect(day).toEqual({ key: '2024-05-01', startsAt: Date.parse('2024-04-30T16:00:00Z'), endsAt: Date.parse('2024-05-01T16:00:00Z') });
    expect(days.dayOf(Date.parse('2024-05-01T16:00:00Z')).key).toBe('2024-05-02');
  });

  it('a spring-forward day in New York has 23 hours, a fall-back day 25', () => {
    const days = new CalendarDays('America/New_York');
    const spring = days.dayOf(Date.parse('2024-03-10T12:00:00Z'));
    expect(spring.key).toBe('2024-03-10');
    expect(spring.startsAt).toBe(Date.parse('2024-03-10T05:00:00Z'));
    expect(spring.endsAt - spring.startsAt).toBe(23 * HOUR);
    const fall = days.dayOf(Date.parse('2024-11-03T12:00:00Z'));
    expect(fall.endsAt - fall.startsAt).toBe(25 * HOUR);
  });

  it('answers correctly when the clock moves backwards past a cached day', () => {
    const days = new CalendarDays('Asia/Shanghai');
    expect(days.dayOf(Date.parse('2024-05-02T00:00:00Z')).key).toBe('2024-05-02');
    expect(days.dayOf(Date.parse('2024-04-30T00:00:00Z')).key).toBe('2024-04-30');
  });

  it('rejects an unknown zone with a message that names the fix', () => {
    expect(() => new CalendarDays('Mars/Olympus')).toThrow(/IANA name/);
  });
});
