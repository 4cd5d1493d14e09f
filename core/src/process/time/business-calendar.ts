// Business-hours arithmetic for SLA clocks: adding working time to an instant and measuring the
// working time between two instants, on a calendar of weekly opening hours in a time zone minus
// holidays. Days are walked in local time, so daylight-saving changes shift UTC, not opening hours.
import { WEEKDAYS, type BusinessCalendar } from '../../model/process';
import { addLocalDays, formatLocalDate, instantOfLocal, localDateTimeOf, weekdayIndexOf, type LocalDate } from './time-zone';

/** How far ahead a clock may look for opening hours before the calendar counts as never open. */
const MAX_DAYS_AHEAD = 5 * 366;

interface OpenInterval {
  start: number;
  end: number;
}

/** The instant after `start` at which `durationMs` of business time has passed. */
export function addBusinessTime(start: Date, durationMs: number, calendar: BusinessCalendar): Date {
  let remaining = durationMs;
  for (const interval of openIntervalsFrom(start.getTime(), calendar)) {
    const available = interval.end - interval.start;
    if (remaining <= available) return new Date(interval.start + remaining);
    remaining -= available;
  }
  throw new RangeError(`the calendar has no opening hours within ${MAX_DAYS_AHEAD} days of ${start.toISOString()}`);
}

/** Business time (ms) from `start` to `end`; 0 when `end` is not after `start`. */
export function businessTimeBetween(start: Date, end: Date, calendar: BusinessCalendar): number {
  let total = 0;
  for (const interval of openIntervalsFrom(start.getTime(), calendar)) {
    if (interval.start >= end.getTime()) break;
    total += Math.min(interval.end, end.getTime()) - interval.start;
  }
  return total;
}

/** Whether the calendar is open at an instant. */
export function isOpenAt(instant: Date, calendar: BusinessCalendar): boolean {
  const first = openIntervalsFrom(instant.getTime(), calendar).next();
  return !first.done && first.value.start === instant.getTime();
}

/** Open intervals (UTC ms) from `from` onwards, in order, the first one clipped to start at `from`. */
function* openIntervalsFrom(from: number, calendar: BusinessCalendar): Generator<OpenInterval> {
  const holidays = new Set(calendar.holidays ?? []);
  const firstDay: LocalDate = localDateTimeOf(from, calendar.timeZone);
  // Start a day early: an interval of the previous local day may still be open at `from`.
  for (let offset = -1; offset <= MAX_DAYS_AHEAD; offset += 1) {
    const day = addLocalDays(firstDay, offset);
    if (holidays.has(formatLocalDate(day))) continue;
    const hours = calendar.weekly[WEEKDAYS[weekdayIndexOf(day)] ?? 'mon'] ?? [];
    for (const [open, close] of hours) {
      const start = instantOfLocal({ ...day, minutes: minutesOf(open) }, calendar.timeZone);
      const end = instantOfLocal({ ...day, minutes: minutesOf(close) }, calendar.timeZone);
      if (end <= from) continue;
      yield { start: Math.max(start, from), end };
    }
  }
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}
