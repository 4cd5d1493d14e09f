// Field type `percent`: a percentage stored as a decimal of 9 digits (50 means 50 %).
import { NUMBER_MAXIMUM, NUMBER_MINIMUM } from '../meta-schema/field-property-schemas';
import { ROLLUP_PROPERTY } from '../meta-schema/entity-capability-schemas';
import type { PercentField } from '../model/field';
import type { FieldTypeDefinition } from './definition';
import { ORDERED_OPERATORS } from './filter-operator-sets';
import { decimalSchema } from './value-schemas';

export const PERCENT_PRECISION = 9;
export const PERCENT_DEFAULT_SCALE = 4;

export type ResolvedPercentField = PercentField & { scale: number };

export const percentFieldType: FieldTypeDefinition<PercentField, ResolvedPercentField> = {
  type: 'percent',
  resolve: (field) => ({ ...field, scale: field.scale ?? PERCENT_DEFAULT_SCALE }),
  column: (field) => ({ kind: 'decimal', precision: PERCENT_PRECISION, scale: field.scale }),
  valueSchema: (field) => decimalSchema(PERCENT_PRECISION, field.scale, field.minimum, field.maximum),
  valueKind: () => 'number',
  scale: (field) => field.scale,
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
    description: 'A percentage, stored as a decimal (50 means 50 %).',
    properties: {
      minimum: NUMBER_MINIMUM,
      maximum: NUMBER_MAXIMUM,
      scale: { type: 'integer', minimum: 0, maximum: 8, description: 'Digits after the decimal point (default 4; 9 digits in all).' },
      default: { type: 'number' },
      rollup: ROLLUP_PROPERTY,
    },
  },
};
