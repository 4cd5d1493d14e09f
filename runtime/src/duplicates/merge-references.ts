// The part of a merge that keeps every link to the merged records: each reference field of any
// entity pointing at a loser is repointed at the survivor (with a new version and an audit row per
// repointed record, and the roll-ups they feed recomputed), and many-to-many rows naming a loser
// as target move to the survivor unless it is linked already.
//
// The rule for records the caller cannot see or change: they are repointed all the same — a merge
// must not leave references to a deleted record, and refusing would itself tell the caller that
// such records exist — but as the system, not as the caller: their audit row names the system
// actor (with the merge it followed), and the caller's answer lists only the ids they may read.
import type { Transaction } from 'sequelize';
import { readableAccess, rowAccess } from '../access/record-access';
import { auditRecordWrite } from '../audit/record-audit';
import { SYSTEM_ACTOR } from '../identity/actor';
import { BindParameters } from '../db/database';
import type { CompiledEntity } from '../live/compiled-types';
import { entityOf, type RecordContext } from '../records/record-context';
import { toSqlDateTime } from '../records/value-kinds';
import { feedsRollups, refreshRollups } from '../rollups/rollup-maintenance';

export interface Repointed {
  entity: string;
  field: string;
  /** The repointed records the caller may read (others are repointed too, but never named). */
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
    const readable = await idsWithin(context, referencing, ids, 'read', transaction);
    const changeable = await idsWithin(context, referencing, ids, 'update', transaction);
    const asSystem: RecordContext = { ...context, actor: SYSTEM_ACTOR };
    for (const row of rows) {
      const id = String(row.id);
      const isCallers = readable.has(id) && changeable.has(id);
      const changes = { [inbound.field.name]: { before: String(row.previous), after: survivorId }, mergedInto: { entity: entity.name, id: survivorId } };
      await auditRecordWrite(isCallers ? context : asSystem, transaction, 'update', referencing.name, id, changes);
    }
    if (feedsRollups(context, referencing)) await refreshRollups(context, referencing, [{ [inbound.field.name]: survivorId }], transaction);
    const named = ids.filter((id) => readable.has(id));
    if (named.length > 0) repointed.push({ entity: referencing.name, field: inbound.field.name, ids: named });
  }
  await moveInboundLinks(context, entity, survivorId, losers, transaction);
  return repointed;
}

/** Which of `ids` the caller may read (or update): one query, none when the rule lets every record through. */
async function idsWithin(context: RecordContext, entity: CompiledEntity, ids: readonly string[], operation: 'read' | 'update', transaction: Transaction): Promise<Set<string>> {
  const params = new BindParameters();
  const decision = operation === 'read' ? readableAccess(context, entity, params) : rowAccess(context, entity, operation, params);
  if (decision.kind === 'all') return new Set(ids);
  if (decision.kind === 'none') return new Set();
  const q = (identifier: string): string => context.database.quote(identifier);
  const rows = await context.database.select(`SELECT ${q('id')} FROM ${entity.tableSql} WHERE ${q('id')} IN ${inList(params, ids)} AND ${decision.sql}`, params.values, transaction);
  return new Set(rows.map((row) => String(row.id)));
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
