// The caller's report parameters (`?closeFrom=2026-01-01&stage=proposal,negotiation`) → list
// filters. Each value is checked against its declared type before it becomes a bind parameter;
// unknown, repeated, missing (when required) and malformed parameters are one 400 listing each
// at `/parameters/<name>`.
import { BadRequestError, type Problem, type ReportDocument, type ReportParameter, type ReportParameterType } from '@stagecraft/core';
import { isValidDate } from '../records/filter-values';
import type { ListFilter } from '../records/list-query';

/** Query parameters every report takes besides its own. */
export const RESERVED_REPORT_QUERY = ['locale'] as const;

const CHECKS: Readonly<Record<ReportParameterType, { test(text: string): boolean; expected: string }>> = {
  string: { test: (text) => !text.includes('\u0000'), expected: 'text' },
  integer: { test: (text) => /^[-+]?\d{1,15}$/.test(text), expected: 'a whole number' },
  number: { test: (text) => /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text), expected: 'a number' },
  boolean: { test: (text) => text === 'true' || text === 'false', expected: 'true or false' },
  date: { test: isValidDate, expected: 'a date (YYYY-MM-DD)' },
  datetime: { test: (text) => /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([zZ]|[+-]\d{2}:?\d{2})?)?$/.test(text) && !Number.isNaN(Date.parse(text)), expected: 'an ISO 8601 date-time' },
};

export const pathOf = (name: string): string => `/parameters/${name}`;

/** A caller's filter, remembering the parameter it came from (for the path of a value the field refuses). */
export interface ParameterFilter extends ListFilter {
  parameter: string;
}

export function parseReportParameters(report: ReportDocument, query: Readonly<Record<string, unknown>>): ParameterFilter[] {
  const problems: Problem[] = [];
  const declared = new Map((report.parameters ?? []).map((parameter) => [parameter.name, parameter]));
  const reserved: ReadonlySet<string> = new Set(RESERVED_REPORT_QUERY);
  for (const name of Object.keys(query)) {
    if (!declared.has(name) && !reserved.has(name)) {
      const known = [...declared.keys()];
      problems.push({ path: pathOf(name), message: `${report.name} takes no parameter "${name}"${known.length > 0 ? ` (parameters: ${known.join(', ')})` : ''}`, code: 'unknownParameter' });
    }
  }
  const filters: ParameterFilter[] = [];
  for (const parameter of declared.values()) {
    const raw = query[parameter.name];
    if (raw === undefined || raw === '') {
      if (parameter.required) problems.push({ path: pathOf(parameter.name), message: 'is required', code: 'required' });
      continue;
    }
    if (typeof raw !== 'string') {
      problems.push({ path: pathOf(parameter.name), message: 'must be given once, as text', code: 'type' });
      continue;
    }
    const problem = valueProblem(parameter, raw);
    if (problem) problems.push(problem);
    else filters.push({ parameter: parameter.name, field: parameter.field, op: parameter.op, value: parameter.op === 'in' ? raw.split(',').map((value) => value.trim()) : raw.trim() });
  }
  if (problems.length > 0) throw new BadRequestError('The report parameters are not valid', problems);
  return filters;
}

function valueProblem(parameter: ReportParameter, raw: string): Problem | undefined {
  const check = parameter.op === 'isNull' ? CHECKS.boolean : CHECKS[parameter.type];
  const values = parameter.op === 'in' ? raw.split(',') : [raw];
  const bad = values.find((value) => !check.test(value.trim()));
  if (bad === undefined) return undefined;
  return { path: pathOf(parameter.name), message: `must be ${check.expected}${parameter.op === 'in' ? ' (a comma-separated list)' : ''}, not ${JSON.stringify(bad)}`, code: 'type' };
}
