// Meta-schema fragments several field types' own properties share (precision, scale, bounds,
// defaults, options). Each field type's definition (field-types/) lists its properties with these.
import type { JsonSchema } from '../compile/json-schema';
import { ref } from './common';

export const SAFE_INTEGER: JsonSchema = { type: 'integer', minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER };
export const PRECISION: JsonSchema = { type: 'integer', minimum: 1, maximum: 65, description: 'Total significant digits (default 18).' };
export const SCALE: JsonSchema = { type: 'integer', minimum: 0, maximum: 30, description: 'Digits after the decimal point (default 2).' };
export const NUMBER_MINIMUM: JsonSchema = { type: 'number', description: 'Smallest allowed value (inclusive).' };
export const NUMBER_MAXIMUM: JsonSchema = { type: 'number', description: 'Largest allowed value (inclusive).' };
export const STRING_DEFAULT: JsonSchema = { type: 'string', description: 'Value given to new records when none is sent.' };
export const OPTIONS: JsonSchema = {
  type: 'array',
  description: 'The allowed values, in display order.',
  items: ref('enumOption'),
  minItems: 1,
};
