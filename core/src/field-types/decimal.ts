// Field type `decimal`: an exact decimal number. Its precision and scale default here, once; the
// column and the value bounds both read the resolved values.
import { NUMBER_MAXIMUM, NUMBER_MINIMUM, PRECISION, SCALE } from '../meta-schema/field-property-schemas';
import { ROLLUP_PROPERTY } from '../meta-schema/entity-capability-schemas';
import type { DecimalField } from '../model/field';
import type { FieldCheckContext, FieldTypeDefinition } from './definition';
import { ORDERED_OPERATORS } from './filter-operator-sets';
import { decimalSchema } from './value-schemas';

/** Total significant digits and digits after the point of decimals that declare none (also currency and decimal formulas). */
export const DECIMAL_DEFAULTS = { precision: 18, scale: 2 } as const;

export type ResolvedDecimalField = DecimalField & { precision: number; scale: number };

interface DecimalNumbers {
  precision?: number;
  scale?: number;
  minimum?: number;
  maximum?: number;
  default?: number;
}

/** Checks shared by decimal and currency: scale within precision, a range in order, the default inside it. */
export function checkDecimal(field: Required<Pick<DecimalNumbers, 'precision' | 'scale'>> & DecimalNumbers, authored: DecimalNumbers, context: FieldCheckContext): void {
  if (field.scale > field.precision) context.report(authored.scale === undefined ? 'precision' : 'scale', `scale (${field.scale}) must not exceed precision (${field.precision})`, 'invalidScale');
  context.checkRange(field.minimum, field.maximum);
  context.checkDefaultInRange(field.default, field.minimum, field.maximum);
}

export const decimalFieldType: FieldTypeDefinition<DecimalField, ResolvedDecimalField> = {
  type: 'decimal',
  resolve: (field) => ({ ...field, precision: field.precision ?? DECIMAL_DEFAULTS.precision, scale: field.scale ?? DECIMAL_DEFAULTS.scale }),
  column: (field) => ({ kind: 'decimal', precision: field.precision, scale: field.scale }),
  valueSchema: (field) => decimalSchema(field.precision, field.scale, field.minimum, field.maximum),
  valueKind: () => 'number',
  scale: (field) => field.scale,
  filterOperators: ORDERED_OPERATORS,
  numeric: true,
  temporal: false,
  searchable: false,
  indexable: true,
  check: checkDecimal,
  metaSchema: {
    description: 'An exact decimal number with a precision and a scale.',
    properties: { precision: PRECISION, scale: SCALE, minimum: NUMBER_MINIMUM, maximum: NUMBER_MAXIMUM, default: { type: 'number' }, rollup: ROLLUP_PROPERTY },
  },
};
