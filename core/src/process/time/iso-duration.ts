// ISO 8601 durations ("PT4H", "P2D", "P1DT2H", "-P3D") and adding them to an instant. Calendar
// parts (years, months, weeks, days) move along the UTC calendar, so "P1D" is always 24 hours
// and the result never depends on the machine's time zone.

export interface IsoDuration {
  sign: 1 | -1;
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DURATION = /^(-)?P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Parses a (signed) ISO 8601 duration; undefined when the text is not one. */
export function parseIsoDuration(text: string): IsoDuration | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const part = (index: number): number => Number(match[index] ?? 0);
  return { sign: match[1] ? -1 : 1, years: part(2), months: part(3), weeks: part(4), days: part(5), hours: part(6), minutes: part(7), seconds: part(8) };
}

/** The instant `duration` after `instant` (before it for a negative duration). Throws on text that is not a duration. */
export function addIsoDuration(instant: Date, duration: IsoDuration | string): Date {
  const parsed = typeof duration === 'string' ? parseIsoDuration(duration) : duration;
  if (!parsed) throw new RangeError(`"${String(duration)}" is not an ISO 8601 duration such as "PT4H" or "-P3D"`);
  const { sign } = parsed;
  const moved = addMonthsClamped(instant, sign * (parsed.years * 12 + parsed.months));
  const fixed = (parsed.weeks * 7 + parsed.days) * DAY_MS + parsed.hours * HOUR_MS + parsed.minutes * 60_000 + parsed.seconds * 1000;
  return new Date(moved.getTime() + sign * fixed);
}

/** Jan 31 + 1 month is Feb 28 (or 29): the day is clamped to the target month's length. */
function addMonthsClamped(instant: Date, months: number): Date {
  if (months === 0) return instant;
  const target = new Date(instant.getTime());
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}
