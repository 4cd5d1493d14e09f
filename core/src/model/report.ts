// Report documents: a question asked of one entity's records, declared as metadata — filters
// (fixed and caller-supplied), groupings (dates bucketed by day … year), aggregates, sort, limit
// and a chart. The runtime compiles a report to one GROUP BY query with the reader's row-level
// permission applied inside it. A `funnel` report counts the records that reached each stage of
// a process instead; a `compare` block flags groups far below the overall figure.
import type { LocalisedText } from './label';
import type { FilterClause, FilterOperator } from './layout';

export const REPORT_CHART_TYPES = ['bar', 'pie', 'line', 'funnel', 'table', 'number'] as const;
export type ReportChartType = (typeof REPORT_CHART_TYPES)[number];

export const DATE_BUCKETS = ['day', 'week', 'month', 'quarter', 'year'] as const;
/** How a date or date-time is grouped: `week` is the ISO week's Monday (YYYY-MM-DD), `quarter` is "2026-Q3". */
export type DateBucket = (typeof DATE_BUCKETS)[number];

export const AGGREGATE_FUNCTIONS = ['count', 'sum', 'avg', 'min', 'max', 'weightedSum', 'avgDaysBetween', 'ratio'] as const;
/**
 * `count` — records (those matching `where`, when given); `sum`, `avg`, `min`, `max` — of a
 * numeric `field` (`min`/`max` also of dates); `weightedSum` — Σ field × weightField / 100
 * (amount × probability: the weighted pipeline); `avgDaysBetween` — the average number of days
 * from `field` to `endField`; `ratio` — `numerator` as a percentage of `denominator` (two other
 * aggregates of the report, e.g. won / closed = the win rate).
 */
export type AggregateFunction = (typeof AGGREGATE_FUNCTIONS)[number];

export const REPORT_PARAMETER_TYPES = ['string', 'integer', 'number', 'boolean', 'date', 'datetime'] as const;
export type ReportParameterType = (typeof REPORT_PARAMETER_TYPES)[number];

export interface ReportGrouping {
  field: string;
  /** Dates and date-times only. */
  bucket?: DateBucket;
  /** The result column's name (default: the field's). */
  name?: string;
  label?: LocalisedText;
}

export interface ReportAggregate {
  /** The result column's name, unique among the report's columns. */
  name: string;
  function: AggregateFunction;
  field?: string;
  /** weightedSum: the percent field weighting `field`. */
  weightField?: string;
  /** avgDaysBetween: the later date. */
  endField?: string;
  /** ratio: aggregate names. */
  numerator?: string;
  denominator?: string;
  /** Only records matching every clause count towards this aggregate (count, sum, …). */
  where?: FilterClause[];
  label?: LocalisedText;
}

/** A filter the caller may pass as `?name=value`; `in` takes a comma-separated list. */
export interface ReportParameter {
  name: string;
  field: string;
  op: FilterOperator;
  type: ReportParameterType;
  required?: boolean;
  label?: LocalisedText;
}

export interface ReportSort {
  /** A grouping's or an aggregate's column name. */
  by: string;
  direction?: 'asc' | 'desc';
}

export interface ReportChart {
  type: ReportChartType;
  /** The column along the x axis (or the slices): default, the first grouping. */
  x?: string;
  /** The columns plotted: default, every aggregate. */
  series?: string[];
}

/** Counts the records that reached each stage (in this order) of a process, with conversion rates. */
export interface ReportFunnel {
  process: string;
  /** Top-level states of the process, in funnel order (e.g. prospecting … closedWon). */
  stages: string[];
}

/** Adds the overall value of `aggregate` and flags groups below `belowPercent` % of it. */
export interface ReportCompare {
  aggregate: string;
  /** A group is flagged when its value is below this share (in %) of the overall value. */
  belowPercent: number;
  label?: LocalisedText;
}

export interface ReportDocument {
  $schema?: string;
  kind: 'report';
  /** camelCase, unique in the bundle: the report's address (`/api/reports/<name>`). */
  name: string;
  label: LocalisedText;
  description?: LocalisedText;
  entity: string;
  /** Fixed filters: every clause must hold, like a list's. */
  filters?: FilterClause[];
  parameters?: ReportParameter[];
  groupBy?: ReportGrouping[];
  /** Required unless the report is a funnel. */
  aggregates?: ReportAggregate[];
  sort?: ReportSort[];
  /** Most rows returned (default and maximum 1000). */
  limit?: number;
  chart: ReportChart;
  funnel?: ReportFunnel;
  compare?: ReportCompare;
}

export const MAX_REPORT_ROWS = 1000;

/** The column name of a grouping. */
export function groupingNameOf(grouping: ReportGrouping): string {
  return grouping.name ?? grouping.field;
}
