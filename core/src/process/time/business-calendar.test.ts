import type { BusinessCalendar } from '../../model/process';
import { addBusinessTime, businessTimeBetween, isOpenAt } from './business-calendar';

const HOUR = 3_600_000;
const WEEKDAYS_9_TO_5 = [['09:00', '17:00']] as Array<[string, string]>;
const berlin: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  weekly: { mon: WEEKDAYS_9_TO_5, tue: WEEKDAYS_9_TO_5, wed: WEEKDAYS_9_TO_5, thu: WEEKDAYS_9_TO_5, fri: WEEKDAYS_9_TO_5 },
  holidays: ['2026-12-25'],
};
const shanghaiWithLunch: BusinessCalendar = { timeZone: 'Asia/Shanghai', weekly: { mon: [['09:00', '12:00'], ['13:00', '18:00']] } };
const add = (start: string, hours: number, calendar: BusinessCalendar = berlin): string => addBusinessTime(new Date(start), hours * HOUR, calendar).toISOString();

describe('business-hours calendars', () => {
  it('adds hours within one working day', () => {
    expect(add('2026-03-03T08:00:00Z', 4)).toBe('2026-03-03T12:00:00.000Z'); // Tue 09:00 CET + 4h = 13:00 CET
  });

  it('starts counting at opening time when started outside hours', () => {
    expect(add('2026-03-03T05:00:00Z', 1)).toBe('2026-03-03T09:00:00.000Z'); // 06:00 CET → opens 09:00, +1h
    expect(add('2026-03-07T09:00:00Z', 1)).toBe('2026-03-09T09:00:00.000Z'); // Saturday → Monday 10:00 CET
  });

  it('skips a weekend with a daylight-saving change in local time', () => {
    // Fri 27 March 15:00 CET (+1): 2h on Friday, then Monday 30 March (CEST, +2) 09:00 + 2h = 11:00 local = 09:00Z.
    expect(add('2026-03-27T14:00:00Z', 4)).toBe('2026-03-30T09:00:00.000Z');
    expect(businessTimeBetween(new Date('2026-03-27T14:00:00Z'), new Date('2026-03-30T09:00:00Z'), berlin)).toBe(4 * HOUR);
  });

  it('skips holidays', () => {
    // Thu 24 Dec 16:00 CET: 1h on Thursday, Friday 25 is a holiday, weekend, Monday 28 09:00 + 3h.
    expect(add('2026-12-24T15:00:00Z', 4)).toBe('2026-12-28T11:00:00.000Z');
  });

  it('honours several intervals a day (a lunch break)', () => {
    // Monday 2026-03-02 11:00 Shanghai (+8): 1h before lunch, 1h after → 14:00 local = 06:00Z.
    expect(add('2026-03-02T03:00:00Z', 2, shanghaiWithLunch)).toBe('2026-03-02T06:00:00.000Z');
    expect(add('2026-03-02T03:00:00Z', 9, shanghaiWithLunch)).toBe('2026-03-09T04:00:00.000Z'); // 6h this Monday, 3h the next
  });

  it('measures business time between instants, and none backwards', () => {
    expect(businessTimeBetween(new Date('2026-03-03T07:00:00Z'), new Date('2026-03-04T10:00:00Z'), berlin)).toBe(10 * HOUR);
    expect(businessTimeBetween(new Date('2026-03-04T10:00:00Z'), new Date('2026-03-03T07:00:00Z'), berlin)).toBe(0);
  });

  it('tells whether the calendar is open', () => {
    expect(isOpenAt(new Date('2026-03-03T10:00:00Z'), berlin)).toBe(true);
    expect(isOpenAt(new Date('2026-03-03T17:00:00Z'), berlin)).toBe(false);
    expect(isOpenAt(new Date('2026-12-25T10:00:00Z'), berlin)).toBe(false);
  });

  it('refuses a calendar that never opens', () => {
    expect(() => addBusinessTime(new Date('2026-03-03T10:00:00Z'), HOUR, { timeZone: 'UTC', weekly: {} })).toThrow(RangeError);
  });
});
