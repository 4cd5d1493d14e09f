// Listing and running reports for one reader. A report runs only for those who may read its
// entity (403 otherwise) and see every field it uses (400 otherwise, as for an unknown field);
// the reader's row filter goes inside the SQL, so a rep's pipeline counts only the rep's deals.
// The result is `{ columns, rows, chart }` (plus the overall figure of a comparison).
import { groupingNameOf, NotFoundError, reportsOf, resolveText, type ReportDocument } from '@stagecraft/core';
import { accessOf, readableWhere, requireOperation } from '../access/record-access';
import { visibleEntityOf } from '../access/visible-entity';
import type { CompiledField } from '../live/compiled-types';
import type { ListFilter } from '../records/list-query';
import { entityOf, type RecordContext } from '../records/record-context';
import { funnelReportStatement, reachedColumnOf } from './funnel-query';
import { aggregateColumn, decodeReportValue, groupingColumn, reportLabel, roundFigure, type ReportColumn } from './report-columns';
import { canReadReportFields, reportFieldResolver } from './report-fields';
import { parseReportParameters } from './report-parameters';
import { groupedReportStatement, overallReportStatement, type ReportSqlInput } from './report-query';
import { referenceLabelColumns } from './reference-labels';

export interface ReportSummary {
  name: string;
  label: string;
  description?: string;
  entity: string;
  chart: ReportDocument['chart']['type'];
  parameters: Array<{ name: string; field: string; op: string; type: string; required: boolean; label: string }>;
}

export type ReportRow = Record<string, unknown>;

export interface ReportResult {
  report: string;
  label: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  chart: { type: ReportDocument['chart']['type']; x?: string; series: string[] };
  /** Present when the report compares groups with the overall value. */
  compare?: { aggregate: string; overall: number | null; belowPercent: number };
  /** The list behind the figures: the entity and the report's filters with the caller's parameters (a row adds its grouping values). */
  drill?: { entity: string; filters: ListFilter[] };
}

/** Columns a comparison adds to each row. */
export const PERCENT_OF_OVERALL = 'percentOfOverall';
export const BELOW_AVERAGE = 'belowAverage';

