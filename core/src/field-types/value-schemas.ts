// Building blocks of field value schemas shared by several field types: text without control
// characters, bounded decimals, record ids and enum option annotations.
import type { JsonSchema } from '../compile/json-schema';
import type { EnumOption } from '../model/field';
import { resolveText } from '../model/label';
import { CONTROL_FREE_PATTERN } from '../model/stored-values';
import { ID_MAX_LENGTH } from './storage';

/** Accepts digits, spaces, "+", "(", ")", ".", "/" and "-": formats vary too much to be stricter. */
export const DEFAULT_PHONE_PATTERN = '^\\+?[0-9 ()./-]{3,40}$';
export const USER_ID_PATTERN = '^[A-Za-z0-9_.@:-]+$';

/** Text refuses C0 control characters (stored-values.ts); a field's own pattern applies as well. */
export function controlFree(pattern?: string): JsonSchema {
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
export function decimalSchema(precision: number, scale: number, minimum: number | undefined, maximum: number | undefined): JsonSchema {
  const columnBound = Math.min(Number((10 ** (precision - scale) - 10 ** -scale).toFixed(scale)), Number.MAX_SAFE_INTEGER);
  return {
    type: 'number',
    minimum: Math.max(minimum ?? -columnBound, -columnBound),
    maximum: Math.min(maximum ?? columnBound, columnBound),
    multipleOf: Number(`1e-${scale}`),
  };
}

export function optionAnnotations(options: readonly EnumOption[], locale: string): JsonSchema {
  const colors = options.filter((option) => option.color !== undefined).map((option) => [option.value, option.color ?? '']);
  return {
    'x-enum-labels': Object.fromEntries(options.map((option) => [option.value, resolveText(option.label, locale) || option.value])),
    ...(colors.length > 0 && { 'x-enum-colors': Object.fromEntries(colors) }),
  };
}
