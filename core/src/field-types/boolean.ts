// Field type `boolean`: yes or no.
import type { BooleanField } from '../model/field';
import { noChecks, unchanged, type FieldTypeDefinition } from './definition';

export const booleanFieldType: FieldTypeDefinition<BooleanField, BooleanField> = {
  type: 'boolean',
  resolve: unchanged,
  column: () => ({ kind: 'boolean' }),
  valueSchema: () => ({ type: 'boolean' }),
  valueKind: () => 'boolean',
  scale: () => undefined,
  filterOperators: ['eq', 'ne', 'isNull'],
  numeric: false,
  temporal: false,
  searchable: false,
  indexable: true,
  check: noChecks,
  metaSchema: {
    description: 'Yes or no.',
    properties: { default: { type: 'boolean' } },
  },
};
