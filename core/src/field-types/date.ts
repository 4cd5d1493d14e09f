// Field type `date`: a calendar date (YYYY-MM-DD).
import { DATE_PATTERN } from '../meta-schema/common';
import type { DateField } from '../model/field';
import { unchanged, type FieldTypeDefinition } from './definition';
import { ORDERED_OPERATORS } from './filter-operator-sets';

export const dateFieldType: FieldTypeDefinition<DateField, DateField> = {
  type: 'date',
  resolve: unchanged,
  column: () => ({ kind: 'date' }),
  valueSchema: () => ({ type: 'string', format: 'date' }),
  valueKind: () => 'date',
  scale: () => undefined,
  filterOperators: ORDERED_OPERATORS,
  numeric: false,
  temporal: true,
  searchable: false,
  indexable: true,
  check: (field, _authored, context) => {
    context.checkRange(field.minimum, field.maximum);
    context.checkDefaultInRange(field.default, field.minimum, field.maximum);
  },
  metaSchema: {
    description: 'A calendar date (YYYY-MM-DD).',
    properties: {
      minimum: { type: 'string', pattern: DATE_PATTERN, description: 'Earliest allowed date (YYYY-MM-DD).' },
      maximum: { type: 'string', pattern: DATE_PATTERN, description: 'Latest allowed date (YYYY-MM-DD).' },
      default: { type: 'string', pattern: DATE_PATTERN },
    },
  },
};
