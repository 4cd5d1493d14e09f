// Entity metadata → the JSON Schema of its records, for one of three uses: what a client may
// send to create a record, to update one, and what the API returns. ajv validates with it on the
// server and @rjsf/core renders forms from it, so it keeps to plain, widely supported keywords.
import type { EntityDocument, ManyToManyRelation } from '../model/entity';
import { rollupOf } from '../model/entity-capabilities';
import type { FieldDefinition } from '../model/field';
import { DEFAULT_LOCALE, resolveText } from '../model/label';
import type { ResolvedField } from '../field-types';
import { resolveEntity, type ResolvedEntity } from '../resolve/resolve-entity';
import { fieldValueSchema, recordIdSchema } from './field-value-schemas';
import type { JsonSchema, JsonSchemaType } from './json-schema';

export type EntitySchemaMode = 'create' | 'update' | 'read';

export interface EntitySchemaOptions {
  mode: EntitySchemaMode;
  /** Locale of titles, descriptions and enum labels (default "en"). */
  locale?: string;
}

/** Fields the server computes: never written by clients. */
export function isWritableField(field: FieldDefinition): boolean {
  return field.type !== 'formula' && field.type !== 'autonumber' && field.readOnly !== true && rollupOf(field) === undefined;
}

export function compileEntitySchema(document: EntityDocument | ResolvedEntity, options: EntitySchemaOptions): JsonSchema {
  const entity = resolveEntity(document);
  const locale = options.locale ?? DEFAULT_LOCALE;
  const isRead = options.mode === 'read';
  const fields = isRead ? entity.fields : entity.fields.filter(isWritableField);
  const properties: Record<string, JsonSchema> = isRead ? systemFieldSchemas() : {};
  for (const field of fields) properties[field.name] = fieldSchema(field, options.mode, locale);
  for (const relation of manyToManyRelations(entity)) properties[relation.name] = relationSchema(relation, locale);

  const description = resolveText(entity.description, locale);
  const required = requiredProperties(fields, options.mode);
  return {
    type: 'object',
    title: resolveText(entity.label, locale),
    ...(description && { description }),
    properties,
    ...(required.length > 0 && { required }),
    additionalProperties: false,
  };
}

function requiredProperties(fields: readonly FieldDefinition[], mode: EntitySchemaMode): string[] {
  switch (mode) {
    case 'create':
      return fields.filter((field) => field.required === true).map((field) => field.name);
    case 'update':
      return [];
    case 'read':
      return ['id', 'version', 'createdAt', 'updatedAt'];
  }
}

function fieldSchema(field: ResolvedField, mode: EntitySchemaMode, locale: string): JsonSchema {
  const value = fieldValueSchema(field, locale);
  const description = resolveText(field.helpText, locale);
  // A required field may not be cleared; on read every field may be empty (records predating it).
  const nullable = mode === 'read' || field.required !== true;
  const defaultValue = mode === 'create' && 'default' in field ? field.default : undefined;
  return {
    ...(nullable ? withNull(value) : value),
    title: resolveText(field.label, locale) || field.name,
    ...(description && { description }),
    ...(defaultValue !== undefined && { default: defaultValue }),
    ...(mode === 'read' && !isWritableField(field) && { readOnly: true }),
    'x-field-type': field.type,
  };
}

/** Lets the value also be null: widens `type` and, for enums, adds null to the allowed values. */
export function withNull(schema: JsonSchema): JsonSchema {
  const types: JsonSchemaType[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return {
    ...schema,
    ...(types.length > 0 && !types.includes('null') && { type: [...types, 'null'] }),
    ...(schema.enum && !schema.enum.includes(null) && { enum: [...schema.enum, null] }),
  };
}

function manyToManyRelations(entity: EntityDocument): ManyToManyRelation[] {
  return (entity.relations ?? []).filter((relation): relation is ManyToManyRelation => relation.kind === 'manyToMany');
}

/** A many-to-many relation is read and written as the list of linked record ids. */
function relationSchema(relation: ManyToManyRelation, locale: string): JsonSchema {
  return {
    type: 'array',
    title: resolveText(relation.label, locale) || relation.name,
    items: recordIdSchema(),
    uniqueItems: true,
    'x-reference': relation.entity,
  };
}

function systemFieldSchemas(): Record<string, JsonSchema> {
  return {
    id: { ...recordIdSchema(), title: 'ID', readOnly: true },
    version: { type: 'integer', minimum: 1, title: 'Version', readOnly: true },
    createdAt: { type: 'string', format: 'date-time', title: 'Created', readOnly: true },
    updatedAt: { type: 'string', format: 'date-time', title: 'Updated', readOnly: true },
  };
}
