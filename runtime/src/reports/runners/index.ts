// One runner per report kind, chosen by the report's resolved `reportKind` through a map typed
// over every kind: a new kind fails the build until it has a runner here.
import type { ReportKind, ReportOfKind, ResolvedReport } from '@stagecraft/core';
import type { RecordContext } from '../../records/record-context';
import type { ReportSqlInput } from '../report-query';
import type { ReportResult } from '../report-result';
import { runFunnelReport } from './funnel-report';
import { runGroupedReport } from './grouped-report';

export type ReportRunner<K extends ReportKind> = (context: RecordContext, input: ReportSqlInput<ReportOfKind<K>>, locale: string) => Promise<ReportResult>;

export const REPORT_RUNNERS = {
  grouped: runGroupedReport,
  funnel: runFunnelReport,
} satisfies { [K in ReportKind]: ReportRunner<K> };

/** Runs the report with its kind's runner. (TypeScript cannot pair the map entry with the input's report, hence the one cast.) */
export function runReportOfKind(context: RecordContext, input: ReportSqlInput, locale: string): Promise<ReportResult> {
  const runner = REPORT_RUNNERS[input.report.reportKind] as ReportRunner<ResolvedReport['reportKind']> as (context: RecordContext, input: ReportSqlInput, locale: string) => Promise<ReportResult>;
  return runner(context, input, locale);
}

export { BELOW_AVERAGE, PERCENT_OF_OVERALL } from './grouped-report';
