// Get operation: one record by id, in one query (plus one per expanded name).
import { NotFoundError } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import type { CompiledEntity } from '../../live/compiled-types';
import { checkExpandable, expandRecords } from '../expand';
import { entityOf, type RecordContext } from '../record-context';
import { decodeRow, selectionOf, type RecordData, type Selection } from '../record-rows';

export interface GetOptions {
  fields?: string[];
  expand?: string[];
}

/** Reads one row, or null; `forUpdate` locks it (MySQL) until the transaction ends. */
export async function readRecord(context: RecordContext, entity: CompiledEntity, id: string, selection: Selection, transaction?: Transaction, forUpdate = false): Promise<RecordData | null> {
  const lock = forUpdate && context.database.dialect === 'mysql' ? ' FOR UPDATE' : '';
  const rows = await context.database.select(`SELECT ${selection.sql} FROM ${entity.tableSql} WHERE ${context.database.quote('id')} = $1${lock}`, [id], transaction);
  const row = rows[0];
  return row ? decodeRow(selection.fields, row) : null;
}

export function recordNotFound(entity: CompiledEntity, id: string): NotFoundError {
  return new NotFoundError(`There is no ${entity.name} with id "${id}"`);
}

export async function getRecord(context: RecordContext, entityName: string, id: string, options: GetOptions = {}): Promise<RecordData> {
  const entity = entityOf(context, entityName);
  const expand = options.expand ?? [];
  checkExpandable(context, entity, expand);
  const record = await readRecord(context, entity, id, selectionOf(entity, options.fields, expand));
  if (!record) throw recordNotFound(entity, id);
  await expandRecords(context, entity, [record], expand);
  return record;
}
