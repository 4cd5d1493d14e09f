// Meta-schema of field definitions: the properties every field has plus one schema per field type,
// discriminated on `type`. The `satisfies` clauses make the build fail when the TypeScript field
// types gain or lose a property that is not mirrored here.
import type { JsonSchema } from '../compile/json-schema';
import { FIELD_TYPES, type FieldBase, type FieldOfType, type FieldType } from '../model/field';
import {
  CURRENCY_CODE_PATTERN, DATE_PATTERN, DATE_TIME_PATTERN, HEX_COLOR_PATTERN, OPTION_VALUE_PATTERN, ref,
  type SchemaPropertiesOf,
} from './common';
import type { EnumOption } from '../model/field';
import { ROLLUP_PROPERTY } from './entity-capability-schemas';

const SAFE_INTEGER: JsonSchema = { type: 'integer', minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER };
const PRECISION: JsonSchema = { type: 'integer', minimum: 1, maximum: 65, description: 'Total significant digits (default 18).' };
const SCALE: JsonSchema = { type: 'integer', minimum: 0, maximum: 30, description: 'Digits after the decimal point (default 2).' };
const NUMBER_MINIMUM: JsonSchema = { type: 'number', description: 'Smallest allowed value (inclusive).' };
const NUMBER_MAXIMUM: JsonSchema = { type: 'number', description: 'Largest allowed value (inclusive).' };
const STRING_DEFAULT: JsonSchema = { type: 'string', description: 'Value given to new records when none is sent.' };
const OPTIONS: JsonSchema = {
  type: 'array',
  description: 'The allowed values, in display order.',
  items: ref('enumOption'),
  minItems: 1,
};

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

type TypeSpecificProperties = { [T in FieldType]: SchemaPropertiesOf<Omit<FieldOfType<T>, keyof FieldBase>> };

const TYPE_SPECIFIC_PROPERTIES = {
  string: {
    minLength: { type: 'integer', minimum: 0, description: 'Fewest characters allowed.' },
    maxLength: { type: 'integer', minimum: 1, maximum: 16383, description: 'Most characters allowed; also the column length (default 255).' },
    pattern: { type: 'string', description: 'A regular expression (JavaScript syntax) the value must match.' },
    default: STRING_DEFAULT,
  },
  text: {
    maxLength: { type: 'integer', minimum: 1, description: 'Most characters allowed.' },
    default: STRING_DEFAULT,
  },
  email: { default: STRING_DEFAULT },
  phone: {
    pattern: { type: 'string', description: 'A regular expression (JavaScript syntax) replacing the built-in permissive phone pattern.' },
    default: STRING_DEFAULT,
  },
  url: { default: STRING_DEFAULT },
  integer: {
    minimum: { ...SAFE_INTEGER, description: 'Smallest allowed value (inclusive).' },
    maximum: { ...SAFE_INTEGER, description: 'Largest allowed value (inclusive).' },
    default: { ...SAFE_INTEGER, description: 'Value given to new records when none is sent.' },
    rollup: ROLLUP_PROPERTY,
  },
  decimal: { precision: PRECISION, scale: SCALE, minimum: NUMBER_MINIMUM, maximum: NUMBER_MAXIMUM, default: { type: 'number' }, rollup: ROLLUP_PROPERTY },
  currency: {
    currency: { type: 'string', pattern: CURRENCY_CODE_PATTERN, description: 'ISO 4217 code used when the record names none (default "USD").' },
    currencyField: ref('identifier', 'The string or enum field of the record holding its ISO 4217 code (default: such a field named "currency", if any).'),
    precision: PRECISION,
    scale: SCALE,
    minimum: NUMBER_MINIMUM,
    maximum: NUMBER_MAXIMUM,
    default: { type: 'number' },
    rollup: ROLLUP_PROPERTY,
  },
  percent: {
    minimum: NUMBER_MINIMUM,
    maximum: NUMBER_MAXIMUM,
    scale: { type: 'integer', minimum: 0, maximum: 8, description: 'Digits after the decimal point (default 4; 9 digits in all).' },
    default: { type: 'number' },
    rollup: ROLLUP_PROPERTY,
  },
  boolean: { default: { type: 'boolean' } },
  date: {
    minimum: { type: 'string', pattern: DATE_PATTERN, description: 'Earliest allowed date (YYYY-MM-DD).' },
    maximum: { type: 'string', pattern: DATE_PATTERN, description: 'Latest allowed date (YYYY-MM-DD).' },
    default: { type: 'string', pattern: DATE_PATTERN },
  },
  datetime: { default: { type: 'string', pattern: DATE_TIME_PATTERN } },
  enum: { options: OPTIONS, default: { type: 'string', description: 'One of the option values.' } },
  multiEnum: {
    options: OPTIONS,
    default: { type: 'array', items: { type: 'string' }, uniqueItems: true, description: 'Option values selected on new records.' },
    maxItems: { type: 'integer', minimum: 1, description: 'Most values that may be selected.' },
  },
  reference: {
    entity: ref('identifier', 'The entity whose record this field points at.'),
    onDelete: { enum: ['restrict', 'setNull', 'cascade'], description: 'What happens to this record when the referenced one is deleted (default "restrict").' },
  },
  user: { default: STRING_DEFAULT },
  formula: {
    expression: { type: 'string', minLength: 1, description: 'An expression over the record\'s other fields, e.g. "amount * probability / 100".' },
    resultType: { enum: ['string', 'integer', 'decimal', 'boolean', 'date'], description: 'The type of the computed value.' },
    scale: SCALE,
  },
  autonumber: {
    format: { type: 'string', minLength: 3, maxLength: 64, description: 'Pattern with a zero-padded counter in braces, e.g. "Q-{0000}".' },
    start: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'First number (default 1).' },
  },
} satisfies TypeSpecificProperties;

const REQUIRED_BY_TYPE: Partial<Record<FieldType, string[]>> = {
  enum: ['options'],
  multiEnum: ['options'],
  reference: ['entity'],
  formula: ['expression', 'resultType'],
  autonumber: ['format'],
};

const TYPE_DESCRIPTIONS: Record<FieldType, string> = {
  string: 'Short text on one line (a VARCHAR column).',
  text: 'Long text on several lines.',
  integer: 'A whole number within ±2^53.',
  decimal: 'An exact decimal number with a precision and a scale.',
  currency: 'An amount of money (a decimal) in a currency.',
  percent: 'A percentage, stored as a decimal (50 means 50 %).',
  boolean: 'Yes or no.',
  date: 'A calendar date (YYYY-MM-DD).',
  datetime: 'A point in time (ISO 8601 with a time zone).',
  enum: 'One value from a list of options.',
  multiEnum: 'Several values from a list of options.',
  email: 'An e-mail address.',
  phone: 'A telephone number.',
  url: 'A web address.',
  reference: 'Many-to-one: the id of a record of another (or the same) entity.',
  user: 'The id of a user.',
  formula: 'Computed from an expression; stored so it can be sorted and filtered. Read-only.',
  autonumber: 'A formatted sequence number assigned on create. Read-only.',
};

export function fieldSchemaDefinitionName(type: FieldType): string {
  return `${type}Field`;
}

function fieldSchemaOf(type: FieldType): JsonSchema {
  const specific: Record<string, JsonSchema> = TYPE_SPECIFIC_PROPERTIES[type];
  return {
    type: 'object',
    description: TYPE_DESCRIPTIONS[type],
    properties: { ...FIELD_BASE_PROPERTIES, type: { const: type }, ...specific },
    required: ['name', 'type', ...(REQUIRED_BY_TYPE[type] ?? [])],
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
