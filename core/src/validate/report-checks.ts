// Rules for one report on its own: column names (groupings and aggregates) and parameter names
// are unique, each aggregate has the operands its function needs, ratios, sorts, the chart and
// the comparison name real columns, filters have well-formed values, and a funnel is shaped as one.
import type { Problem } from '../model/problem';
import { groupingNameOf, type ReportAggregate, type ReportDocument } from '../model/report';
import { FUNNEL_REACHED_COLUMN, FUNNEL_STAGE_COLUMN, reportKindOf } from '../resolve/resolve-report';
import { pointerOf } from './ajv-problems';
import { findDuplicates } from './duplicates';
import { checkFilterValue } from './layout-checks';

/** Which operands each aggregate function needs (true) or forbids (false). */
const OPERANDS = {
  count: { field: false, weightField: false, endField: false, numerator: false, denominator: false },
  sum: { field: true, weightField: false, endField: false, numerator: false, denominator: false },
  avg: { field: true, weightField: false, endField: false, numerator: false, denominator: false },
  min: { field: true, weightField: false, endField: false, numerator: false, denominator: false },
  max: { field: true, weightField: false, endField: false, numerator: false, denominator: false },
  weightedSum: { field: true, weightField: true, endField: false, numerator: false, denominator: false },
  avgDaysBetween: { field: true, weightField: false, endField: true, numerator: false, denominator: false },
  ratio: { field: false, weightField: false, endField: false, numerator: true, denominator: true },
} as const satisfies Record<ReportAggregate['function'], Record<'field' | 'weightField' | 'endField' | 'numerator' | 'denominator', boolean>>;

/** Columns a comparison adds (percentOfOverall, belowAverage); `<grouping>Label` columns name references. */
const RESERVED_COLUMN_NAMES: ReadonlySet<string> = new Set(['percentOfOverall', 'belowAverage']);
const RESERVED_PARAMETER_NAMES: ReadonlySet<string> = new Set(['locale']);

