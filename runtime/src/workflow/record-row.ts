// Reading and writing the record row a process step works on. The read locks the row (MySQL
// FOR UPDATE; SQLite transactions are already serial), so concurrent steps on one record queue
// up instead of interleaving; the write is `UPDATE … WHERE id = ? AND version = ?`, so a change
// that slipped in anyway is a 409, never a lost update.
import type { Transaction } from 'sequelize';
import { BindParameters, type Database } from '../db/database';
import type { CompiledEntity } from '../live/compiled-types';
import { computeFormulas } from '../records/formulas';
import { staleVersion } from '../records/operations/update-record';
import { decodeRow, encodeValue, storedValue, type RecordData } from '../records/record-rows';

export async function readRecordRow(database: Database, entity: CompiledEntity, id: string, transaction?: Transaction, forUpdate = false): Promise<RecordData | null> {
  const lock = forUpdate && database.dialect === 'mysql' ? ' FOR UPDATE' : '';
  const rows = await database.select(`SELECT ${entity.selectAll} FROM ${entity.tableSql} WHERE ${database.quote('id')} = $1${lock}`, [id], transaction);
  return rows[0] ? decodeRow(entity.fieldList, rows[0]) : null;
}

/** Writes the changed fields (plus formulas, version + 1, updatedAt); returns the record as stored. */
export async function writeRecordRow(database: Database, entity: CompiledEntity, before: RecordData, after: RecordData, names: readonly string[], now: Date, transaction: Transaction): Promise<RecordData> {
  const merged: RecordData = { ...after };
  computeFormulas(entity, merged, now);
  merged.version = Number(before.version) + 1;
  merged.updatedAt = now.toISOString();
  const written = new Set(names);
  const changed = entity.fieldList.filter((field) => written.has(field.name) || field.definition?.type === 'formula' || field.name === 'version' || field.name === 'updatedAt');
  const params = new BindParameters();
  const assignments = changed.map((field) => `${field.sql} = ${params.add(encodeValue(field, merged[field.name]))}`).join(', ');
  const q = (identifier: string): string => database.quote(identifier);
  const sql = `UPDATE ${entity.tableSql} SET ${assignments} WHERE ${q('id')} = ${params.add(before.id)} AND ${q('version')} = ${params.add(before.version)}`;
  // The step read the row locked, so the version check cannot fail but for a bug: the UPDATE goes
  // with the step's other deferred writes and still refuses a version that moved.
  await database.defer(sql, params.values, transaction, { affected: 1, error: () => staleVersion(entity, String(before.id), '(changed meanwhile)') });
  const result: RecordData = {};
  for (const field of entity.fieldList) result[field.name] = storedValue(field, merged[field.name]);
  return result;
}
