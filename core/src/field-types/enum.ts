// Field type `enum`: one value from a list of options.
import { OPTIONS } from '../meta-schema/field-property-schemas';
import type { EnumField } from '../model/field';
import { unchanged, type FieldTypeDefinition } from './definition';
import { EQUALITY_OPERATORS } from './filter-operator-sets';
import { ENUM_VALUE_LENGTH } from './storage';
import { optionAnnotations } from './value-schemas';

export const enumFieldType: FieldTypeDefinition<EnumField, EnumField> = {
  type: 'enum',
  resolve: unchanged,
  column: () => ({ kind: 'string', length: ENUM_VALUE_LENGTH }),
  valueSchema: (field, locale) => ({ type: 'string', enum: field.options.map((option) => option.value), ...optionAnnotations(field.options, locale) }),
  valueKind: () => 'string',
  scale: () => undefined,
  filterOperators: EQUALITY_OPERATORS,
  numeric: false,
  temporal: false,
  searchable: true,
  indexable: true,
  // Options are checked for repeats and defaults in validate/field-checks.ts (shared with multiEnum).
  check: () => undefined,
  metaSchema: {
    description: 'One value from a list of options.',
    properties: { options: OPTIONS, default: { type: 'string', description: 'One of the option values.' } },
    required: ['options'],
  },
};
