// The part of a merge that keeps every link to the merged records: each reference field of any
// entity pointing at a loser is repointed at the survivor (with a new version and an audit row per
// repointed record, and the roll-ups they feed recomputed), and many-to-many rows naming a loser
// as target move to the survivor unless it is linked already.
import type { Transaction } from 'sequelize';
import { auditRecordWrite } from '../audit/record-audit';
import { BindParameters } from '../db/database';
import type { CompiledEntity } from '../live/compiled-types';
import { entityOf, type RecordContext } from '../records/record-context';
import { toSqlDateTime } from '../records/value-kinds';
import { feedsRollups, refreshRollups } from '../rollups/rollup-maintenance';

export interface Repointed {
  entity: string;
  field: string;
  ids: string[];
}

function inList(params: BindParameters, ids: readonly string[]): string {
  return `(${ids.map((id) => params.add(id)).join(', ')})`;
}

export async function repointReferences(context: RecordContext, entity: CompiledEntity, survivorId: string, losers: readonly string[], transaction: Transaction): Promise<Repointed[]> {
  const database = context.database;
  const q = (identifier: string): string => database.quote(identifier);
  const lock = database.dialect === 'mysql' ? ' FOR UPDATE' : '';
  const repointed: Repointed[] = [];
  for (const inbound of entity.inboundReferences) {
    const referencing = entityOf(context, inbound.entity);
    const selectParams = new BindParameters();
    // The survivor's own reference to a loser is settled with its values (it would point at itself).
    const notSurvivor = referencing.name === entity.name ? ` AND ${q('id')} <> ${selectParams.add(survivorId)}` : '';
    const rows = await database.select(
      `SELECT ${q('id')}, ${inbound.field.sql} AS ${q('previous')} FROM ${referencing.tableSql} WHERE ${inbound.field.sql} IN ${inList(selectParams, losers)}${notSurvivor} ORDER BY ${q('id')}${lock}`,
      selectParams.values,
      transaction,
    );
    if (rows.length === 0) continue;
    const ids = rows.map((row) => String(row.id));
    const params = new BindParameters();
    const now = params.add(toSqlDateTime(context.now()));
    const target = params.add(survivorId);
    await database.update(
      `UPDATE ${referencing.tableSql} SET ${inbound.field.sql} = ${target}, ${q('version')} = ${q('version')} + 1, ${q('updated_at')} = ${now} WHERE ${q('id')} IN ${inList(params, ids)}`,
      params.values,
      transaction,
    );
    for (const row of rows) {
      await auditRecordWrite(context, transaction, 'update', referencing.name, String(row.id), { [inbound.field.name]: { before: String(row.previous), after: survivorId }, mergedInto: { entity: entity.name, id: survivorId } });
    }
    if (feedsRollups(context, referencing)) await refreshRollups(context, referencing, [{ [inbound.field.name]: survivorId }], transaction);
    repointed.push({ entity: referencing.name, field: inbound.field.name, ids });
  }
  await moveInboundLinks(context, entity, survivorId, losers, transaction);
  return repointed;
}

async function moveInboundLinks(context: RecordContext, entity: CompiledEntity, survivorId: string, losers: readonly string[], transaction: Transaction): Promise<void> {
  const database = context.database;
  const q = (identifier: string): string => database.quote(identifier);
  for (const table of entity.inboundLinkTables) {
    const linked = new Set((await database.select(`SELECT ${q('source_id')} FROM ${table} WHERE ${q('target_id')} = $1`, [survivorId], transaction)).map((row) => String(row.source_id)));
    const params = new BindParameters();
    const rows = await database.select(`SELECT ${q('source_id')}, ${q('target_id')} FROM ${table} WHERE ${q('target_id')} IN ${inList(params, losers)}`, params.values, transaction);
    for (const row of rows) {
      const source = String(row.source_id);
      // Already linked to the survivor: the loser's row goes with the loser.
      if (linked.has(source)) continue;
      linked.add(source);
      await database.update(`UPDATE ${table} SET ${q('target_id')} = $1 WHERE ${q('source_id')} = $2 AND ${q('target_id')} = $3`, [survivorId, source, String(row.target_id)], transaction);
    }
  }
}
