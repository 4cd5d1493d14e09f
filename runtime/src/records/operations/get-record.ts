// Get operation: one record by id, in one query (plus one per expanded name). The actor's read
// rule is part of that query, so someone else's record is simply not found (404, never 403),
// and their hidden fields are neither selectable nor returned.
import { NotFoundError } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import { accessOf, readableWhere } from '../../access/record-access';
import { visibleEntityOf } from '../../access/visible-entity';
import { BindParameters } from '../../db/database';
import type { CompiledEntity } from '../../live/compiled-types';
import { checkExpandable, expandRecords } from '../expand';
import { entityOf, type RecordContext } from '../record-context';
import { decodeRow, selectionOf, type RecordData, type Selection } from '../record-rows';

export interface GetOptions {
  fields?: string[];
  expand?: string[];
}

/**
 * Reads one row, or null; `forUpdate` locks it (MySQL) until the transaction ends. `restriction`
 * adds a condition (with its values) the row must meet, such as the actor's read rule.
 */
export async function readRecord(
  context: RecordContext, entity: CompiledEntity, id: string, selection: Selection, transaction?: Transaction, forUpdate = false,
  restriction?: (params: BindParameters) => string | undefined,
): Promise<RecordData | null> {
  const lock = forUpdate && context.database.dialect === 'mysql' ? ' FOR UPDATE' : '';
  const params = new BindParameters();
  const idCondition = `${context.database.quote('id')} = ${params.add(id)}`;
  const condition = restriction?.(params);
  const where = condition === undefined ? idCondition : `${idCondition} AND ${condition}`;
  const rows = await context.database.select(`SELECT ${selection.sql} FROM ${entity.tableSql} WHERE ${where}${lock}`, params.values, transaction);
  const row = rows[0];
  return row ? decodeRow(selection.fields, row) : null;
}

export function recordNotFound(entity: CompiledEntity, id: string): NotFoundError {
  return new NotFoundError(`There is no ${entity.name} with id "${id}"`);
}

export async function getRecord(context: RecordContext, entityName: string, id: string, options: GetOptions = {}): Promise<RecordData> {
  const entity = entityOf(context, entityName);
  const access = accessOf(context, entity);
  if (!access.can('read')) throw recordNotFound(entity, id);
  const visible = visibleEntityOf(entity, access);
  const expand = options.expand ?? [];
  checkExpandable(context, visible, expand);
  const record = await readRecord(context, visible, id, selectionOf(visible, options.fields, expand), undefined, false, (params) => readableWhere(context, entity, params));
  if (!record) throw recordNotFound(entity, id);
  await expandRecords(context, visible, [record], expand);
  return record;
}
