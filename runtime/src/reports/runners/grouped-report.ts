// Runs a `grouped` report: one GROUP BY query, values decoded per column, reference groups given
// their records' labels, and (with `compare`) each group's share of the overall figure.
import { resolveText, type GroupedReport } from '@stagecraft/core';
import type { RecordContext } from '../../records/record-context';
import { aggregateColumn, decodeReportValue, groupingColumn, reportLabel, roundFigure, type ReportColumn } from '../report-columns';
import { groupedReportStatement, overallReportStatement, type ReportSqlInput } from '../report-query';
import { chartOf, type ReportResult, type ReportRow } from '../report-result';
import { referenceLabelColumns } from '../reference-labels';

/** Columns a comparison adds to each row. */
export const PERCENT_OF_OVERALL = 'percentOfOverall';
export const BELOW_AVERAGE = 'belowAverage';

export async function runGroupedReport(context: RecordContext, input: ReportSqlInput<GroupedReport>, locale: string): Promise<ReportResult> {
  const { report, fieldOf } = input;
  const groupings = report.groupBy.map((grouping) => ({ grouping, field: fieldOf(grouping.field), column: groupingColumn(grouping, fieldOf(grouping.field), locale) }));
  const aggregates = report.aggregates.map((aggregate) => aggregateColumn(aggregate, fieldOf, locale));
  const statement = groupedReportStatement(input);
  const sqlRows = await context.database.select(statement.sql, statement.params);
  const rows: ReportRow[] = sqlRows.map((sqlRow) => {
    const row: ReportRow = {};
    for (const { grouping, field, column } of groupings) row[column.name] = decodeReportValue(column, sqlRow[column.name], grouping.bucket === undefined ? field : undefined);
    for (const column of aggregates) {
      const aggregate = report.aggregates.find((candidate) => candidate.name === column.name);
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
