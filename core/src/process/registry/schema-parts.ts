// JSON Schema pieces the built-in guards and actions share in their params schemas.
import type { JsonSchema } from '../../compile/json-schema';
import { IDENTIFIER_PATTERN, LOCALE_PATTERN } from '../../meta-schema/common';

export const FIELD_NAME: JsonSchema = { type: 'string', pattern: IDENTIFIER_PATTERN, description: 'A field of the record.' };
export const ENTITY_NAME: JsonSchema = { type: 'string', pattern: IDENTIFIER_PATTERN, description: 'An entity of the bundle.' };
export const EXPRESSION: JsonSchema = { type: 'string', minLength: 1, maxLength: 2000, description: 'An expression over the record (and `user`).' };
export const LOCALISED_TEXT: JsonSchema = {
  type: ['string', 'object'],
  propertyNames: { pattern: LOCALE_PATTERN },
  additionalProperties: { type: 'string' },
  minProperties: 1,
};
export const FIELD_VALUES: JsonSchema = {
  type: 'object',
  propertyNames: { pattern: IDENTIFIER_PATTERN },
  description: 'Literal values by field name.',
};
export const FIELD_EXPRESSIONS: JsonSchema = {
  type: 'object',
  propertyNames: { pattern: IDENTIFIER_PATTERN },
  additionalProperties: EXPRESSION,
  description: 'Expressions by field name, evaluated against the record when the action runs.',
};
