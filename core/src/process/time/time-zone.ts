// Wall-clock time in an IANA time zone, computed with Intl.DateTimeFormat only (no dependency, and
// it works in the browser): the local date and time of an instant, and the instant of a local time.

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export interface LocalDateTime extends LocalDate {
  /** Minutes since local midnight. */
  minutes: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local date and time of an instant in a time zone (seconds dropped). */
export function localDateTimeOf(instant: number, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts['year'] ?? 0, month: parts['month'] ?? 1, day: parts['day'] ?? 1, minutes: (parts['hour'] ?? 0) * 60 + (parts['minute'] ?? 0) };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
export function offsetAt(instant: number, timeZone: string): number {
  const local = localDateTimeOf(instant, timeZone);
  const wholeMinute = Math.floor(instant / 60_000) * 60_000;
  return Date.UTC(local.year, local.month - 1, local.day, 0, local.minutes) - wholeMinute;
}

/**
 * The instant a local wall-clock time happens. A time skipped by a daylight-saving jump (02:30 on
 * the spring-forward night) maps to the same moment after the jump; a repeated time (autumn) maps
 * to its first occurrence.
 */
export function instantOfLocal(local: LocalDateTime, timeZone: string): number {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, 0, local.minutes);
  // Zones change their offset at most once within a day either side: these are the candidates.
  const offsetBefore = offsetAt(asUtc - DAY_MS, timeZone);
  const offsetAfter = offsetAt(asUtc + DAY_MS, timeZone);
  const readings = [asUtc - offsetBefore, asUtc - offsetAfter].filter((instant) => offsetAt(instant, timeZone) === asUtc - instant);
  if (readings.length > 0) return Math.min(...readings);
  return asUtc - offsetBefore;
}

/** The local date `days` after `date` (negative: before). */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndexOf(date: LocalDate): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
}

export function formatLocalDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
