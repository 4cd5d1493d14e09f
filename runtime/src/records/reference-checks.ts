// Write phase: every reference (and many-to-many id) must name an existing record of the right
// entity. On MySQL the check takes a shared lock on the target row, so a concurrent delete of
// that target waits for this transaction instead of leaving a dangling reference. Only records
// the actor may read count as existing, so a reference cannot probe for other people's ids.
import { ValidationError, type Problem } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import { accessOf, readableWhere } from '../access/record-access';
import { BindParameters } from '../db/database';
import type { CompiledEntity } from '../live/compiled-types';
import type { RecordContext } from './record-context';
import { pointerSegment } from './validation-problems';

async function existingIds(context: RecordContext, entityName: string, ids: readonly string[], transaction: Transaction, readableOnly = true): Promise<Set<string>> {
  const target = context.metadata.entities.get(entityName);
  if (!target || ids.length === 0) return new Set();
  const params = new BindParameters();
  const id = context.database.quote('id');
  const lock = context.database.dialect === 'mysql' ? ' LOCK IN SHARE MODE' : '';
  const readable = readableOnly ? readableWhere(context, target, params) : undefined;
  const where = `${id} IN (${ids.map((value) => params.add(value)).join(', ')})${readable === undefined ? '' : ` AND ${readable}`}`;
  const rows = await context.database.select(`SELECT ${id} FROM ${target.tableSql} WHERE ${where}${lock}`, params.values, transaction);
  return new Set(rows.map((row) => String(row.id)));
}

export function hasReferencesToCheck(entity: CompiledEntity, values: Readonly<Record<string, unknown>>, links: ReadonlyMap<string, string[]>): boolean {
  return links.size > 0 || entity.references.some((reference) => typeof values[reference.field.name] === 'string');
}

export async function checkReferences(context: RecordContext, entity: CompiledEntity, values: Readonly<Record<string, unknown>>, links: ReadonlyMap<string, string[]>, transaction: Transaction): Promise<void> {
  const problems: Problem[] = [];
  // A partner's own partner account is set by the server; the partner need not be able to read it.
  const assignedPartnerField = context.actor.partnerAccountId !== null ? accessOf(context, entity).partnerField : undefined;
  for (const reference of entity.references) {
    const value = values[reference.field.name];
    if (typeof value !== 'string') continue;
    const found = await existingIds(context, reference.target, [value], transaction, reference.field.name !== assignedPartnerField);
    if (!found.has(value)) problems.push({ path: `/${pointerSegment(reference.field.name)}`, message: `There is no ${reference.target} with id "${value}"`, code: 'reference' });
  }
  for (const [name, ids] of links) {
    const relation = entity.relations.get(name);
    if (!relation || ids.length === 0) continue;
    const found = await existingIds(context, relation.entity, ids, transaction);
    ids.forEach((id, index) => {
      if (!found.has(id)) problems.push({ path: `/${pointerSegment(name)}/${index}`, message: `There is no ${relation.entity} with id "${id}"`, code: 'reference' });
    });
  }
  if (problems.length > 0) throw new ValidationError(`The ${entity.name} record refers to records that do not exist`, problems);
}
