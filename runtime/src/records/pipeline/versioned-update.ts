// The one `UPDATE … SET … WHERE id = ? AND version = ?` of the record writes (optimistic
// concurrency): the version it was read at must still be the row's, else nothing changes and
// the writer gets a 409 `staleVersion` (404 when the row is gone). Every path that changes a
// record row writes through here, so none can forget the version check or the new version.
import { ConflictError } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import { BindParameters, type Database } from '../../db/database';
import type { CompiledEntity, CompiledField } from '../../live/compiled-types';
import { recordNotFound } from '../operations/get-record';
import { encodeValue, type RecordData } from '../record-rows';

export function staleVersion(entity: CompiledEntity, id: string, currentVersion: unknown): ConflictError {
  return new ConflictError(`The ${entity.name} record "${id}" was changed by someone else; reload it and try again`, [
    { path: '/version', message: `the current version is ${String(currentVersion)}`, code: 'staleVersion' },
  ]);
}

/** The columns a write sets: the named fields, every formula, the version and updatedAt. */
export function writtenColumns(entity: CompiledEntity, names: Iterable<string>): CompiledField[] {
  const written = new Set(names);
  return entity.fieldList.filter((field) => written.has(field.name) || field.definition?.type === 'formula' || field.name === 'version' || field.name === 'updatedAt');
}

export interface VersionedUpdate {
  id: string;
  /** The version the row was read at. */
  version: unknown;
  columns: readonly CompiledField[];
  /** The values to store, by field name (the new version and updatedAt among them). */
  values: Readonly<RecordData>;
  /**
   * Queue with the transaction's other deferred writes (process steps, whose row is read locked):
   * the version check then fails at the flush, naming no current version.
   */
  defer?: boolean;
}

export async function updateVersioned(database: Database, entity: CompiledEntity, update: VersionedUpdate, transaction: Transaction): Promise<void> {
  const params = new BindParameters();
  const assignments = update.columns.map((field) => `${field.sql} = ${params.add(encodeValue(field, update.values[field.name]))}`).join(', ');
  const q = (identifier: string): string => database.quote(identifier);
  const sql = `UPDATE ${entity.tableSql} SET ${assignments} WHERE ${q('id')} = ${params.add(update.id)} AND ${q('version')} = ${params.add(update.version)}`;
  if (update.defer) {
    await database.defer(sql, params.values, transaction, { affected: 1, error: () => staleVersion(entity, update.id, '(changed meanwhile)') });
    return;
  }
  if ((await database.update(sql, params.values, transaction)) > 0) return;
  const rows = await database.select(`SELECT ${q('version')} FROM ${entity.tableSql} WHERE ${q('id')} = $1`, [update.id], transaction);
  throw rows[0] ? staleVersion(entity, update.id, rows[0].version) : recordNotFound(entity, update.id);
}
