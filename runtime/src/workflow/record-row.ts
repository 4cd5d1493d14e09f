// Reading the record row a process step works on. The read locks the row (MySQL FOR UPDATE;
// SQLite transactions are already serial), so concurrent steps on one record queue up instead of
// interleaving; the write is the record-write pipeline's `UPDATE … WHERE id = ? AND version = ?`,
// so a change that slipped in anyway is a 409, never a lost update.
import type { Transaction } from 'sequelize';
import type { Database } from '../db/database';
import type { CompiledEntity } from '../live/compiled-types';
import { decodeRow, type RecordData } from '../records/record-rows';

export async function readRecordRow(database: Database, entity: CompiledEntity, id: string, transaction?: Transaction, forUpdate = false): Promise<RecordData | null> {
  const lock = forUpdate && database.dialect === 'mysql' ? ' FOR UPDATE' : '';
  const rows = await database.select(`SELECT ${entity.selectAll} FROM ${entity.tableSql} WHERE ${database.quote('id')} = $1${lock}`, [id], transaction);
  return rows[0] ? decodeRow(entity.fieldList, rows[0]) : null;
}
