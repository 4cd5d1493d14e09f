// Reading and writing the record row a process step works on. The read locks the row (MySQL
// FOR UPDATE; SQLite transactions are already serial), so concurrent steps on one record queue
// up instead of interleaving; the write is `UPDATE … WHERE id = ? AND version = ?`, so a change
// that slipped in anyway is a 409, never a lost update.
import type { Transaction } from 'sequelize';
import type { Database } from '../db/database';
import type { CompiledEntity } from '../live/compiled-types';
import { computeFormulas } from '../records/formulas';
import { updateVersioned, writtenColumns } from '../records/pipeline/versioned-update';
import { decodeRow, storedValue, type RecordData } from '../records/record-rows';

export async function readRecordRow(database: Database, entity: CompiledEntity, id: string, transaction?: Transaction, forUpdate = false): Promise<RecordData | null> {
  const lock = forUpdate && database.dialect === 'mysql' ? ' FOR UPDATE' : '';
  const rows = await database.select(`SELECT ${entity.selectAll} FROM ${entity.tableSql} WHERE ${database.quote('id')} = $1${lock}`, [id], transaction);
  return rows[0] ? decodeRow(entity.fieldList, rows[0]) : null;
}

/** Writes the changed fields (plus formulas, version + 1, updatedAt); returns the record as stored. For the process paths not yet on the record-write pipeline (starting a process on an existing record, migrations). */
export async function writeRecordRow(database: Database, entity: CompiledEntity, before: RecordData, after: RecordData, names: readonly string[], now: Date, transaction: Transaction): Promise<RecordData> {
  const merged: RecordData = { ...after };
  computeFormulas(entity, merged, now);
  merged.version = Number(before.version) + 1;
  merged.updatedAt = now.toISOString();
  // The step read the row locked, so the version check cannot fail but for a bug: the UPDATE goes
  // with the step's other deferred writes and still refuses a version that moved.
  await updateVersioned(database, entity, { id: String(before.id), version: before.version, columns: writtenColumns(entity, names), values: merged, defer: true }, transaction);
  const result: RecordData = {};
  for (const field of entity.fieldList) result[field.name] = storedValue(field, merged[field.name]);
  return result;
}
