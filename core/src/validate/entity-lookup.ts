// Looks up what a name means on an entity — a field, a system field or a relation — and the type
// its values have (a formula's result type, a system field's type), for the bundle checks.
import { SYSTEM_FIELDS, type EntityDocument, type RelationDefinition } from '../model/entity';
import type { FieldDefinition, FieldType } from '../model/field';

const SYSTEM_FIELD_TYPES: Readonly<Record<string, FieldType>> = { id: 'string', version: 'integer', createdAt: 'datetime', updatedAt: 'datetime' };

export function fieldOf(entity: EntityDocument, name: string): FieldDefinition | undefined {
  return entity.fields.find((field) => field.name === name);
}

export function relationOf(entity: EntityDocument, name: string): RelationDefinition | undefined {
  return (entity.relations ?? []).find((relation) => relation.name === name);
}

/** The type of the values under `name`: a field's type (a formula's result type) or a system field's type. */
export function valueTypeOf(entity: EntityDocument, name: string): FieldType | undefined {
  const field = fieldOf(entity, name);
  if (!field) return SYSTEM_FIELD_TYPES[name];
  return field.type === 'formula' ? field.resultType : field.type;
}

/** Names an expression over this entity's records may read: its fields and the system fields. */
export function expressionScopeOf(entity: EntityDocument): ReadonlySet<string> {
  return new Set([...SYSTEM_FIELDS, ...entity.fields.map((field) => field.name)]);
}

/** Numeric field types, as their definitions say (field-types/). */
export { NUMERIC_FIELD_TYPES as NUMERIC_TYPES } from '../field-types';
