// Meta-schema of field definitions: the properties every field has plus one schema per field type,
// discriminated on `type`. Each type's own properties come from its definition (field-types/),
// typed so the build fails when the TypeScript field types gain or lose a property not mirrored.
import type { JsonSchema } from '../compile/json-schema';
import { fieldTypeDefinitions, type FieldMetaSchema } from '../field-types';
import { FIELD_TYPES, type FieldBase, type FieldDefinition, type FieldType } from '../model/field';
import { HEX_COLOR_PATTERN, OPTION_VALUE_PATTERN, ref, type SchemaPropertiesOf } from './common';
import type { EnumOption } from '../model/field';

const FIELD_BASE_PROPERTIES = {
  name: ref('identifier', 'camelCase identifier, unique within the entity; also the record property. The column is its snake_case form.'),
  type: { type: 'string', enum: [...FIELD_TYPES], description: 'The field type; decides the other allowed properties.' },
  label: ref('localisedText', 'Label shown in forms and lists.'),
  helpText: ref('localisedText', 'Help shown under the input.'),
  required: { type: 'boolean', description: 'A value must be given on create and may not be cleared.' },
  unique: { type: 'boolean', description: 'No two records may hold the same value (a unique index).' },
  readOnly: { type: 'boolean', description: 'Computed by the server; clients may not write it.' },
  renamedFrom: ref('identifier', 'The previous name: the migration renames the column and keeps its values.'),
} satisfies SchemaPropertiesOf<FieldBase>;

export function fieldSchemaDefinitionName(type: FieldType): string {
  return `${type}Field`;
}

function fieldSchemaOf(type: FieldType): JsonSchema {
  // Widened once: each entry was checked against its own field type where it is written.
  const { description, properties, required = [] } = fieldTypeDefinitions[type].metaSchema as FieldMetaSchema<FieldDefinition> & { required?: readonly string[] };
  const specific: Record<string, JsonSchema> = properties;
  return {
    type: 'object',
    description,
    properties: { ...FIELD_BASE_PROPERTIES, type: { const: type }, ...specific },
    required: ['name', 'type', ...required],
    additionalProperties: false,
  };
}

const ENUM_OPTION_PROPERTIES = {
  value: { type: 'string', pattern: OPTION_VALUE_PATTERN, minLength: 1, maxLength: 100, description: 'The stored value.' },
  label: ref('localisedText', 'Label shown for this value (default: the value).'),
  color: { type: 'string', pattern: HEX_COLOR_PATTERN, description: 'CSS hex colour for badges and board columns, e.g. "#2f80ed".' },
} satisfies SchemaPropertiesOf<EnumOption>;

/** $defs for fields: one per type, the enum option, and `field`, the union discriminated on `type`. */
export const FIELD_DEFINITIONS: Record<string, JsonSchema> = {
  field: {
    type: 'object',
    description: 'A field of the entity. `type` decides which other properties are allowed.',
    properties: { type: FIELD_BASE_PROPERTIES.type },
    required: ['type'],
    discriminator: { propertyName: 'type' },
    oneOf: FIELD_TYPES.map((type) => ref(fieldSchemaDefinitionName(type))),
  },
  enumOption: { type: 'object', properties: ENUM_OPTION_PROPERTIES, required: ['value'], additionalProperties: false },
  ...Object.fromEntries(FIELD_TYPES.map((type) => [fieldSchemaDefinitionName(type), fieldSchemaOf(type)])),
};
