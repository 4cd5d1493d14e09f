// Report document → ResolvedReport: the report's kind made explicit (`reportKind`, derived from the
// document's shape: a `funnel` block makes a funnel, anything else groups and aggregates), every
// list present, the row limit and the chart's axis and series filled. The runtime picks one runner
// per kind from a map (runtime/src/reports/runners) and never asks whether `funnel` exists.
import type { FilterClause } from '../model/layout';
import { groupingNameOf, MAX_REPORT_ROWS, type ReportAggregate, type ReportChartType, type ReportCompare, type ReportDocument, type ReportFunnel, type ReportGrouping, type ReportParameter, type ReportSort } from '../model/report';

export const REPORT_KINDS = ['grouped', 'funnel'] as const;
/** `grouped`: one row per group with aggregates; `funnel`: how many records reached each stage of a process. */
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Column names of a funnel's result, fixed by its runner. */
export const FUNNEL_STAGE_COLUMN = 'stage';
export const FUNNEL_REACHED_COLUMN = 'reached';

export interface ResolvedReportParameter extends ReportParameter {
  required: boolean;
}

export interface ResolvedReportChart {
  type: ReportChartType;
  /** The column along the x axis; absent only for an ungrouped report. */
  x?: string;
  series: string[];
}

interface ResolvedReportBase extends Omit<ReportDocument, 'filters' | 'parameters' | 'groupBy' | 'aggregates' | 'sort' | 'limit' | 'chart' | 'funnel' | 'compare'> {
  filters: FilterClause[];
  parameters: ResolvedReportParameter[];
  groupBy: ReportGrouping[];
  aggregates: ReportAggregate[];
  sort: ReportSort[];
  /** Most rows returned, at most MAX_REPORT_ROWS. */
  limit: number;
  chart: ResolvedReportChart;
}

export interface GroupedReport extends ResolvedReportBase {
  reportKind: 'grouped';
  compare?: ReportCompare;
}

export interface FunnelReport extends ResolvedReportBase {
  reportKind: 'funnel';
  funnel: ReportFunnel;
}

export type ResolvedReport = GroupedReport | FunnelReport;
export type ReportOfKind<K extends ReportKind> = Extract<ResolvedReport, { reportKind: K }>;

/** The kind a report document has: the one place that looks at its shape. */
export function reportKindOf(report: ReportDocument): ReportKind {
  return report.funnel === undefined ? 'grouped' : 'funnel';
}

/** Idempotent: a resolved report resolves to an equal one. */
export function resolveReport(report: ReportDocument): ResolvedReport {
  const { funnel, compare, ...rest } = report;
  const groupBy = report.groupBy ?? [];
  const aggregates = report.aggregates ?? [];
  const base = {
    ...rest,
    filters: report.filters ?? [],
    parameters: (report.parameters ?? []).map((parameter) => ({ ...parameter, required: parameter.required ?? false })),
    groupBy,
    aggregates,
    sort: report.sort ?? [],
    limit: Math.min(report.limit ?? MAX_REPORT_ROWS, MAX_REPORT_ROWS),
  };
  if (funnel !== undefined) {
    const x = report.chart.x ?? FUNNEL_STAGE_COLUMN;
    return { ...base, reportKind: 'funnel', funnel, chart: { type: report.chart.type, x, series: report.chart.series ?? [FUNNEL_REACHED_COLUMN] } };
  }
  const firstGrouping = groupBy[0];
  const x = report.chart.x ?? (firstGrouping === undefined ? undefined : groupingNameOf(firstGrouping));
  const chart: ResolvedReportChart = { type: report.chart.type, series: report.chart.series ?? aggregates.map((aggregate) => aggregate.name) };
  if (x !== undefined) chart.x = x;
  return { ...base, reportKind: 'grouped', ...(compare !== undefined && { compare }), chart };
}
