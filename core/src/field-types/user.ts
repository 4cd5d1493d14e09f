// Field type `user`: the id of a user (ids come from the identity provider).
import { STRING_DEFAULT } from '../meta-schema/field-property-schemas';
import type { UserField } from '../model/field';
import { noChecks, unchanged, type FieldTypeDefinition } from './definition';
import { EQUALITY_OPERATORS } from './filter-operator-sets';
import { ID_COLUMN_TYPE, ID_MAX_LENGTH } from './storage';
import { USER_ID_PATTERN } from './value-schemas';

export const userFieldType: FieldTypeDefinition<UserField, UserField> = {
  type: 'user',
  resolve: unchanged,
  column: () => ID_COLUMN_TYPE,
  valueSchema: () => ({ type: 'string', minLength: 1, maxLength: ID_MAX_LENGTH, pattern: USER_ID_PATTERN }),
  valueKind: () => 'string',
  scale: () => undefined,
  filterOperators: EQUALITY_OPERATORS,
  numeric: false,
  temporal: false,
  searchable: false,
  indexable: true,
  check: noChecks,
  metaSchema: {
    description: 'The id of a user.',
    properties: { default: STRING_DEFAULT },
  },
};
