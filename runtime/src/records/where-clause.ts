// Filters and free-text search → a SQL WHERE clause. Field names are looked up in the compiled
// entity (so only metadata-derived, quoted identifiers reach the SQL text) and every value is a
// bind parameter. The same clause serves the page query and the count.
import { BadRequestError, type Problem } from '@stagecraft/core';
import type { BindParameters } from '../db/database';
import type { CompiledEntity, CompiledField } from '../live/compiled-types';
import { parseFilterValue, parseFlag } from './filter-values';
import { MAX_IN_VALUES, type ListFilter } from './list-query';

/** LIKE patterns escape with `!`: a backslash means different things in MySQL and SQLite literals. */
export function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (character) => `!${character}`);
}

const COMPARISON_SQL = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

export function buildWhereClause(entity: CompiledEntity, filters: readonly ListFilter[], search: string | undefined, params: BindParameters): string {
  const problems: Problem[] = [];
  const conditions: string[] = [];
  for (const filter of filters) {
    const field = entity.fields.get(filter.field);
    if (!field) {
      problems.push({ path: `/filter/${filter.field}`, message: `${entity.name} has no field "${filter.field}"`, code: 'unknownField' });
      continue;
    }
    const condition = conditionOf(field, filter, params);
    if (typeof condition === 'string') conditions.push(condition);
    // A bad value is reported at its parameter, filter[field][op] → /filter/field/op.
    else problems.push({ path: `/filter/${filter.field}/${filter.op}`, message: condition.message, code: 'badFilter' });
  }
  if (problems.length > 0) throw new BadRequestError('The filter is not valid', problems);
  if (search) {
    const pattern = `%${escapeLike(search)}%`;
    const alternatives = entity.searchFields.map((field) => `${field.sql} LIKE ${params.add(pattern)} ESCAPE '!'`);
    if (alternatives.length > 0) conditions.push(`(${alternatives.join(' OR ')})`);
  }
  return conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
}

/** One filter as a SQL condition (the permission layer's sharing rules use it too, for identical semantics). */
export function conditionOf(field: CompiledField, filter: ListFilter, params: BindParameters): string | { message: string } {
  const column = field.sql;
  const parse = (raw: unknown) => parseFilterValue(field.kind, raw, field.enumValues);
  switch (filter.op) {
    case 'isNull': {
      const isNull = parseFlag(filter.value);
      if (isNull === undefined) return { message: 'isNull takes true or false' };
      return isNull ? `${column} IS NULL` : `${column} IS NOT NULL`;
    }
    case 'contains': {
      if (field.kind !== 'string' && field.kind !== 'list') return { message: `contains works on text fields, not on ${field.definition?.type ?? field.kind}` };
      if (typeof filter.value !== 'string' || filter.value === '') return { message: 'contains takes non-empty text' };
      if (filter.value.includes('\u0000')) return { message: 'must not contain NUL characters' };
      if (field.kind === 'list') {
        const parsed = parse(filter.value);
        if (!parsed.ok) return { message: parsed.message };
        return `${column} LIKE ${params.add(`%${escapeLike(JSON.stringify(parsed.value))}%`)} ESCAPE '!'`;
      }
      return `${column} LIKE ${params.add(`%${escapeLike(filter.value)}%`)} ESCAPE '!'`;
    }
    case 'in': {
      const raw = Array.isArray(filter.value) ? filter.value : typeof filter.value === 'string' ? filter.value.split(',') : [filter.value];
      if (raw.length === 0 || raw.length > MAX_IN_VALUES) return { message: `in takes 1 to ${MAX_IN_VALUES} values` };
      const values: unknown[] = [];
      for (const item of raw) {
        const parsed = parse(item);
        if (!parsed.ok) return { message: parsed.message };
        values.push(parsed.value);
      }
      if (field.kind === 'list') return `(${values.map((value) => `${column} LIKE ${params.add(`%${escapeLike(JSON.stringify(value))}%`)} ESCAPE '!'`).join(' OR ')})`;
      return `${column} IN (${values.map((value) => params.add(value)).join(', ')})`;
    }
    default: {
      const operator = COMPARISON_SQL[filter.op];
      if (operator === undefined) return { message: `unknown operator "${String(filter.op)}"` };
      if (field.kind === 'list') return { message: `${filter.op} does not apply to multi-value fields; use contains, in or isNull` };
      if (filter.value === null && (filter.op === 'eq' || filter.op === 'ne')) return filter.op === 'eq' ? `${column} IS NULL` : `${column} IS NOT NULL`;
      const parsed = parse(filter.value);
      if (!parsed.ok) return { message: parsed.message };
      // "Not equal" keeps records where the field is empty, as people expect from a list filter.
      if (filter.op === 'ne') return `(${column} <> ${params.add(parsed.value)} OR ${column} IS NULL)`;
      return `${column} ${operator} ${params.add(parsed.value)}`;
    }
  }
}
