// What a deleted record leaves of its processes, removed in the delete's transaction: the process
// instances, the armed timers (a BullMQ job still queued for one finds no row and does nothing)
// and the outbox rows its steps queued and nobody delivered yet. The transition log stays: it is
// history, like the audit log.
import type { Transaction } from 'sequelize';
import { BindParameters, type Database } from '../db/database';
import { OUTBOX_TABLE, PROCESS_INSTANCES_TABLE, TIMERS_TABLE } from './workflow-tables';

export async function deleteProcessStateOf(database: Database, entity: string, ids: readonly string[], transaction: Transaction): Promise<void> {
  if (ids.length === 0) return;
  const q = (name: string): string => database.quote(name);
  for (const table of [PROCESS_INSTANCES_TABLE, TIMERS_TABLE]) {
    const params = new BindParameters();
    const entityParam = params.add(entity);
    await database.delete(`DELETE FROM ${q(table)} WHERE ${q('entity')} = ${entityParam} AND ${q('record_id')} IN (${ids.map((id) => params.add(id)).join(', ')})`, params.values, transaction);
  }
  // The outbox keeps its source inside the JSON payload: narrow by the pending index and the
  // entity's JSON fragment, then match the record ids exactly.
  const fragment = `"source":{"entity":${JSON.stringify(entity)}`.replace(/[!%_]/g, (character) => `!${character}`);
  const pending = await database.select(
    `SELECT ${q('id')}, ${q('payload')} FROM ${q(OUTBOX_TABLE)} WHERE ${q('done_at')} IS NULL AND ${q('payload')} LIKE $1 ESCAPE '!'`,
    [`%${fragment}%`],
    transaction,
  );
  const wanted = new Set(ids);
  const doomed = pending.filter((row) => {
    const source = (JSON.parse(String(row.payload)) as { source?: { entity?: unknown; recordId?: unknown } }).source;
    return source?.entity === entity && typeof source.recordId === 'string' && wanted.has(source.recordId);
  });
  if (doomed.length === 0) return;
  const params = new BindParameters();
  await database.delete(`DELETE FROM ${q(OUTBOX_TABLE)} WHERE ${q('id')} IN (${doomed.map((row) => params.add(String(row.id))).join(', ')})`, params.values, transaction);
}
