// Write phase: many-to-many values are rows of the relation's link table (source_id, target_id),
// written in the record's transaction; setting a relation replaces its whole set.
import type { Transaction } from 'sequelize';
import { BindParameters } from '../db/database';
import type { CompiledEntity } from '../live/compiled-types';
import type { RecordContext } from './record-context';

export async function writeLinks(context: RecordContext, entity: CompiledEntity, sourceId: string, links: ReadonlyMap<string, string[]>, transaction: Transaction, replace: boolean): Promise<void> {
  const q = (identifier: string): string => context.database.quote(identifier);
  for (const [name, targetIds] of links) {
    const relation = entity.relations.get(name);
    if (relation?.kind !== 'manyToMany') continue;
    if (replace) await context.database.delete(`DELETE FROM ${relation.tableSql} WHERE ${q('source_id')} = $1`, [sourceId], transaction);
    if (targetIds.length === 0) continue;
    const params = new BindParameters();
    const rows = targetIds.map((targetId) => `(${params.add(sourceId)}, ${params.add(targetId)})`).join(', ');
    await context.database.insert(`INSERT INTO ${relation.tableSql} (${q('source_id')}, ${q('target_id')}) VALUES ${rows}`, params.values, transaction);
  }
}

/** The current target ids of the relations about to be replaced (for the audit's "before"). */
export async function readLinks(context: RecordContext, entity: CompiledEntity, sourceId: string, names: Iterable<string>, transaction: Transaction): Promise<Map<string, string[]>> {
  const q = (identifier: string): string => context.database.quote(identifier);
  const current = new Map<string, string[]>();
  for (const name of names) {
    const relation = entity.relations.get(name);
    if (relation?.kind !== 'manyToMany') continue;
    const rows = await context.database.select(`SELECT ${q('target_id')} FROM ${relation.tableSql} WHERE ${q('source_id')} = $1 ORDER BY ${q('target_id')}`, [sourceId], transaction);
    current.set(name, rows.map((row) => String(row.target_id)));
  }
  return current;
}
