// Click-through from a report row (a chart segment) to the list of its records: the report's own
// filters, plus one filter per grouping — the value itself, or the date range of its bucket.
import { recordHref, type ListFilterParam } from '../app/hrefs';
import type { ReportColumn, ReportResult, ReportRow } from './report-api';

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A bucket key ("2026-03", "2026-Q2", "2026", a day) → [first day, first day after]. */
export function bucketRange(bucket: NonNullable<ReportColumn['bucket']>, key: string): [string, string] | undefined {
  const utc = (year: number, month: number, day = 1) => new Date(Date.UTC(year, month, day));
  let match: RegExpExecArray | null;
  switch (bucket) {
    case 'day':
    case 'week': {
      match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
      if (!match) return undefined;
      const start = utc(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
      const end = utc(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + (bucket === 'day' ? 1 : 7));
      return [isoDay(start), isoDay(end)];
    }
    case 'month':
      match = /^(\d{4})-(\d{2})$/.exec(key);
      return match ? [isoDay(utc(Number(match[1]), Number(match[2]) - 1)), isoDay(utc(Number(match[1]), Number(match[2])))] : undefined;
    case 'quarter':
      match = /^(\d{4})-Q([1-4])$/.exec(key);
      return match ? [isoDay(utc(Number(match[1]), (Number(match[2]) - 1) * 3)), isoDay(utc(Number(match[1]), Number(match[2]) * 3))] : undefined;
    case 'year':
      match = /^(\d{4})$/.exec(key);
      return match ? [isoDay(utc(Number(match[1]), 0)), isoDay(utc(Number(match[1]) + 1, 0))] : undefined;
  }
}

/** The list filters selecting the records behind one row; undefined when a grouping cannot be expressed. */
export function rowFilters(result: ReportResult, row: ReportRow): ListFilterParam[] | undefined {
  const filters: ListFilterParam[] = [...(result.drill?.filters ?? [])];
  for (const column of result.columns) {
    // A chart row merged over a second grouping holds only its category: the other grouping is not filtered.
    if (column.field === undefined || !(column.name in row)) continue;
    const value = row[column.name];
    if (value === null || value === undefined) {
      filters.push({ field: column.field, op: 'isNull', value: 'true' });
    } else if (column.bucket === undefined) {
      filters.push({ field: column.field, op: 'eq', value });
    } else {
      const range = bucketRange(column.bucket, String(value));
      if (!range) return undefined;
      filters.push({ field: column.field, op: 'gte', value: range[0] }, { field: column.field, op: 'lt', value: range[1] });
    }
  }
  return filters;
}

/** The list page of a row's records, or undefined when the report says nothing about its records. */
export function rowHref(result: ReportResult, row: ReportRow): string | undefined {
  if (!result.drill) return undefined;
  const filters = rowFilters(result, row);
  return filters ? recordHref.list(result.drill.entity, { filters }) : undefined;
}
