// Keeps roll-up fields up to date inside the child's write transaction. Every writer of a child
// locks the parents first (MySQL `FOR UPDATE`; SQLite transactions are serial), then writes the
// child, then recomputes each parent's aggregate with a locking read, so two lines added at once
// to one quote both count and nothing deadlocks on the parent. A parent whose value changes gets
// its formulas recomputed, a new version and an audit row; a parent that is itself a child feeds
// its own parents in turn.
import type { Transaction } from 'sequelize';
import { auditRecordWrite } from '../audit/record-audit';
import { changedFields } from '../audit/record-changes';
import { BindParameters } from '../db/database';
import type { CompiledEntity } from '../live/compiled-types';
import { computeFormulas } from '../records/formulas';
import { readRecord } from '../records/operations/get-record';
import type { RecordContext } from '../records/record-context';
import { encodeValue, storedValue, type RecordData } from '../records/record-rows';
import { conditionOf } from '../records/where-clause';
import { rollupTargetsOf, type RollupTarget } from './rollup-targets';

/** Grandparents of grandparents…: a chain longer than this is a metadata loop, not data. */
const MAX_DEPTH = 8;

/** Parent entity → ids of the parents that rows of `child` point at. */
function parentsOf(targets: readonly RollupTarget[], rows: readonly RecordData[]): Map<CompiledEntity, Set<string>> {
  const parents = new Map<CompiledEntity, Set<string>>();
  for (const target of targets) {
    for (const row of rows) {
      const id = row[target.foreignKey.name];
      if (id === null || id === undefined || id === '') continue;
      const ids = parents.get(target.parent) ?? new Set<string>();
      ids.add(String(id));
      parents.set(target.parent, ids);
    }
  }
  return parents;
}

/** Whether writes of this entity feed roll-ups (so callers skip the work otherwise). */
export function feedsRollups(context: RecordContext, child: CompiledEntity): boolean {
  return rollupTargetsOf(context.metadata, child).length > 0;
}

/** Locks the parents the rows point at, in id order, before the child is written. */
export async function lockRollupParents(context: RecordContext, child: CompiledEntity, rows: readonly RecordData[], transaction: Transaction): Promise<void> {
  if (context.database.dialect !== 'mysql') return;
  const q = (identifier: string): string => context.database.quote(identifier);
  for (const [parent, ids] of parentsOf(rollupTargetsOf(context.metadata, child), rows)) {
    const params = new BindParameters();
    const list = [...ids].sort().map((id) => params.add(id)).join(', ');
    await context.database.select(`SELECT ${q('id')} FROM ${parent.tableSql} WHERE ${q('id')} IN (${list}) ORDER BY ${q('id')} FOR UPDATE`, params.values, transaction);
  }
}

/** The ids of the parents of some child records (read before they are deleted). */
export async function rollupRowsOf(context: RecordContext, child: CompiledEntity, ids: readonly string[], transaction: Transaction): Promise<RecordData[]> {
  const targets = rollupTargetsOf(context.metadata, child);
  if (targets.length === 0 || ids.length === 0) return [];
  const keys = [...new Set(targets.map((target) => target.foreignKey))];
  const params = new BindParameters();
  const rows = await context.database.select(
    `SELECT ${keys.map((key) => key.sql).join(', ')} FROM ${child.tableSql} WHERE ${context.database.quote('id')} IN (${ids.map((id) => params.add(id)).join(', ')})`,
    params.values,
    transaction,
  );
  return rows.map((row) => Object.fromEntries(keys.map((key) => [key.name, row[key.column]])));
}

