// What running a report answers: `{ columns, rows, chart }`, plus the overall figure of a
// comparison and the list behind the figures. Shared by every report kind's runner.
import type { ResolvedReport } from '@stagecraft/core';
import type { ListFilter } from '../records/list-query';
import type { ReportColumn } from './report-columns';

export type ReportRow = Record<string, unknown>;

export interface ReportResult {
  report: string;
  label: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  chart: { type: ResolvedReport['chart']['type']; x?: string; series: string[] };
  /** Present when the report compares groups with the overall value. */
  compare?: { aggregate: string; overall: number | null; belowPercent: number };
  /** The list behind the figures: the entity and the report's filters with the caller's parameters (a row adds its grouping values). */
  drill?: { entity: string; filters: ListFilter[] };
}

/** The report's chart (axis and series resolved with the report), keeping only columns the result has. */
export function chartOf(report: ResolvedReport, columns: readonly ReportColumn[]): ReportResult['chart'] {
  const chart: ReportResult['chart'] = { type: report.chart.type, series: report.chart.series.filter((name) => columns.some((column) => column.name === name)) };
  if (report.chart.x !== undefined) chart.x = report.chart.x;
  return chart;
}