/** The reports this reader may run: those over entities they may read, using only fields they see. */
export function listReports(context: RecordContext, locale: string): ReportSummary[] {
  return Object.values(reportsOf(context.metadata.bundle))
    .filter((report) => {
      const entity = context.metadata.entities.get(report.entity);
      if (!entity) return false;
      const access = accessOf(context, entity);
      return access.can('read') && canReadReportFields(report, context.metadata.bundle, visibleEntityOf(entity, access));
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((report) => {
      const summary: ReportSummary = {
        name: report.name,
        label: reportLabel(report, locale),
        entity: report.entity,
        chart: report.chart.type,
        parameters: (report.parameters ?? []).map((parameter) => ({
          name: parameter.name, field: parameter.field, op: parameter.op, type: parameter.type, required: parameter.required ?? false,
          label: parameter.label === undefined ? parameter.name : resolveText(parameter.label, locale),
        })),
      };
      if (report.description !== undefined) summary.description = resolveText(report.description, locale);
      return summary;
    });
}

export async function runReport(context: RecordContext, name: string, query: Readonly<Record<string, unknown>>, locale: string): Promise<ReportResult> {
  const reports = reportsOf(context.metadata.bundle);
  const report = Object.hasOwn(reports, name) ? reports[name] : undefined;
  if (!report) throw new NotFoundError(`There is no report "${name}"`);
  const stored = entityOf(context, report.entity);
  const access = accessOf(context, stored);
  requireOperation(access, 'read');
  const fieldOf = reportFieldResolver(report, context.metadata.bundle, visibleEntityOf(stored, access));
  const input: ReportSqlInput = {
    report,
    entity: stored,
    dialect: context.database.dialect,
    quote: (identifier) => context.database.quote(identifier),
    fieldOf,
    parameterFilters: parseReportParameters(report, query),
    rowFilter: (params) => readableWhere(context, stored, params),
  };
  const result = await (report.funnel ? runFunnel(context, input, locale) : runGrouped(context, input, locale));
  const filters: ListFilter[] = [...(report.filters ?? []), ...input.parameterFilters.map(({ field, op, value }) => ({ field, op, value }))];
  result.drill = { entity: report.entity, filters };
  return result;
}

async function runGrouped(context: RecordContext, input: ReportSqlInput, locale: string): Promise<ReportResult> {
  const { report, fieldOf } = input;
  const groupings = (report.groupBy ?? []).map((grouping) => ({ grouping, field: fieldOf(grouping.field), column: groupingColumn(grouping, fieldOf(grouping.field), locale) }));
  const aggregates = (report.aggregates ?? []).map((aggregate) => aggregateColumn(aggregate, fieldOf, locale));
  const statement = groupedReportStatement(input);
  const sqlRows = await context.database.select(statement.sql, statement.params);
  const rows: ReportRow[] = sqlRows.map((sqlRow) => {
    const row: ReportRow = {};
    for (const { grouping, field, column } of groupings) row[column.name] = decodeReportValue(column, sqlRow[column.name], grouping.bucket === undefined ? field : undefined);
    for (const column of aggregates) {
      const aggregate = (report.aggregates ?? []).find((candidate) => candidate.name === column.name);
      const field = aggregate?.field === undefined ? undefined : fieldOf(aggregate.field);
      row[column.name] = decodeReportValue(column, sqlRow[column.name], field);
    }
    return row;
  });
  const columns: ReportColumn[] = [...groupings.map((entry) => entry.column), ...aggregates];
  const labelColumns = await referenceLabelColumns(context, groupings.filter((entry) => entry.grouping.bucket === undefined).map((entry) => entry.column), rows, locale);
  columns.push(...labelColumns);

  const result: ReportResult = { report: report.name, label: reportLabel(report, locale), columns, rows, chart: chartOf(report, columns) };
  if (report.compare) {
    const overallStatement = overallReportStatement(input);
    const { aggregate, belowPercent } = report.compare;
    // Shares are computed from the unrounded figures, so 33.333… of 50 is 66.67 % rather than 66.66 %.
    const rawOverall = (await context.database.select(overallStatement.sql, overallStatement.params))[0]?.[aggregate];
    const overall = roundFigure(rawOverall);
    for (const [index, row] of rows.entries()) {
      const value = sqlRows[index]?.[aggregate];
      const share = value !== null && value !== undefined && overall !== null && overall !== 0 ? roundFigure((100 * Number(value)) / Number(rawOverall)) : null;
      row[PERCENT_OF_OVERALL] = share;
      row[BELOW_AVERAGE] = share !== null && share < belowPercent;
    }
    columns.push(
      { name: PERCENT_OF_OVERALL, label: locale.startsWith('zh') ? '占整体比例 (%)' : '% of overall', type: 'number' },
      { name: BELOW_AVERAGE, label: report.compare.label === undefined ? (locale.startsWith('zh') ? '远低于平均' : 'Far below average') : resolveText(report.compare.label, locale), type: 'boolean' },
    );
    result.compare = { aggregate, overall, belowPercent };
  }
  return result;
}

async function runFunnel(context: RecordContext, input: ReportSqlInput, locale: string): Promise<ReportResult> {
  const { report } = input;
  const funnel = report.funnel;
  const process = funnel ? context.metadata.bundle.processes[funnel.process] : undefined;
  if (!funnel || !process) throw new NotFoundError(`The funnel of "${report.name}" names no published process`);
  const statement = funnelReportStatement(input, process.stageField);
  const counts = (await context.database.select(statement.sql, statement.params))[0] ?? {};
  const stageField: CompiledField = input.fieldOf(process.stageField);
  const stageColumn = groupingColumn({ field: process.stageField, name: 'stage' }, stageField, locale);
  const reached = funnel.stages.map((_stage, index) => Number(counts[reachedColumnOf(index)] ?? 0));
  const first = reached[0] ?? 0;
  const rows = funnel.stages.map((stage, index) => {
    const previous = index === 0 ? undefined : reached[index - 1];
    const count = reached[index] ?? 0;
    return {
      stage,
      reached: count,
      conversionRate: previous === undefined ? null : previous === 0 ? null : roundFigure((100 * count) / previous),
      overallRate: first === 0 ? null : roundFigure((100 * count) / first),
    };
  });
  const zh = locale.startsWith('zh');
  const columns: ReportColumn[] = [
    stageColumn,
    { name: 'reached', label: zh ? '到达数' : 'Reached', type: 'integer' },
    { name: 'conversionRate', label: zh ? '阶段转化率 (%)' : 'Conversion from previous stage (%)', type: 'number' },
    { name: 'overallRate', label: zh ? '总体转化率 (%)' : 'Conversion from first stage (%)', type: 'number' },
  ];
  return { report: report.name, label: reportLabel(report, locale), columns, rows, chart: chartOf(report, columns) };
}

function chartOf(report: ReportDocument, columns: readonly ReportColumn[]): ReportResult['chart'] {
  const chart: ReportResult['chart'] = { type: report.chart.type, series: [] };
  const x = report.chart.x ?? (report.funnel ? 'stage' : report.groupBy?.[0] ? groupingNameOf(report.groupBy[0]) : undefined);
  if (x !== undefined) chart.x = x;
  chart.series = report.chart.series ?? (report.funnel ? ['reached'] : (report.aggregates ?? []).map((aggregate) => aggregate.name));
  // Columns the reader's result lacks cannot be plotted (there are none today; a guard for later changes).
  chart.series = chart.series.filter((name) => columns.some((column) => column.name === name));
  return chart;
}

