// List operation: filter, search, sort and page one entity's records, with an optional total
// computed from the same WHERE clause (so the same indexes serve both queries). The actor's read
// rule is ANDed into that clause, and hidden fields are unknown to filters, sorts and search.
import { BadRequestError, type Problem } from '@stagecraft/core';
import { accessOf, andWhere, readableAccess, readableSource, requireOperation } from '../../access/record-access';
import { visibleEntityOf } from '../../access/visible-entity';
import { BindParameters } from '../../db/database';
import type { CompiledEntity } from '../../live/compiled-types';
import { checkExpandable, expandRecords } from '../expand';
import type { ListQuery, ListSort } from '../list-query';
import { entityOf, type RecordContext } from '../record-context';
import { decodeRow, selectionOf, type RecordData } from '../record-rows';
import { buildWhereClause } from '../where-clause';

export interface RecordPage {
  data: RecordData[];
  /** Absent when the query asked to skip counting. */
  total?: number;
  page: number;
  pageSize: number;
}

export function orderByOf(entity: CompiledEntity, sort: readonly ListSort[]): string {
  const problems: Problem[] = [];
  const terms: string[] = [];
  let hasId = false;
  for (const clause of sort) {
    const field = entity.fields.get(clause.field);
    if (!field) {
      problems.push({ path: '/sort', message: `${entity.name} has no field "${clause.field}"`, code: 'unknownField' });
      continue;
    }
    hasId ||= field.name === 'id';
    terms.push(`${field.sql} ${clause.direction === 'desc' ? 'DESC' : 'ASC'}`);
  }
  if (problems.length > 0) throw new BadRequestError('The sort is not valid', problems);
  // The id breaks ties so that pages never repeat or skip records.
  if (!hasId) terms.push(`${entity.fields.get('id')?.sql ?? 'id'} ASC`);
  return ` ORDER BY ${terms.join(', ')}`;
}

/**
 * The total's statement: over the table, or over one indexed SELECT per alternative when the read
 * rule is an OR ("own or shared"), which MariaDB and SQLite would otherwise answer with a scan.
 */
function countStatement(context: RecordContext, stored: CompiledEntity, entity: CompiledEntity, query: ListQuery): { sql: string; values: unknown[] } {
  const params = new BindParameters();
  const id = stored.fields.get('id')?.sql ?? context.database.quote('id');
  const source = readableSource(context, stored, (into) => buildWhereClause(entity, query.filters, query.search, into), [id], params);
  return { sql: `SELECT COUNT(*) AS ${context.database.quote('total')} FROM ${source}`, values: params.values };
}

export async function listRecords(context: RecordContext, entityName: string, query: ListQuery): Promise<RecordPage> {
  const stored = entityOf(context, entityName);
  const access = accessOf(context, stored);
  requireOperation(access, 'read');
  const entity = visibleEntityOf(stored, access);
  checkExpandable(context, entity, query.expand);
  const selection = selectionOf(entity, query.fields, query.expand);
  const params = new BindParameters();
  const filtered = buildWhereClause(entity, query.filters, query.search, params);
  const readable = readableAccess(context, stored, params);
  const orderBy = orderByOf(entity, query.sort);
  // No readable record (e.g. a partner without a partner account): an empty page, no query.
  if (readable.kind === 'none') return { data: [], page: query.page, pageSize: query.pageSize, ...(query.withTotal ? { total: 0 } : {}) };
  const where = andWhere(filtered, readable);
  const offset = (query.page - 1) * query.pageSize;
  // LIMIT and OFFSET are integers we computed, inlined because not every driver binds them.
  const pageSql = `SELECT ${selection.sql} FROM ${entity.tableSql}${where}${orderBy} LIMIT ${query.pageSize} OFFSET ${offset}`;
  const count = query.withTotal ? countStatement(context, stored, entity, query) : undefined;
  const [rows, countRows] = await Promise.all([
    context.database.select(pageSql, params.values),
    count ? context.database.select(count.sql, count.values) : Promise.resolve(undefined),
  ]);
  const data = rows.map((row) => decodeRow(selection.fields, row));
  await expandRecords(context, entity, data, query.expand);
  const page: RecordPage = { data, page: query.page, pageSize: query.pageSize };
  if (countRows) page.total = Number(countRows[0]?.total ?? 0);
  return page;
}
