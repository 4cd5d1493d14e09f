// Delete operation: one transaction that honours every reference pointing at the deleted
// records — restrict refuses (409 naming the referencing entity), setNull clears, cascade deletes
// (recursively, batched per entity) — and removes link-table rows on both sides. Each deleted
// record gets its audit row in the same transaction (the one asked for with its values). The
// actor needs delete access to the record asked for (404 unreadable, 403 readable only); what its
// metadata cascades to goes with it.
import { ConflictError } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import { requireRecordAccess } from '../../access/record-access';
import { BindParameters } from '../../db/database';
import type { CompiledEntity } from '../../live/compiled-types';
import { feedsRollups, rollupRowsOf } from '../../rollups/rollup-maintenance';
import { recordWritePipeline } from '../pipeline/record-write-pipeline';
import type { RecordWriteContext } from '../pipeline/write-context';
import type { RecordData } from '../record-rows';
import { toSqlDateTime } from '../value-kinds';
import { entityOf, type RecordContext } from '../record-context';
import { readRecord, recordNotFound } from './get-record';

export async function deleteRecord(context: RecordContext, entityName: string, id: string, options: { expectedVersion?: number } = {}): Promise<void> {
  const entity = entityOf(context, entityName);
  // The record-write pipeline, kind `delete`: lock roll-up parents → load (the locked read and
  // version check) → DELETE with its cascade → roll-ups → audit rows (the record and its cascade).
  const write: RecordWriteContext = {
    kind: 'delete', operation: context, entity, id, now: context.now(), after: {}, fields: [], sent: {}, links: new Map(), afterCommit: [],
    load: async (transaction) => {
      const current = await readRecord(context, entity, id, { fields: entity.fieldList, sql: entity.selectAll }, transaction, true);
      if (!current) throw recordNotFound(entity, id);
      if (options.expectedVersion !== undefined && current.version !== options.expectedVersion) {
        throw new ConflictError(`The ${entity.name} record "${id}" was changed by someone else`, [{ path: '/version', message: `the current version is ${String(current.version)}`, code: 'staleVersion' }]);
      }
      write.before = current;
      return true;
    },
  };
  await recordWritePipeline.prepare(write);
  await context.database.transaction(async (transaction) => {
    // Access first, in the transaction: a record the actor may not delete is refused before anything is locked.
    await requireRecordAccess(context, entity, id, 'delete', () => recordNotFound(entity, id), transaction);
    await recordWritePipeline.run(write, transaction);
  });
}

function inList(params: BindParameters, ids: readonly string[]): string {
  return `(${ids.map((id) => params.add(id)).join(', ')})`;
}

/**
 * Deletes records and what their references cascade to; `rollupRows` collects, per entity, the
 * parent keys of deleted records that feed roll-ups, for the caller to recompute once all is gone.
 */
export async function deleteRecords(
  context: RecordContext, entity: CompiledEntity, ids: string[], transaction: Transaction, visited: Set<string>, rollupRows: Map<CompiledEntity, RecordData[]> = new Map(),
): Promise<void> {
  const fresh = ids.filter((id) => !visited.has(`${entity.name}:${id}`));
  if (fresh.length === 0) return;
  for (const id of fresh) visited.add(`${entity.name}:${id}`);
  const database = context.database;
  const q = (identifier: string): string => database.quote(identifier);

  for (const inbound of entity.inboundReferences.filter((reference) => reference.onDelete === 'restrict')) {
    const referencing = entityOf(context, inbound.entity);
    const params = new BindParameters();
    const rows = await database.select(`SELECT ${q('id')} FROM ${referencing.tableSql} WHERE ${inbound.field.sql} IN ${inList(params, fresh)} LIMIT 1`, params.values, transaction);
    const blocker = rows[0];
    // A record referencing itself does not block its own deletion.
    if (blocker && !(referencing.name === entity.name && fresh.includes(String(blocker.id)))) {
      throw new ConflictError(`This ${entity.name} is still referenced by ${inbound.entity} records (${inbound.entity}.${inbound.field.name}); delete or re-assign them first`, [
        { path: '', message: `referenced by ${inbound.entity} "${String(blocker.id)}" through ${inbound.field.name}`, code: 'restricted' },
      ]);
    }
  }
  for (const inbound of entity.inboundReferences) {
    const referencing = entityOf(context, inbound.entity);
    if (inbound.onDelete === 'setNull') {
      const params = new BindParameters();
      const now = params.add(toSqlDateTime(context.now()));
      await database.update(
        `UPDATE ${referencing.tableSql} SET ${inbound.field.sql} = NULL, ${q('version')} = ${q('version')} + 1, ${q('updated_at')} = ${now} WHERE ${inbound.field.sql} IN ${inList(params, fresh)}`,
        params.values,
        transaction,
      );
    } else if (inbound.onDelete === 'cascade') {
      const params = new BindParameters();
      const rows = await database.select(`SELECT ${q('id')} FROM ${referencing.tableSql} WHERE ${inbound.field.sql} IN ${inList(params, fresh)}`, params.values, transaction);
      if (rows.length > 0) await deleteRecords(context, referencing, rows.map((row) => String(row.id)), transaction, visited, rollupRows);
    }
  }
  for (const relation of entity.relations.values()) {
    if (relation.kind !== 'manyToMany') continue;
    const params = new BindParameters();
    await database.delete(`DELETE FROM ${relation.tableSql} WHERE ${q('source_id')} IN ${inList(params, fresh)}`, params.values, transaction);
  }
  for (const linkTable of entity.inboundLinkTables) {
    const params = new BindParameters();
    await database.delete(`DELETE FROM ${linkTable} WHERE ${q('target_id')} IN ${inList(params, fresh)}`, params.values, transaction);
  }
  await context.hooks?.beforeDelete?.(context, entity, fresh, transaction);
  if (feedsRollups(context, entity)) rollupRows.set(entity, [...(rollupRows.get(entity) ?? []), ...(await rollupRowsOf(context, entity, fresh, transaction))]);
  const params = new BindParameters();
  await database.delete(`DELETE FROM ${entity.tableSql} WHERE ${q('id')} IN ${inList(params, fresh)}`, params.values, transaction);
}
