// Reports as the dashboards read them (GET /api/reports, GET /api/reports/:name): columns with
// labels and types, rows, the chart to draw, and the list behind the figures for click-through.
import { api } from '../api/client';
import type { ListFilterParam } from '../app/hrefs';

export type ChartType = 'bar' | 'line' | 'pie' | 'funnel' | 'table';

export interface ReportInfo {
  name: string;
  label: string;
  description?: string;
  entity: string;
  chart: ChartType;
}

export interface ReportColumn {
  name: string;
  label: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'enum' | 'reference' | 'user';
  options?: Array<{ value: string; label: string; color?: string }>;
  entity?: string;
  /** Grouping columns: the field grouped by, and its date bucket. */
  field?: string;
  bucket?: 'day' | 'week' | 'month' | 'quarter' | 'year';
}

export type ReportRow = Record<string, unknown>;

export interface ReportResult {
  report: string;
  label: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  chart: { type: ChartType; x?: string; series: string[] };
  drill?: { entity: string; filters: ListFilterParam[] };
}

export const reportApi = {
  list: async (locale: string, signal?: AbortSignal) => (await api.get<{ data: ReportInfo[] }>('/api/reports', { locale }, signal)).data,
  run: (name: string, locale: string, signal?: AbortSignal) => api.get<ReportResult>(`/api/reports/${encodeURIComponent(name)}`, { locale }, signal),
};
