// Delete operation: one transaction that honours every reference pointing at the deleted
// records — restrict refuses (409 naming the referencing entity), setNull clears, cascade deletes
// (recursively, batched per entity) — and removes link-table rows on both sides. Each deleted
// record gets its audit row in the same transaction (the one asked for with its values). The
// actor needs delete access to the record asked for (404 unreadable, 403 readable only); what its
// metadata cascades to goes with it.
import { ConflictError } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import { changedFields } from '../../audit/record-changes';
import { auditRecordWrite } from '../../audit/record-audit';
import { requireRecordAccess } from '../../access/record-access';
import { BindParameters } from '../../db/database';
import type { CompiledEntity } from '../../live/compiled-types';
import { feedsRollups, lockRollupParents, refreshRollups, rollupRowsOf } from '../../rollups/rollup-maintenance';
import type { RecordData } from '../record-rows';
import { toSqlDateTime } from '../value-kinds';
import { entityOf, type RecordContext } from '../record-context';
import { readRecord, recordNotFound } from './get-record';

export async function deleteRecord(context: RecordContext, entityName: string, id: string, options: { expectedVersion?: number } = {}): Promise<void> {
  const entity = entityOf(context, entityName);
  await context.database.transaction(async (transaction) => {
    await requireRecordAccess(context, entity, id, 'delete', () => recordNotFound(entity, id), transaction);
    // Parents whose roll-ups count this record are locked before it, as every writer of children does.
    if (feedsRollups(context, entity)) await lockRollupParents(context, entity, await rollupRowsOf(context, entity, [id], transaction), transaction);
    const current = await readRecord(context, entity, id, { fields: entity.fieldList, sql: entity.selectAll }, transaction, true);
    if (!current) throw recordNotFound(entity, id);
    if (options.expectedVersion !== undefined && current.version !== options.expectedVersion) {
      throw new ConflictError(`The ${entity.name} record "${id}" was changed by someone else`, [{ path: '/version', message: `the current version is ${String(current.version)}`, code: 'staleVersion' }]);
    }
    const deleted = new Set<string>();
    const rollupRows = new Map<CompiledEntity, RecordData[]>();
    await deleteRecords(context, entity, [id], transaction, deleted, rollupRows);
    for (const [child, rows] of rollupRows) await refreshRollups(context, child, rows, transaction);
    await auditRecordWrite(context, transaction, 'delete', entity.name, id, changedFields(current, {}, Object.keys(current)));
    for (const key of deleted) {
      const separator = key.indexOf(':');
      const [cascadedEntity, cascadedId] = [key.slice(0, separator), key.slice(separator + 1)];
      if (cascadedEntity !== entity.name || cascadedId !== id) await auditRecordWrite(context, transaction, 'delete', cascadedEntity, cascadedId, { cascadedFrom: { entity: entity.name, id } });
    }
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
