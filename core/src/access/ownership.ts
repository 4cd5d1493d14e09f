// Which field of an entity names a record's owner and which its partner account: the two facts
// record-level permissions are built on. Shared by validation, the policy compiler and the runtime.
import type { EntityDocument } from '../model/entity';
import type { FieldDefinition } from '../model/field';

/** The conventional owner field, used when an entity declares none. */
export const DEFAULT_OWNER_FIELD = 'owner';

/** The owner field's name: `ownerField`, else a `user` field named `owner`; undefined when the entity has no owners. */
export function ownerFieldOf(entity: EntityDocument): string | undefined {
  if (entity.ownerField !== undefined) return entity.ownerField;
  const conventional = entity.fields.find((field) => field.name === DEFAULT_OWNER_FIELD);
  return conventional?.type === 'user' ? DEFAULT_OWNER_FIELD : undefined;
}

export function partnerFieldOf(entity: EntityDocument): string | undefined {
  return entity.partnerField;
}

/** Field types that can hold a partner account's id. */
export const PARTNER_FIELD_TYPES: ReadonlySet<FieldDefinition['type']> = new Set(['reference', 'string']);
