// Field-level checks on a write body, and what the server decides for the actor: a property the
// actor may not write (hidden, read-only, the owner without the privilege to assign) is refused
// with 403 naming its path; on create the owner defaults to the creator and a partner's records
// always carry their partner account. (A process's stage is the workflow hooks' to guard.)
import { ForbiddenError, SYSTEM_FIELDS, type EntityAccess, type Problem } from '@stagecraft/core';
import type { Actor } from '../identity/actor';
import type { CompiledEntity } from '../live/compiled-types';
import { pointerSegment } from '../records/validation-problems';

const SYSTEM_FIELD_NAMES: ReadonlySet<string> = new Set(SYSTEM_FIELDS);

/**
 * 403 listing every property of the body the actor may not write. An update may repeat the
 * current value of a read-only field (forms send records back whole); a hidden field is refused
 * whatever its value, or comparing would reveal it. System fields are left to validation (422).
 */
export function requireWritableProperties(entity: CompiledEntity, access: EntityAccess, body: unknown, current?: Readonly<Record<string, unknown>>, pathPrefix = ''): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
  const problems: Problem[] = [];
  for (const [name, value] of Object.entries(body)) {
    if (SYSTEM_FIELD_NAMES.has(name)) continue;
    if (!entity.fields.has(name) && !entity.relations.has(name)) continue;
    const path = `${pathPrefix}/${pointerSegment(name)}`;
    const level = access.fieldAccess(name);
    if (level === 'hidden') problems.push({ path, message: 'you may not write this field', code: 'hiddenField' });
    else if (level === 'readOnly' && !(current && Object.hasOwn(current, name) && isSameValue(current[name], value))) problems.push({ path, message: name === access.ownerField ? 'assigning owners needs the privilege to (reassign the record instead)' : 'is read-only for you', code: 'readOnlyField' });
  }
  if (problems.length > 0) throw new ForbiddenError(`You may not write ${problems.length === 1 ? 'this field' : 'these fields'} of ${entity.name}`, problems);
}

/** Values the server sets on create: the creator as owner unless one was (allowed and) given; a partner's account. */
export function assignCreatorValues(actor: Actor, access: EntityAccess, values: Record<string, unknown>): void {
  const owner = access.ownerField;
  if (owner !== undefined && (values[owner] === undefined || values[owner] === null) && actor.userId !== null) values[owner] = actor.userId;
  const partner = access.partnerField;
  if (partner !== undefined && actor.partnerAccountId !== null && !actor.isAdmin) values[partner] = actor.partnerAccountId;
}

function isSameValue(current: unknown, sent: unknown): boolean {
  if (current === sent) return true;
  if ((current === null || current === undefined) && (sent === null || sent === '')) return true;
  return typeof current === 'object' && typeof sent === 'object' && JSON.stringify(current) === JSON.stringify(sent);
}
