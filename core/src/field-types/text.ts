// Field type `text`: long text on several lines, stored in a TEXT column (not indexable).
import { STRING_DEFAULT } from '../meta-schema/field-property-schemas';
import type { TextField } from '../model/field';
import { noChecks, unchanged, type FieldTypeDefinition } from './definition';
import { TEXTUAL_OPERATORS } from './filter-operator-sets';
import { controlFree } from './value-schemas';

export const textFieldType: FieldTypeDefinition<TextField, TextField> = {
  type: 'text',
  resolve: unchanged,
  column: () => ({ kind: 'text' }),
  valueSchema: (field) => ({ type: 'string', ...(field.maxLength !== undefined && { maxLength: field.maxLength }), ...controlFree() }),
  valueKind: () => 'string',
  scale: () => undefined,
  filterOperators: TEXTUAL_OPERATORS,
  numeric: false,
  temporal: false,
  searchable: true,
  indexable: false,
  check: noChecks,
  metaSchema: {
    description: 'Long text on several lines.',
    properties: {
      maxLength: { type: 'integer', minimum: 1, description: 'Most characters allowed.' },
      default: STRING_DEFAULT,
    },
  },
};
