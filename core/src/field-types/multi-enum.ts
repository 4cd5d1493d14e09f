// Field type `multiEnum`: several values from a list of options, stored as a JSON list in TEXT.
import { OPTIONS } from '../meta-schema/field-property-schemas';
import type { MultiEnumField } from '../model/field';
import { unchanged, type FieldTypeDefinition } from './definition';
import { optionAnnotations } from './value-schemas';

export const multiEnumFieldType: FieldTypeDefinition<MultiEnumField, MultiEnumField> = {
  type: 'multiEnum',
  resolve: unchanged,
  column: () => ({ kind: 'text' }),
  valueSchema: (field, locale) => ({
    type: 'array',
    items: { type: 'string', enum: field.options.map((option) => option.value) },
    uniqueItems: true,
    ...(field.maxItems !== undefined && { maxItems: field.maxItems }),
    ...optionAnnotations(field.options, locale),
  }),
  valueKind: () => 'list',
  scale: () => undefined,
  filterOperators: ['contains', 'isNull'],
  numeric: false,
  temporal: false,
  searchable: false,
  indexable: false,
  // Options are checked for repeats and defaults in validate/field-checks.ts (shared with enum).
  check: () => undefined,
  metaSchema: {
    description: 'Several values from a list of options.',
    properties: {
      options: OPTIONS,
      default: { type: 'array', items: { type: 'string' }, uniqueItems: true, description: 'Option values selected on new records.' },
      maxItems: { type: 'integer', minimum: 1, description: 'Most values that may be selected.' },
    },
    required: ['options'],
  },
};
