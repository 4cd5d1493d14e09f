// What both databases can store, promised at validation so no write fails in SQL: dates and
// date-times from 0001-01-01 to 9999-12-31 (date-times after conversion to UTC: DATETIME on
// MySQL/MariaDB stops at year 9999, and year 0 reads back as 2000), and text without C0 control
// characters other than tab, line feed and carriage return (a NUL ends a string in SQLite's C
// API, so search could never match it; the others are invisible and break CSV and e-mail).

export const MIN_STORED_DATE = '0001-01-01';
export const MAX_STORED_DATE = '9999-12-31';
/** What a refused date or date-time is told. */
export const STORED_DATE_RANGE = `between ${MIN_STORED_DATE} and ${MAX_STORED_DATE}`;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date YYYY-MM-DD in years 1–9999. */
export function isStorableDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An instant whose UTC year is 1–9999. */
export function isStorableInstant(date: Date): boolean {
  const time = date.getTime();
  if (!Number.isFinite(time)) return false;
  const year = date.getUTCFullYear();
  return year >= 1 && year <= 9999;
}

/** What a text field's value must match (a JSON Schema pattern): no C0 control but tab, LF and CR. */
export const CONTROL_FREE_PATTERN = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F]*$';
export const CONTROL_FREE_MESSAGE = 'must not contain control characters (NUL and the other C0 controls except tab, line feed and carriage return)';
