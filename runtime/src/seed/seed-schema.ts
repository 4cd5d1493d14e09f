// JSON Schemas of the seed files (pools.json and the steps), checked with ajv when a seed is
// loaded so a typo in a pack's demo data names its file and JSON path instead of failing later.
import type { JsonSchema } from '@stagecraft/core';

const NAME: JsonSchema = { type: 'string', pattern: '^[a-z][a-zA-Z0-9]*$', maxLength: 48 };
const RANGE: JsonSchema = { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 };
const WEIGHTS: JsonSchema = { type: 'array', items: { type: 'number', minimum: 0 }, minItems: 1 };
const GENERATOR_REF: JsonSchema = { $ref: '#/$defs/generator' };
const FIELDS: JsonSchema = { type: 'object', propertyNames: { type: 'string', pattern: '^_?[a-z][a-zA-Z0-9]*$', maxLength: 48 }, additionalProperties: GENERATOR_REF };

function shape(properties: Record<string, JsonSchema>, required: string[]): JsonSchema {
  return { type: 'object', properties, required, additionalProperties: false };
}

const GENERATOR: JsonSchema = {
  oneOf: [
    shape({ value: {} }, ['value']),
    shape({ pick: { type: 'array', minItems: 1 }, weights: WEIGHTS }, ['pick']),
    shape({ cycle: { type: 'array', minItems: 1 } }, ['cycle']),
    shape({ pool: NAME }, ['pool']),
    shape({ template: { type: 'string', minLength: 1 } }, ['template']),
    shape({ integer: RANGE }, ['integer']),
    shape({ number: RANGE, step: { type: 'number', exclusiveMinimum: 0 } }, ['number']),
    shape({ date: RANGE, of: { type: 'string' } }, ['date']),
    shape({ datetime: RANGE, of: { type: 'string' }, hours: RANGE, minuteStep: { type: 'integer', minimum: 1, maximum: 60 } }, ['datetime']),
    shape({ minutesAfter: NAME, minutes: RANGE, step: { type: 'integer', minimum: 1 } }, ['minutesAfter', 'minutes']),
    shape({ ref: NAME, match: { type: 'object', additionalProperties: NAME }, where: { type: 'object', additionalProperties: { type: 'array', minItems: 1 } } }, ['ref']),
    shape({ user: { type: 'array', items: { type: 'string' }, minItems: 1 }, weights: WEIGHTS }, ['user']),
    shape({ expr: { type: 'string', minLength: 1, maxLength: 2000 } }, ['expr']),
    shape({ maybe: { type: 'number', minimum: 0, maximum: 1 }, then: GENERATOR_REF }, ['maybe', 'then']),
    shape({ when: { type: 'string', minLength: 1, maxLength: 2000 }, then: GENERATOR_REF, else: GENERATOR_REF }, ['when', 'then']),
  ],
};

export const SEED_POOLS_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    name: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 64 },
    pools: { type: 'object', propertyNames: NAME, additionalProperties: { type: 'array', items: { type: 'string' }, minItems: 1 } },
  },
  required: ['name', 'pools'],
  additionalProperties: false,
};

export const SEED_STEP_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    entity: NAME,
    key: NAME,
    count: { type: 'integer', minimum: 1, maximum: 100000 },
    forEach: shape({ ref: NAME, count: RANGE, where: { type: 'object', additionalProperties: { type: 'array', minItems: 1 } } }, ['ref', 'count']),
    fields: FIELDS,
    process: shape({
      field: NAME,
      target: GENERATOR_REF,
      paths: { type: 'object', additionalProperties: shape({ events: { type: 'array', items: { type: 'string' }, minItems: 1 }, data: FIELDS, fields: FIELDS }, ['events']) },
      until: NAME,
      final: { type: 'array', items: { type: 'string' } },
    }, ['field', 'target', 'paths']),
  },
  required: ['entity', 'fields'],
  oneOf: [{ required: ['count'] }, { required: ['forEach'] }],
  additionalProperties: false,
  $defs: { generator: GENERATOR },
};
