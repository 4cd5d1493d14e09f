// Write phase: every reference (and many-to-many id) must name an existing record of the right
// entity, and every user field (owner, assignee) an existing user by id — a username or a typo
// would orphan the record, since record-level rules compare owners by id. On MySQL the check takes a shared lock on the target row, so a concurrent delete of
// that target waits for this transaction instead of leaving a dangling reference. Only records
// the actor may read count as existing, so a reference cannot probe for other people's ids.
import { ValidationError, type Problem } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import { accessOf, readableWhere } from '../access/record-access';
import { BindParameters, type Database } from '../db/database';
import type { CompiledEntity, CompiledField, CompiledMetadata } from '../live/compiled-types';
import type { RecordContext } from './record-context';
import { pointerSegment } from './validation-problems';

const USER_ENTITY = 'user';

/** The database and metadata a check reads (a record context, or a process step's scope). */
interface CheckScope {
  database: Database;
  metadata: CompiledMetadata;
}

async function existingIds(context: RecordContext, entityName: string, ids: readonly string[], transaction: Transaction, readableOnly = true): Promise<Set<string>> {
  return existingIdsIn(context, entityName, ids, transaction, readableOnly ? (target, params) => readableWhere(context, target, params) : undefined);
}

async function existingIdsIn(scope: CheckScope, entityName: string, ids: readonly string[], transaction: Transaction, readable?: (target: CompiledEntity, params: BindParameters) => string | undefined): Promise<Set<string>> {
  const target = scope.metadata.entities.get(entityName);
  if (!target || ids.length === 0) return new Set();
  const params = new BindParameters();
  const id = scope.database.quote('id');
  const lock = scope.database.dialect === 'mysql' ? ' LOCK IN SHARE MODE' : '';
  const condition = readable?.(target, params);
  const where = `${id} IN (${ids.map((value) => params.add(value)).join(', ')})${condition === undefined ? '' : ` AND ${condition}`}`;
  const rows = await scope.database.select(`SELECT ${id} FROM ${target.tableSql} WHERE ${where}${lock}`, params.values, transaction);
  return new Set(rows.map((row) => String(row.id)));
}

interface CheckedReference {
  field: CompiledField;
  target: string;
}

/** The reference fields and the user fields (references to `user`, when the identity pack is there). */
function checkedReferencesOf(scope: CheckScope, entity: CompiledEntity): CheckedReference[] {
  const users = scope.metadata.entities.has(USER_ENTITY) ? entity.fieldList.filter((field) => field.definition?.type === 'user').map((field) => ({ field, target: USER_ENTITY })) : [];
  return [...entity.references, ...users];
}

export function hasReferencesToCheck(entity: CompiledEntity, values: Readonly<Record<string, unknown>>, links: ReadonlyMap<string, string[]>): boolean {
  return links.size > 0 || entity.fieldList.some((field) => (field.definition?.type === 'reference' || field.definition?.type === 'user') && typeof values[field.name] === 'string');
}

function missingReference(reference: CheckedReference, value: string): Problem {
  const message = reference.target === USER_ENTITY ? `There is no user with id "${value}" (a user field holds the user's id, not the username)` : `There is no ${reference.target} with id "${value}"`;
  return { path: `/${pointerSegment(reference.field.name)}`, message, code: 'reference' };
}

/**
 * The references and user fields among `names` must name existing records: a process's values
 * (setFields, assignOwner) are the process's, so any record counts, readable by the actor or not.
 * A problem is the process's fault (`actionFailed`), as in validateEffectValues.
 */
export async function checkEffectReferences(scope: CheckScope, entity: CompiledEntity, record: Readonly<Record<string, unknown>>, names: readonly string[], processName: string, transaction: Transaction): Promise<void> {
  const problems: Problem[] = [];
  for (const reference of checkedReferencesOf(scope, entity)) {
    const value = record[reference.field.name];
    if (!names.includes(reference.field.name) || typeof value !== 'string') continue;
    const found = await existingIdsIn(scope, reference.target, [value], transaction);
    if (found.has(value)) continue;
    const what = reference.target === USER_ENTITY ? 'a user' : `a ${reference.target}`;
    problems.push({ ...missingReference(reference, value), code: 'actionFailed', message: `the process ${processName} would set it to ${what} that does not exist ("${value}")` });
  }
  if (problems.length > 0) throw new ValidationError(`The process "${processName}" would leave the ${entity.name} record invalid`, problems);
}

export async function checkReferences(context: RecordContext, entity: CompiledEntity, values: Readonly<Record<string, unknown>>, links: ReadonlyMap<string, string[]>, transaction: Transaction): Promise<void> {
  const problems: Problem[] = [];
  // A partner's own partner account is set by the server; the partner need not be able to read it.
  const assignedPartnerField = context.actor.partnerAccountId !== null ? accessOf(context, entity).partnerField : undefined;
  for (const reference of checkedReferencesOf(context, entity)) {
    const value = values[reference.field.name];
    if (typeof value !== 'string') continue;
    // The actor naming themselves (the creator as owner) needs no query.
    if (reference.target === USER_ENTITY && value === context.actor.userId) continue;
    const found = await existingIds(context, reference.target, [value], transaction, reference.field.name !== assignedPartnerField);
    if (!found.has(value)) problems.push(missingReference(reference, value));
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
