// Runs a `funnel` report: how many of the report's records reached each stage of its process, in
// funnel order, with the conversion from the previous and from the first stage.
import { FUNNEL_REACHED_COLUMN, FUNNEL_STAGE_COLUMN, NotFoundError, type FunnelReport } from '@stagecraft/core';
import type { CompiledField } from '../../live/compiled-types';
import type { RecordContext } from '../../records/record-context';
import { funnelReportStatement, reachedColumnOf } from '../funnel-query';
import { groupingColumn, reportLabel, roundFigure, type ReportColumn } from '../report-columns';
import type { ReportSqlInput } from '../report-query';
import { chartOf, type ReportResult } from '../report-result';

export async function runFunnelReport(context: RecordContext, input: ReportSqlInput<FunnelReport>, locale: string): Promise<ReportResult> {
  const { report } = input;
  const { funnel } = report;
  const process = context.metadata.bundle.processes[funnel.process];
  if (!process) throw new NotFoundError(`The funnel of "${report.name}" names no published process`);
  const statement = funnelReportStatement(input, process.stageField);
  const counts = (await context.database.select(statement.sql, statement.params))[0] ?? {};
  const stageField: CompiledField = input.fieldOf(process.stageField);
  const stageColumn = groupingColumn({ field: process.stageField, name: FUNNEL_STAGE_COLUMN }, stageField, locale);
  const reached = funnel.stages.map((_stage, index) => Number(counts[reachedColumnOf(index)] ?? 0));
  const first = reached[0] ?? 0;
  const rows = funnel.stages.map((stage, index) => {
    const previous = index === 0 ? undefined : reached[index - 1];
    const count = reached[index] ?? 0;
    return {
      [FUNNEL_STAGE_COLUMN]: stage,
      [FUNNEL_REACHED_COLUMN]: count,
      conversionRate: previous === undefined ? null : previous === 0 ? null : roundFigure((100 * count) / previous),
      overallRate: first === 0 ? null : roundFigure((100 * count) / first),
    };
  });
  const zh = locale.startsWith('zh');
  const columns: ReportColumn[] = [
    stageColumn,
    { name: FUNNEL_REACHED_COLUMN, label: zh ? '到达数' : 'Reached', type: 'integer' },
    { name: 'conversionRate', label: zh ? '阶段转化率 (%)' : 'Conversion from previous stage (%)', type: 'number' },
    { name: 'overallRate', label: zh ? '总体转化率 (%)' : 'Conversion from first stage (%)', type: 'number' },
  ];
  return { report: report.name, label: reportLabel(report, locale), columns, rows, chart: chartOf(report, columns) };
}
