// A report's GROUP BY query: groupings (dates bucketed by the dialect helper), aggregates
// (conditional ones as CASE WHEN inside the aggregate, ratios as the quotient of two others),
// the fixed filters, the caller's parameters and the reader's row filter in one WHERE clause,
// ORDER BY and LIMIT. Identifiers come from the compiled metadata, values are bind parameters.
// Built afresh for each statement, so each one's bind list holds exactly its own placeholders.
import { BadRequestError, groupingNameOf, type Problem, type FilterClause, type ReportAggregate, type ResolvedReport } from '@stagecraft/core';
import type { Dialect } from '@stagecraft/metadata';
import { BindParameters } from '../db/database';
import type { CompiledEntity, CompiledField } from '../live/compiled-types';
import { conditionOf } from '../records/where-clause';
import { dateBucketSql, daysBetweenSql } from './report-dialect';
import { pathOf, type ParameterFilter } from './report-parameters';

export interface ReportSqlInput<R extends ResolvedReport = ResolvedReport> {
  report: R;
  /** The entity as stored (table name, columns). */
  entity: CompiledEntity;
  dialect: Dialect;
  quote(identifier: string): string;
  fieldOf(name: string): CompiledField;
  /** The caller's parameters as filters. */
  parameterFilters: readonly ParameterFilter[];
  /** Adds the reader's row filter to `params` and returns its SQL (undefined: every row). */
  rowFilter(params: BindParameters): string | undefined;
}

export interface ReportStatement {
  sql: string;
  params: unknown[];
}

/** The condition of a list of clauses (all must hold); metadata was validated, so a failure is a bug or a bad parameter. */
export function clausesSql(clauses: readonly FilterClause[], fieldOf: (name: string) => CompiledField, params: BindParameters): string[] {
  return clauses.map((clause) => {
    const condition = conditionOf(fieldOf(clause.field), clause, params);
    if (typeof condition !== 'string') throw new Error(`Report filter on ${clause.field} does not compile: ${condition.message}`);
    return condition;
  });
}

/** WHERE … for the report's records: fixed filters, parameters, the reader's row filter. */
export function reportWhereSql(input: ReportSqlInput, params: BindParameters): string {
  const conditions = [...clausesSql(input.report.filters, input.fieldOf, params), ...parameterConditions(input, params)];
  const row = input.rowFilter(params);
  if (row !== undefined) conditions.push(row);
  return conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
}

/** The caller's filters; a value the field refuses (an enum value that is no option) is a 400 at its parameter. */
function parameterConditions(input: ReportSqlInput, params: BindParameters): string[] {
  const problems: Problem[] = [];
  const conditions: string[] = [];
  for (const filter of input.parameterFilters) {
    const condition = conditionOf(input.fieldOf(filter.field), filter, params);
    if (typeof condition === 'string') conditions.push(condition);
    else problems.push({ path: pathOf(filter.parameter), message: condition.message, code: 'badFilter' });
  }
  if (problems.length > 0) throw new BadRequestError('The report parameters are not valid', problems);
  return conditions;
}

function aggregateSql(aggregate: ReportAggregate, input: ReportSqlInput, params: BindParameters, byName: ReadonlyMap<string, ReportAggregate>): string {
  const column = (name: string | undefined): string => input.fieldOf(name ?? '').sql;
  const when = aggregate.where && aggregate.where.length > 0 ? clausesSql(aggregate.where, input.fieldOf, params).join(' AND ') : undefined;
  const only = (expression: string): string => (when === undefined ? expression : `CASE WHEN ${when} THEN ${expression} END`);
  switch (aggregate.function) {
    case 'count':
      return when === undefined ? 'COUNT(*)' : `COUNT(CASE WHEN ${when} THEN 1 END)`;
    case 'sum':
      return `SUM(${only(column(aggregate.field))})`;
    case 'avg':
      return `AVG(${only(column(aggregate.field))})`;
    case 'min':
      return `MIN(${only(column(aggregate.field))})`;
    case 'max':
      return `MAX(${only(column(aggregate.field))})`;
    case 'weightedSum':
      return `SUM(${only(`${column(aggregate.field)} * ${column(aggregate.weightField)} / 100`)})`;
    case 'avgDaysBetween':
      return `AVG(${only(daysBetweenSql(input.dialect, column(aggregate.field), column(aggregate.endField)))})`;
    case 'ratio': {
      const part = (name: string | undefined): string => {
        const operand = byName.get(name ?? '');
        if (!operand) throw new Error(`The ratio ${aggregate.name} names no aggregate ${String(name)}`);
        return aggregateSql(operand, input, params, byName);
      };
      const denominator = part(aggregate.denominator);
      const numerator = part(aggregate.numerator);
      return `(CASE WHEN ${denominator} = 0 THEN NULL ELSE 100.0 * ${numerator} / ${denominator} END)`;
    }
  }
}

