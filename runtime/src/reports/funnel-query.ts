// A funnel report's query: for each stage, in funnel order, how many of the report's records
// reached it — they are in it or a later funnel stage now, or the process's transition log shows
// them entering or leaving it or a later stage (so a deal lost in negotiation still counts for
// prospecting … negotiation). One pass over the entity's table; the log is probed per record
// through its (entity, record_id) index. The reader's row filter applies as in every report.
import type { FunnelReport } from '@stagecraft/core';
import { BindParameters } from '../db/database';
import { escapeLike } from '../records/where-clause';
import { TRANSITIONS_TABLE } from '../workflow/workflow-tables';
import { reportWhereSql, type ReportSqlInput, type ReportStatement } from './report-query';

/** Alias of the i-th stage's count. */
export const reachedColumnOf = (index: number): string => `reached${index}`;

export function funnelReportStatement(input: ReportSqlInput<FunnelReport>, stageField: string): ReportStatement {
  const { funnel } = input.report;
  const params = new BindParameters();
  const q = input.quote;
  const stageColumn = input.fieldOf(stageField).sql;
  const recordId = `${input.entity.tableSql}.${input.fieldOf('id').sql}`;
  const log = `${q(TRANSITIONS_TABLE)} ${q('t')}`;
  const logColumn = (name: string): string => `${q('t')}.${q(name)}`;
  const counts = funnel.stages.map((_stage, index) => {
    const later = funnel.stages.slice(index);
    const current = `${stageColumn} IN (${later.map((stage) => params.add(stage)).join(', ')})`;
    // A state value is logged as JSON: "proposal" for a plain state, {"negotiation":"terms"} for a compound one.
    const stateMatches = (column: string): string[] =>
      later.flatMap((stage) => [`${logColumn(column)} = ${params.add(JSON.stringify(stage))}`, `${logColumn(column)} LIKE ${params.add(`${escapeLike(`{${JSON.stringify(stage)}:`)}%`)} ESCAPE '!'`]);
    const logged = `EXISTS (SELECT 1 FROM ${log} WHERE ${logColumn('entity')} = ${params.add(input.entity.name)} AND ${logColumn('record_id')} = ${recordId} AND (${[...stateMatches('to_state'), ...stateMatches('from_state')].join(' OR ')}))`;
    return `COUNT(CASE WHEN ${current} OR ${logged} THEN 1 END) AS ${q(reachedColumnOf(index))}`;
  });
  const where = reportWhereSql(input, params);
  return { sql: `SELECT ${counts.join(', ')} FROM ${input.entity.tableSql}${where}`, params: params.values };
}
