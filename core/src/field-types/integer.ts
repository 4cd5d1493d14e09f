// Field type `integer`: a whole number within ±2^53 (JSON numbers are doubles).
import { SAFE_INTEGER } from '../meta-schema/field-property-schemas';
import { ROLLUP_PROPERTY } from '../meta-schema/entity-capability-schemas';
import type { IntegerField } from '../model/field';
import { unchanged, type FieldTypeDefinition } from './definition';
import { ORDERED_OPERATORS } from './filter-operator-sets';

export const integerFieldType: FieldTypeDefinition<IntegerField, IntegerField> = {
  type: 'integer',
  resolve: unchanged,
  column: () => ({ kind: 'integer' }),
  valueSchema: (field) => ({
    type: 'integer',
    minimum: Math.max(field.minimum ?? -Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
    maximum: Math.min(field.maximum ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
  }),
  valueKind: () => 'integer',
  scale: () => undefined,
  filterOperators: ORDERED_OPERATORS,
  numeric: true,
  temporal: false,
  searchable: false,
  indexable: true,
  check: (field, _authored, context) => {
    context.checkRange(field.minimum, field.maximum);
    context.checkDefaultInRange(field.default, field.minimum, field.maximum);
  },
  metaSchema: {
    description: 'A whole number within ±2^53.',
    properties: {
      minimum: { ...SAFE_INTEGER, description: 'Smallest allowed value (inclusive).' },
      maximum: { ...SAFE_INTEGER, description: 'Largest allowed value (inclusive).' },
      default: { ...SAFE_INTEGER, description: 'Value given to new records when none is sent.' },
      rollup: ROLLUP_PROPERTY,
    },
  },
};
