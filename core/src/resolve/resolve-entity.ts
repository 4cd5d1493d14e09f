// Entity document → ResolvedEntity: every field with its defaults filled by its field type's
// definition (field-types/), and the entity's own defaults (display field, search fields, owner
// field) filled. Done once where metadata is loaded or published; compilers, the runtime and the
// web app read the resolved values, so a default lives in exactly one place.
import { ownerFieldOf } from '../access/ownership';
import type { EntityDocument } from '../model/entity';
import { resolveField, type ResolvedField } from '../field-types';

export interface ResolvedEntity extends Omit<EntityDocument, 'fields' | 'searchFields'> {
  fields: ResolvedField[];
  /** `displayField`, else the first string field; absent only when the entity has no string field. */
  displayField?: string;
  /** `searchFields`, else the display field (none without one). */
  searchFields: string[];
  /** `ownerField`, else a user field named `owner`; absent when records have no owner. */
  ownerField?: string;
}

const RESOLVED = new WeakSet<object>();

/** Whether the entity came out of resolveEntity (resolving it again would change nothing). */
export function isResolvedEntity(entity: EntityDocument | ResolvedEntity): entity is ResolvedEntity {
  return RESOLVED.has(entity);
}

/** Idempotent; an entity already resolved is returned as it is. */
export function resolveEntity(entity: EntityDocument | ResolvedEntity): ResolvedEntity {
  if (isResolvedEntity(entity)) return entity;
  const displayField = entity.displayField ?? entity.fields.find((field) => field.type === 'string')?.name;
  const ownerField = ownerFieldOf(entity);
  const resolved: ResolvedEntity = {
    ...entity,
    fields: entity.fields.map((field) => resolveField(field, entity.fields)),
    searchFields: entity.searchFields ?? (displayField === undefined ? [] : [displayField]),
  };
  if (displayField !== undefined) resolved.displayField = displayField;
  if (ownerField !== undefined) resolved.ownerField = ownerField;
  RESOLVED.add(resolved);
  return resolved;
}
