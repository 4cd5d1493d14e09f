// Field type `url`: a web address.
import { STRING_DEFAULT } from '../meta-schema/field-property-schemas';
import type { UrlField } from '../model/field';
import { noChecks, unchanged, type FieldTypeDefinition } from './definition';
import { TEXTUAL_OPERATORS } from './filter-operator-sets';
import { URL_MAX_LENGTH } from './storage';

export const urlFieldType: FieldTypeDefinition<UrlField, UrlField> = {
  type: 'url',
  resolve: unchanged,
  column: () => ({ kind: 'string', length: URL_MAX_LENGTH }),
  valueSchema: () => ({ type: 'string', format: 'uri', maxLength: URL_MAX_LENGTH }),
  valueKind: () => 'string',
  scale: () => undefined,
  filterOperators: TEXTUAL_OPERATORS,
  numeric: false,
  temporal: false,
  searchable: true,
  indexable: true,
  check: noChecks,
  metaSchema: {
    description: 'A web address.',
    properties: { default: STRING_DEFAULT },
  },
};
