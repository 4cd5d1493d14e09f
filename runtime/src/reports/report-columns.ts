// The columns of a report's result — name, localised label, value type (and an enum's options
// with their labels) — and the decoding of SQL values into them: numbers from DECIMAL strings,
// figures rounded to cents so SQLite's floating sums and MariaDB's exact ones answer alike.
import { groupingNameOf, resolveText, type ReportAggregate, type ReportDocument, type ReportGrouping } from '@stagecraft/core';
import type { CompiledField } from '../live/compiled-types';

export type ReportColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'enum' | 'reference' | 'user';

export interface ReportColumn {
  name: string;
  label: string;
  type: ReportColumnType;
  /** Enum columns: the options in order, with their labels. */
  options?: Array<{ value: string; label: string; color?: string }>;
  /** Reference columns: the entity referenced. */
  entity?: string;
  /** Grouping columns: the field grouped by (and its date bucket), so a chart segment can link to its records. */
  field?: string;
  bucket?: ReportGrouping['bucket'];
}

export function roundFigure(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const number = Number(value);
  return Number.isFinite(number) ? Math.round(number * 100) / 100 : null;
}

function fieldLabel(field: CompiledField, locale: string): string {
  return field.definition?.label === undefined ? field.name : resolveText(field.definition.label, locale);
}

export function groupingColumn(grouping: ReportGrouping, field: CompiledField, locale: string): ReportColumn {
  const column: ReportColumn = { name: groupingNameOf(grouping), label: grouping.label === undefined ? fieldLabel(field, locale) : resolveText(grouping.label, locale), type: 'string' };
  const definition = field.definition;
  column.field = field.name;
  if (grouping.bucket !== undefined) column.bucket = grouping.bucket;
  if (grouping.bucket !== undefined) column.type = grouping.bucket === 'day' || grouping.bucket === 'week' ? 'date' : 'string';
  else if (definition?.type === 'enum') {
    column.type = 'enum';
    column.options = definition.options.map((option) => ({ value: option.value, label: resolveText(option.label ?? option.value, locale), ...(option.color ? { color: option.color } : {}) }));
  } else if (definition?.type === 'reference') {
    column.type = 'reference';
    column.entity = definition.entity;
  } else if (definition?.type === 'user') {
    column.type = 'user';
    column.entity = 'user';
  } else column.type = field.kind === 'list' ? 'string' : field.kind;
  return column;
}

export function aggregateColumn(aggregate: ReportAggregate, fieldOf: (name: string) => CompiledField, locale: string): ReportColumn {
  const label = aggregate.label === undefined ? aggregate.name : resolveText(aggregate.label, locale);
  if (aggregate.function === 'count') return { name: aggregate.name, label, type: 'integer' };
  if ((aggregate.function === 'min' || aggregate.function === 'max') && aggregate.field !== undefined) {
    const kind = fieldOf(aggregate.field).kind;
    if (kind === 'date' || kind === 'datetime') return { name: aggregate.name, label, type: kind };
  }
  return { name: aggregate.name, label, type: 'number' };
}

/** A SQL value as the column's value. */
export function decodeReportValue(column: ReportColumn, raw: unknown, field?: CompiledField): unknown {
  if (raw === null || raw === undefined) return null;
  switch (column.type) {
    case 'integer':
      return Number(raw);
    case 'number':
      return roundFigure(raw);
    case 'date':
    case 'datetime':
    case 'boolean':
      return field ? field.codec.fromColumn(raw) : String(raw);
    default:
      return String(raw);
  }
}

/** The report's label in a locale. */
export function reportLabel(report: ReportDocument, locale: string): string {
  return resolveText(report.label, locale);
}
