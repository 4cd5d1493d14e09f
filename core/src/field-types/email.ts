// Field type `email`: an e-mail address.
import { STRING_DEFAULT } from '../meta-schema/field-property-schemas';
import type { EmailField } from '../model/field';
import { noChecks, unchanged, type FieldTypeDefinition } from './definition';
import { TEXTUAL_OPERATORS } from './filter-operator-sets';
import { DEFAULT_STRING_LENGTH } from './storage';
import { controlFree } from './value-schemas';

export const emailFieldType: FieldTypeDefinition<EmailField, EmailField> = {
  type: 'email',
  resolve: unchanged,
  column: () => ({ kind: 'string', length: DEFAULT_STRING_LENGTH }),
  valueSchema: () => ({ type: 'string', format: 'email', maxLength: DEFAULT_STRING_LENGTH, ...controlFree() }),
  valueKind: () => 'string',
  scale: () => undefined,
  filterOperators: TEXTUAL_OPERATORS,
  numeric: false,
  temporal: false,
  searchable: true,
  indexable: true,
  check: noChecks,
  metaSchema: {
    description: 'An e-mail address.',
    properties: { default: STRING_DEFAULT },
  },
};
