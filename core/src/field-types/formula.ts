// Field type `formula`: computed from an expression over the record's other fields and stored so
// it can be sorted and filtered. Its column and value follow its resultType.
import { SCALE } from '../meta-schema/field-property-schemas';
import type { FormulaField } from '../model/field';
import { DECIMAL_DEFAULTS } from './decimal';
import { noChecks, type FieldTypeDefinition } from './definition';
import { ORDERED_OPERATORS } from './filter-operator-sets';
import { DEFAULT_STRING_LENGTH, type ColumnType, type ValueKind } from './storage';

export type ResolvedFormulaField = FormulaField & { scale: number };

const COLUMN_OF_RESULT = {
  string: { kind: 'string', length: DEFAULT_STRING_LENGTH },
  integer: { kind: 'integer' },
  decimal: { kind: 'decimal', precision: DECIMAL_DEFAULTS.precision, scale: DECIMAL_DEFAULTS.scale },
  boolean: { kind: 'boolean' },
  date: { kind: 'date' },
} as const satisfies Record<FormulaField['resultType'], ColumnType>;

const KIND_OF_RESULT = {
  string: 'string',
  integer: 'integer',
  decimal: 'number',
  boolean: 'boolean',
  date: 'date',
} as const satisfies Record<FormulaField['resultType'], ValueKind>;

export const formulaFieldType: FieldTypeDefinition<FormulaField, ResolvedFormulaField> = {
  type: 'formula',
  resolve: (field) => ({ ...field, scale: field.scale ?? DECIMAL_DEFAULTS.scale }),
  column: (field) => (field.resultType === 'decimal' ? { ...COLUMN_OF_RESULT.decimal, scale: field.scale } : COLUMN_OF_RESULT[field.resultType]),
  valueSchema: (field) => {
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
  valueKind: (field) => KIND_OF_RESULT[field.resultType],
  scale: (field) => (field.resultType === 'decimal' ? field.scale : undefined),
  filterOperators: ORDERED_OPERATORS,
  numeric: false,
  temporal: false,
  searchable: false,
  indexable: true,
  check: noChecks,
  metaSchema: {
    description: 'Computed from an expression; stored so it can be sorted and filtered. Read-only.',
    properties: {
      expression: { type: 'string', minLength: 1, description: 'An expression over the record\'s other fields, e.g. "amount * probability / 100".' },
      resultType: { enum: ['string', 'integer', 'decimal', 'boolean', 'date'], description: 'The type of the computed value.' },
      scale: SCALE,
    },
    required: ['expression', 'resultType'],
  },
};
