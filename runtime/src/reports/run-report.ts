// Listing and running reports for one reader. A report runs only for those who may read its
// entity (403 otherwise) and see every field it uses (400 otherwise, as for an unknown field);
// the reader's row filter goes inside the SQL, so a rep's pipeline counts only the rep's deals.
// The report's kind picks its runner (runners/); the result is `{ columns, rows, chart }`.
import { NotFoundError, resolveText, type ResolvedReport } from '@stagecraft/core';
import { accessOf, readableWhere, requireOperation } from '../access/record-access';
import { visibleEntityOf } from '../access/visible-entity';
import type { ListFilter } from '../records/list-query';
import { entityOf, type RecordContext } from '../records/record-context';
import { reportLabel } from './report-columns';
import { canReadReportFields, reportFieldResolver } from './report-fields';
import { parseReportParameters } from './report-parameters';
import type { ReportSqlInput } from './report-query';
import type { ReportResult } from './report-result';
import { runReportOfKind } from './runners';

export interface ReportSummary {
  name: string;
  label: string;
  description?: string;
  entity: string;
  chart: ResolvedReport['chart']['type'];
  parameters: Array<{ name: string; field: string; op: string; type: string; required: boolean; label: string }>;
}

export type { ReportResult, ReportRow } from './report-result';
export { BELOW_AVERAGE, PERCENT_OF_OVERALL } from './runners';

/** The reports this reader may run: those over entities they may read, using only fields they see. */
export function listReports(context: RecordContext, locale: string): ReportSummary[] {
  return Object.values(context.metadata.bundle.reports)
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
        parameters: report.parameters.map((parameter) => ({
          name: parameter.name, field: parameter.field, op: parameter.op, type: parameter.type, required: parameter.required,
          label: parameter.label === undefined ? parameter.name : resolveText(parameter.label, locale),
        })),
      };
      if (report.description !== undefined) summary.description = resolveText(report.description, locale);
      return summary;
    });
}

export async function runReport(context: RecordContext, name: string, query: Readonly<Record<string, unknown>>, locale: string): Promise<ReportResult> {
  const { reports } = context.metadata.bundle;
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
  const result = await runReportOfKind(context, input, locale);
  const filters: ListFilter[] = [...report.filters, ...input.parameterFilters.map(({ field, op, value }) => ({ field, op, value }))];
  result.drill = { entity: report.entity, filters };
  return result;
}