/** The SELECT list of the aggregates (aliased by their names). */
function aggregatesSql(input: ReportSqlInput, params: BindParameters): string[] {
  const { aggregates } = input.report;
  const byName = new Map(aggregates.map((aggregate) => [aggregate.name, aggregate]));
  return aggregates.map((aggregate) => `${aggregateSql(aggregate, input, params, byName)} AS ${input.quote(aggregate.name)}`);
}

export function groupingSql(input: ReportSqlInput): Array<{ name: string; expression: string; field: CompiledField }> {
  return input.report.groupBy.map((grouping) => {
    const field = input.fieldOf(grouping.field);
    const expression = grouping.bucket === undefined ? field.sql : dateBucketSql(input.dialect, field.sql, grouping.bucket);
    return { name: groupingNameOf(grouping), expression, field };
  });
}

/** The grouped query: one row per group (one row in all without groupings). */
export function groupedReportStatement(input: ReportSqlInput): ReportStatement {
  const params = new BindParameters();
  const groupings = groupingSql(input);
  const select = [...groupings.map((grouping) => `${grouping.expression} AS ${input.quote(grouping.name)}`), ...aggregatesSql(input, params)];
  const where = reportWhereSql(input, params);
  const groupBy = groupings.length > 0 ? ` GROUP BY ${groupings.map((grouping) => grouping.expression).join(', ')}` : '';
  const orderBy = orderBySql(input, groupings);
  const { limit } = input.report;
  return { sql: `SELECT ${select.join(', ')} FROM ${input.entity.tableSql}${where}${groupBy}${orderBy} LIMIT ${limit}`, params: params.values };
}

/** The aggregates over every record of the report at once (the "overall" figure of a comparison). */
export function overallReportStatement(input: ReportSqlInput): ReportStatement {
  const params = new BindParameters();
  const select = aggregatesSql(input, params);
  const where = reportWhereSql(input, params);
  return { sql: `SELECT ${select.join(', ')} FROM ${input.entity.tableSql}${where}`, params: params.values };
}

/**
 * The declared sort, then the groupings: enum groups in their option order (a pipeline reads
 * prospecting → closed), others ascending. Option values are metadata matching
 * `[A-Za-z0-9_-]+`, so they are inlined as literals and the ORDER BY needs no bind parameter.
 */
function orderBySql(input: ReportSqlInput, groupings: ReadonlyArray<{ name: string; expression: string; field: CompiledField }>): string {
  const terms = input.report.sort.map((sort) => `${input.quote(sort.by)} ${sort.direction === 'desc' ? 'DESC' : 'ASC'}`);
  for (const grouping of groupings) {
    const definition = grouping.field.definition;
    const options = definition?.type === 'enum' ? definition.options.map((option) => option.value).filter((value) => /^[A-Za-z0-9_-]+$/.test(value)) : [];
    if (options.length > 0) {
      terms.push(`CASE ${grouping.expression} ${options.map((value, index) => `WHEN '${value}' THEN ${index}`).join(' ')} ELSE ${options.length} END`);
    }
    terms.push(`${grouping.expression} ASC`);
  }
  return terms.length > 0 ? ` ORDER BY ${terms.join(', ')}` : '';
}
