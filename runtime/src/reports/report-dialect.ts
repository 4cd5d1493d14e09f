// The SQL that differs between SQLite and MySQL/MariaDB in reports, kept in one place: date
// bucketing (strftime vs DATE_FORMAT) and day differences (julianday vs TIMESTAMPDIFF). Columns
// are quoted metadata identifiers; nothing here takes a request value.
import type { DateBucket } from '@stagecraft/core';
import type { Dialect } from '@stagecraft/metadata';

/**
 * A date or date-time column as its bucket's key, as text: day and week → `YYYY-MM-DD` (a week is
 * keyed by its Monday), month → `YYYY-MM`, quarter → `YYYY-Qn`, year → `YYYY`. Date-times are
 * stored in UTC, so buckets are UTC days.
 */
export function dateBucketSql(dialect: Dialect, column: string, bucket: DateBucket): string {
  if (dialect === 'mysql') {
    switch (bucket) {
      case 'day':
        return `DATE_FORMAT(${column}, '%Y-%m-%d')`;
      case 'week':
        return `DATE_FORMAT(DATE_SUB(${column}, INTERVAL WEEKDAY(${column}) DAY), '%Y-%m-%d')`;
      case 'month':
        return `DATE_FORMAT(${column}, '%Y-%m')`;
      case 'quarter':
        return `CONCAT(YEAR(${column}), '-Q', QUARTER(${column}))`;
      case 'year':
        return `DATE_FORMAT(${column}, '%Y')`;
    }
  }
  switch (bucket) {
    case 'day':
      return `strftime('%Y-%m-%d', ${column})`;
    case 'week':
      // 'weekday 0' moves forward to the next Sunday (or stays on one); six days back is the Monday.
      return `date(${column}, 'weekday 0', '-6 days')`;
    case 'month':
      return `strftime('%Y-%m', ${column})`;
    case 'quarter':
      return `(strftime('%Y', ${column}) || '-Q' || ((CAST(strftime('%m', ${column}) AS INTEGER) + 2) / 3))`;
    case 'year':
      return `strftime('%Y', ${column})`;
  }
}

/** Days (with fractions) from one date or date-time column to another; NULL when either is. */
export function daysBetweenSql(dialect: Dialect, start: string, end: string): string {
  if (dialect === 'mysql') return `(TIMESTAMPDIFF(SECOND, ${start}, ${end}) / 86400)`;
  return `(julianday(${end}) - julianday(${start}))`;
}
