// Entity document → ResolvedEntity: every field with its defaults filled by its field type's
// definition (field-types/). Done once where metadata is loaded or published; compilers and the
// runtime read the resolved values, so a default lives in exactly one place.
import type { EntityDocument } from '../model/entity';
import { resolveField, type ResolvedField } from '../field-types';

export interface ResolvedEntity extends Omit<EntityDocument, 'fields'> {
  fields: ResolvedField[];
}

const RESOLVED = new WeakSet<object>();

/** Whether the entity came out of resolveEntity (resolving it again would change nothing). */
export function isResolvedEntity(entity: EntityDocument | ResolvedEntity): entity is ResolvedEntity {
  return RESOLVED.has(entity);
}

/** Idempotent; an entity already resolved is returned as it is. */
export function resolveEntity(entity: EntityDocument | ResolvedEntity): ResolvedEntity {
  if (isResolvedEntity(entity)) return entity;
  const resolved: ResolvedEntity = { ...entity, fields: entity.fields.map((field) => resolveField(field, entity.fields)) };
  RESOLVED.add(resolved);
  return resolved;
}
