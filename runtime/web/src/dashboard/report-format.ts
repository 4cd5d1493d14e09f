// Report values as text in the user's language: enum labels, names for reference groupings,
// months as month names, figures with the locale's separators.
import type { I18n } from '../i18n/i18n';
import type { ReportColumn, ReportResult, ReportRow } from './report-api';

export function valueText(column: ReportColumn, row: ReportRow, i18n: I18n): string {
  const value = row[column.name];
  if (value === null || value === undefined || value === '') return i18n.t('app.none');
  switch (column.type) {
    case 'enum':
      return column.options?.find((option) => option.value === value)?.label ?? String(value);
    case 'reference':
    case 'user': {
      const label = row[`${column.name}Label`];
      return typeof label === 'string' && label !== '' ? label : String(value);
    }
    case 'integer':
      return typeof value === 'number' ? i18n.number(value) : String(value);
    case 'number':
      return typeof value === 'number' ? i18n.number(value, { maximumFractionDigits: 2 }) : String(value);
    case 'boolean':
      return value ? i18n.t('app.yes') : i18n.t('app.no');
    case 'date':
      return typeof value === 'string' ? i18n.date(value) : String(value);
    case 'datetime':
      return typeof value === 'string' ? i18n.dateTime(value) : String(value);
    default:
      if (column.bucket === 'month' && typeof value === 'string' && /^\d{4}-\d{2}$/.test(value)) {
        return new Intl.DateTimeFormat(i18n.locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${value}-01T00:00:00Z`));
      }
      return String(value);
  }
}

/** The column the chart spreads along (its x axis, or its slices). */
export function categoryColumn(result: ReportResult): ReportColumn | undefined {
  return result.columns.find((column) => column.name === result.chart.x) ?? result.columns.find((column) => column.field !== undefined);
}

/** The colour of a row's category (an enum option's), if the metadata gives one. */
export function categoryColor(column: ReportColumn | undefined, row: ReportRow): string | undefined {
  if (column?.type !== 'enum') return undefined;
  return column.options?.find((option) => option.value === row[column.name])?.color;
}

export const SERIES_COLORS = ['#3b5bdb', '#12b886', '#f59f00', '#e64980', '#7048e8', '#15aabf'];

/** Short axis figures: 12,500 → "12.5K" / "1.3万". */
export function compactNumber(value: number, i18n: I18n): string {
  return i18n.number(value, { notation: 'compact', maximumFractionDigits: 1 });
}

/**
 * The rows a chart plots: one per category. A report grouped by two fields (e.g. month and
 * forecast category) has several rows per category; the chart sums their figures into one, and
 * the merged row keeps only the category's grouping, so a click lists all its records.
 */
export function chartRows(result: ReportResult): ReportRow[] {
  const category = categoryColumn(result);
  const groupings = result.columns.filter((column) => column.field !== undefined);
  if (!category || groupings.length <= 1) return result.rows;
  const merged = new Map<string, ReportRow>();
  for (const row of result.rows) {
    const key = JSON.stringify(row[category.name] ?? null);
    const target = merged.get(key) ?? { [category.name]: row[category.name] ?? null, [`${category.name}Label`]: row[`${category.name}Label`] };
    for (const name of result.chart.series) {
      const value = row[name];
      if (typeof value === 'number') target[name] = (typeof target[name] === 'number' ? (target[name] as number) : 0) + value;
    }
    merged.set(key, target);
  }
  return [...merged.values()];
}
