import { addLocalDays, instantOfLocal, localDateTimeOf, offsetAt, weekdayIndexOf } from './time-zone';

const iso = (instant: number): string => new Date(instant).toISOString();

describe('time-zone arithmetic with Intl', () => {
  it('reads the local date and time of an instant', () => {
    expect(localDateTimeOf(Date.parse('2026-03-29T00:30:00Z'), 'Europe/Berlin')).toEqual({ year: 2026, month: 3, day: 29, minutes: 90 });
    expect(localDateTimeOf(Date.parse('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toEqual({ year: 2026, month: 3, day: 29, minutes: 210 });
    expect(localDateTimeOf(Date.parse('2026-12-31T20:00:00Z'), 'Asia/Shanghai')).toEqual({ year: 2027, month: 1, day: 1, minutes: 240 });
  });

  it('knows the offset on both sides of a daylight-saving change', () => {
    expect(offsetAt(Date.parse('2026-03-28T12:00:00Z'), 'Europe/Berlin')).toBe(3_600_000);
    expect(offsetAt(Date.parse('2026-03-30T12:00:00Z'), 'Europe/Berlin')).toBe(7_200_000);
    expect(offsetAt(Date.parse('2026-03-30T12:00:00Z'), 'America/New_York')).toBe(-4 * 3_600_000);
  });

  it('finds the instant of a local time, in summer and in winter', () => {
    expect(iso(instantOfLocal({ year: 2026, month: 1, day: 15, minutes: 9 * 60 }, 'Europe/Berlin'))).toBe('2026-01-15T08:00:00.000Z');
    expect(iso(instantOfLocal({ year: 2026, month: 7, day: 15, minutes: 9 * 60 }, 'Europe/Berlin'))).toBe('2026-07-15T07:00:00.000Z');
    expect(iso(instantOfLocal({ year: 2026, month: 7, day: 15, minutes: 24 * 60 }, 'America/New_York'))).toBe('2026-07-16T04:00:00.000Z');
  });

  it('moves a time skipped by the spring-forward jump to after the jump', () => {
    // 02:30 does not exist in Berlin on 2026-03-29: clocks jump from 02:00 to 03:00 (01:00Z).
    expect(iso(instantOfLocal({ year: 2026, month: 3, day: 29, minutes: 150 }, 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('reads a repeated autumn time as its first occurrence', () => {
    // 02:30 happens twice in Berlin on 2026-10-25: first at +02:00 (00:30Z), then at +01:00 (01:30Z).
    expect(iso(instantOfLocal({ year: 2026, month: 10, day: 25, minutes: 150 }, 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('walks local dates across month and year ends and names weekdays from Monday', () => {
    expect(addLocalDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addLocalDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(weekdayIndexOf({ year: 2026, month: 3, day: 30 })).toBe(0);
    expect(weekdayIndexOf({ year: 2026, month: 3, day: 29 })).toBe(6);
  });
});