export function checkReport(report: ReportDocument): Problem[] {
  const problems: Problem[] = [];
  const isFunnel = reportKindOf(report) === 'funnel';
  const groupings = report.groupBy ?? [];
  const aggregates = report.aggregates ?? [];
  const columns = [
    ...groupings.map((grouping, index) => ({ name: groupingNameOf(grouping), path: pointerOf('', 'groupBy', index, grouping.name === undefined ? 'field' : 'name') })),
    ...aggregates.map((aggregate, index) => ({ name: aggregate.name, path: pointerOf('', 'aggregates', index, 'name') })),
  ];
  for (const duplicate of findDuplicates(columns, (column) => column.name)) {
    problems.push({ path: duplicate.item.path, message: `repeats the column name "${duplicate.key}"`, code: 'duplicateName' });
  }
  const columnNames = new Set(columns.map((column) => column.name));
  const aggregateNames = new Set(aggregates.map((aggregate) => aggregate.name));
  const ratioNames = new Set(aggregates.filter((aggregate) => aggregate.function === 'ratio').map((aggregate) => aggregate.name));

  if (!isFunnel && aggregates.length === 0) problems.push({ path: '/aggregates', message: 'is required (at least one aggregate) unless the report is a funnel', code: 'required' });
  if (isFunnel && (groupings.length > 0 || aggregates.length > 0 || report.compare !== undefined)) {
    problems.push({ path: '/funnel', message: 'a funnel report counts records per stage by itself: leave out groupBy, aggregates and compare', code: 'invalidFunnel' });
  }
  aggregates.forEach((aggregate, index) => problems.push(...checkAggregate(aggregate, pointerOf('', 'aggregates', index), aggregateNames, ratioNames)));
  (report.filters ?? []).forEach((clause, index) => problems.push(...checkFilterValue(clause, pointerOf('', 'filters', index))));
  for (const duplicate of findDuplicates(report.parameters ?? [], (parameter) => parameter.name)) {
    problems.push({ path: pointerOf('', 'parameters', duplicate.index, 'name'), message: `repeats the parameter name "${duplicate.key}"`, code: 'duplicateName' });
  }
  groupings.forEach((grouping, index) => {
    if (grouping.bucket !== undefined && isFunnel) problems.push({ path: pointerOf('', 'groupBy', index, 'bucket'), message: 'not in a funnel', code: 'invalidFunnel' });
  });
  if (isFunnel && report.sort !== undefined) problems.push({ path: '/sort', message: 'a funnel lists its stages in funnel order', code: 'invalidFunnel' });
  (report.parameters ?? []).forEach((parameter, index) => {
    if (RESERVED_PARAMETER_NAMES.has(parameter.name)) problems.push({ path: pointerOf('', 'parameters', index, 'name'), message: `"${parameter.name}" is reserved (it picks the labels' language)`, code: 'reservedName' });
  });
  columns.forEach((column) => {
    if (RESERVED_COLUMN_NAMES.has(column.name) || (column.name.endsWith('Label') && columnNames.has(column.name.slice(0, -'Label'.length)))) {
      problems.push({ path: column.path, message: `"${column.name}" is reserved for a column the runtime adds`, code: 'reservedName' });
    }
  });
  const funnelColumns = new Set([FUNNEL_STAGE_COLUMN, FUNNEL_REACHED_COLUMN, 'conversionRate', 'overallRate']);
  const knownColumn = (name: string): boolean => (isFunnel ? funnelColumns.has(name) : columnNames.has(name));
  const columnList = (): string => (isFunnel ? [...funnelColumns] : [...columnNames]).join(', ');
  (report.sort ?? []).forEach((sort, index) => {
    if (!knownColumn(sort.by)) problems.push({ path: pointerOf('', 'sort', index, 'by'), message: `"${sort.by}" is not a column of the report (columns: ${columnList()})`, code: 'unknownColumn' });
  });
  if (report.chart.x !== undefined && !knownColumn(report.chart.x)) problems.push({ path: '/chart/x', message: `"${report.chart.x}" is not a column of the report (columns: ${columnList()})`, code: 'unknownColumn' });
  (report.chart.series ?? []).forEach((name, index) => {
    if (!knownColumn(name)) problems.push({ path: pointerOf('', 'chart', 'series', index), message: `"${name}" is not a column of the report (columns: ${columnList()})`, code: 'unknownColumn' });
  });
  if (report.compare !== undefined) {
    if (!aggregateNames.has(report.compare.aggregate)) problems.push({ path: '/compare/aggregate', message: `"${report.compare.aggregate}" is not an aggregate of the report`, code: 'unknownColumn' });
    if (groupings.length === 0) problems.push({ path: '/compare', message: 'compares groups with the overall value, so the report needs a groupBy', code: 'invalidCompare' });
  }
  return problems;
}

function checkAggregate(aggregate: ReportAggregate, path: string, aggregateNames: ReadonlySet<string>, ratioNames: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  for (const [operand, needed] of Object.entries(OPERANDS[aggregate.function])) {
    const given = aggregate[operand as keyof typeof OPERANDS.count] !== undefined;
    if (needed && !given) problems.push({ path: pointerOf(path, operand), message: `is required for "${aggregate.function}"`, code: 'required' });
    if (!needed && given) problems.push({ path: pointerOf(path, operand), message: `does not apply to "${aggregate.function}"`, code: 'invalidAggregate' });
  }
  for (const operand of ['numerator', 'denominator'] as const) {
    const name = aggregate[operand];
    if (name === undefined) continue;
    if (!aggregateNames.has(name) || ratioNames.has(name)) problems.push({ path: pointerOf(path, operand), message: `"${name}" is not a count, sum or other non-ratio aggregate of the report`, code: 'unknownColumn' });
  }
  if (aggregate.function === 'ratio' && aggregate.where !== undefined) problems.push({ path: pointerOf(path, 'where'), message: 'a ratio has no filter of its own: filter its numerator and denominator', code: 'invalidAggregate' });
  (aggregate.where ?? []).forEach((clause, index) => problems.push(...checkFilterValue(clause, pointerOf(path, 'where', index))));
  return problems;
}