/** Recomputes the roll-ups of the parents the rows point at (rows: the child before and after the write). */
export async function refreshRollups(context: RecordContext, child: CompiledEntity, rows: readonly RecordData[], transaction: Transaction, depth = 0): Promise<void> {
  if (depth > MAX_DEPTH) return;
  const targets = rollupTargetsOf(context.metadata, child);
  for (const [parent, ids] of parentsOf(targets, rows)) {
    const parentTargets = targets.filter((target) => target.parent === parent);
    for (const id of [...ids].sort()) {
      const changed = await refreshParent(context, parent, id, parentTargets, transaction);
      if (changed) await refreshRollups(context, parent, [changed], transaction, depth + 1);
    }
  }
}

async function aggregateOf(context: RecordContext, target: RollupTarget, parentId: string, transaction: Transaction): Promise<unknown> {
  const child = target.child;
  const params = new BindParameters();
  const conditions = [`${target.foreignKey.sql} = ${params.add(parentId)}`];
  for (const clause of target.where) {
    const field = child.fields.get(clause.field);
    const condition = field ? conditionOf(field, clause, params) : { message: `no field ${clause.field}` };
    if (typeof condition !== 'string') throw new Error(`Roll-up filter on ${child.name}.${clause.field} does not compile: ${condition.message}`);
    conditions.push(condition);
  }
  const expression = target.aggregate === 'count' ? 'COUNT(*)' : `${target.aggregate.toUpperCase()}(${target.source?.sql ?? 'NULL'})`;
  // A locking read sees rows committed since this transaction's snapshot (MySQL REPEATABLE READ).
  const lock = context.database.dialect === 'mysql' ? ' LOCK IN SHARE MODE' : '';
  const rows = await context.database.select(`SELECT ${expression} AS ${context.database.quote('value')} FROM ${child.tableSql} WHERE ${conditions.join(' AND ')}${lock}`, params.values, transaction);
  const value = rows[0]?.value ?? null;
  if (value === null) return target.aggregate === 'sum' ? 0 : null;
  return Number(value);
}

/** Recomputes one parent; returns the parent as written when a value changed. */
async function refreshParent(context: RecordContext, parent: CompiledEntity, id: string, targets: readonly RollupTarget[], transaction: Transaction): Promise<RecordData | undefined> {
  const current = await readRecord(context, parent, id, { fields: parent.fieldList, sql: parent.selectAll }, transaction, true);
  if (!current) return undefined;
  const merged: RecordData = { ...current };
  for (const target of targets) merged[target.field.name] = storedValue(target.field, await aggregateOf(context, target, id, transaction));
  if (targets.every((target) => merged[target.field.name] === current[target.field.name])) return undefined;
  const now = context.now();
  computeFormulas(parent, merged, now);
  merged.version = Number(current.version) + 1;
  merged.updatedAt = now.toISOString();
  const changed = parent.fieldList.filter((field) => field.name === 'version' || field.name === 'updatedAt' || targets.some((target) => target.field === field) || field.definition?.type === 'formula');
  const params = new BindParameters();
  const q = (identifier: string): string => context.database.quote(identifier);
  const assignments = changed.map((field) => `${field.sql} = ${params.add(encodeValue(field, merged[field.name]))}`).join(', ');
  await context.database.update(`UPDATE ${parent.tableSql} SET ${assignments} WHERE ${q('id')} = ${params.add(id)}`, params.values, transaction);
  const after: RecordData = {};
  for (const field of parent.fieldList) after[field.name] = storedValue(field, merged[field.name]);
  after.updatedAt = merged.updatedAt;
  const names = changed.filter((field) => !field.isSystem).map((field) => field.name);
  await auditRecordWrite(context, transaction, 'update', parent.name, id, changedFields(current, after, names));
  return after;
}

/** For writers outside the record operations (process steps): locks the roll-up parents of a record before the record itself. */
export async function lockRollupParentsOf(context: RecordContext, child: CompiledEntity, id: string, transaction: Transaction): Promise<void> {
  if (context.database.dialect !== 'mysql' || !feedsRollups(context, child)) return;
  await lockRollupParents(context, child, await rollupRowsOf(context, child, [id], transaction), transaction);
}
