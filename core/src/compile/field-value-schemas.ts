// The JSON Schema of one field's value (without null), one entry per field type. The map is
// typed over every FieldType so a new field type fails the build until it has a schema here.
import { resolveText } from '../model/label';
import type { EnumOption, FieldOfType, FieldType } from '../model/field';
import { CONTROL_FREE_PATTERN } from '../model/stored-values';
import { DEFAULT_STRING_LENGTH } from '../plan/table-plan';
import type { JsonSchema } from './json-schema';

/** Accepts digits, spaces, "+", "(", ")", ".", "/" and "-": formats vary too much to be stricter. */
export const DEFAULT_PHONE_PATTERN = '^\\+?[0-9 ()./-]{3,40}$';
/** Record ids are UUIDs (v7); user ids come from the identity provider, so only their length is fixed. */
export const ID_MAX_LENGTH = 36;
export const USER_ID_PATTERN = '^[A-Za-z0-9_.@:-]+$';
const PERCENT_PRECISION = 9;

type ValueSchemaOf = { [T in FieldType]: (field: FieldOfType<T>, locale: string) => JsonSchema };

export const FIELD_VALUE_SCHEMAS = {
  string: (field) => ({
    type: 'string',
    maxLength: field.maxLength ?? DEFAULT_STRING_LENGTH,
    ...(field.minLength !== undefined && { minLength: field.minLength }),
    ...controlFree(field.pattern),
  }),
  text: (field) => ({ type: 'string', ...(field.maxLength !== undefined && { maxLength: field.maxLength }), ...controlFree() }),
  email: () => ({ type: 'string', format: 'email', maxLength: DEFAULT_STRING_LENGTH, ...controlFree() }),
  phone: (field) => ({ type: 'string', maxLength: DEFAULT_STRING_LENGTH, pattern: field.pattern ?? DEFAULT_PHONE_PATTERN }),
  url: () => ({ type: 'string', format: 'uri', maxLength: 2048 }),
  integer: (field) => ({
    type: 'integer',
    minimum: Math.max(field.minimum ?? -Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
    maximum: Math.min(field.maximum ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
  }),
  decimal: (field) => decimalSchema(field.precision ?? 18, field.scale ?? 2, field.minimum, field.maximum),
  currency: (field) => ({ ...decimalSchema(field.precision ?? 18, field.scale ?? 2, field.minimum, field.maximum), 'x-currency': field.currency ?? 'USD' }),
  percent: (field) => decimalSchema(PERCENT_PRECISION, field.scale ?? 4, field.minimum, field.maximum),
  boolean: () => ({ type: 'boolean' }),
  date: () => ({ type: 'string', format: 'date' }),
  datetime: () => ({ type: 'string', format: 'date-time' }),
  enum: (field, locale) => ({ type: 'string', enum: field.options.map((option) => option.value), ...optionAnnotations(field.options, locale) }),
  multiEnum: (field, locale) => ({
    type: 'array',
    items: { type: 'string', enum: field.options.map((option) => option.value) },
    uniqueItems: true,
    ...(field.maxItems !== undefined && { maxItems: field.maxItems }),
    ...optionAnnotations(field.options, locale),
  }),
  reference: (field) => ({ ...recordIdSchema(), 'x-reference': field.entity }),
  user: () => ({ type: 'string', minLength: 1, maxLength: ID_MAX_LENGTH, pattern: USER_ID_PATTERN }),
  formula: (field) => {
    switch (field.resultType) {
      case 'string':
        return { type: 'string' };
      case 'integer':
        return { type: 'integer' };
      case 'decimal':
        return { type: 'number' };
      case 'boolean':
        return { type: 'boolean' };
      case 'date':
        return { type: 'string', format: 'date' };
    }
  },
  autonumber: () => ({ type: 'string', maxLength: 64 }),
} satisfies ValueSchemaOf;

export function fieldValueSchema<T extends FieldType>(field: FieldOfType<T>, locale: string): JsonSchema {
  const schemaOf = FIELD_VALUE_SCHEMAS[field.type] as (field: FieldOfType<T>, locale: string) => JsonSchema;
  return schemaOf(field, locale);
}

/** Text refuses C0 control characters (stored-values.ts); a field's own pattern applies as well. */
function controlFree(pattern?: string): JsonSchema {
  return pattern === undefined ? { pattern: CONTROL_FREE_PATTERN } : { pattern, allOf: [{ pattern: CONTROL_FREE_PATTERN }] };
}

export function recordIdSchema(): JsonSchema {
  return { type: 'string', format: 'uuid', maxLength: ID_MAX_LENGTH };
}

/**
 * A decimal(precision, scale) as a JSON number: bounded by what the column holds (and ±2^53),
 * with `multipleOf` 10^-scale. Validators need ajv's `multipleOfPrecision` (see
 * ENTITY_SCHEMA_AJV_OPTIONS) since 0.07 / 0.01 is not an integer in floating point.
 */
function decimalSchema(precision: number, scale: number, minimum: number | undefined, maximum: number | undefined): JsonSchema {
  const columnBound = Math.min(Number((10 ** (precision - scale) - 10 ** -scale).toFixed(scale)), Number.MAX_SAFE_INTEGER);
  return {
    type: 'number',
    minimum: Math.max(minimum ?? -columnBound, -columnBound),
    maximum: Math.min(maximum ?? columnBound, columnBound),
    multipleOf: Number(`1e-${scale}`),
  };
}

function optionAnnotations(options: readonly EnumOption[], locale: string): JsonSchema {
  const colors = options.filter((option) => option.color !== undefined).map((option) => [option.value, option.color ?? '']);
  return {
    'x-enum-labels': Object.fromEntries(options.map((option) => [option.value, resolveText(option.label, locale) || option.value])),
    ...(colors.length > 0 && { 'x-enum-colors': Object.fromEntries(colors) }),
  };
}
