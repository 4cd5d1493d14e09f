// Field type `string`: short text on one line, stored in a VARCHAR of its maxLength.
import { STRING_DEFAULT } from '../meta-schema/field-property-schemas';
import type { StringField } from '../model/field';
import type { FieldTypeDefinition } from './definition';
import { ORDERED_TEXT_OPERATORS } from './filter-operator-sets';
import { DEFAULT_STRING_LENGTH, MAX_INDEXED_STRING_LENGTH } from './storage';
import { controlFree } from './value-schemas';

export type ResolvedStringField = StringField & { maxLength: number };

export const stringFieldType: FieldTypeDefinition<StringField, ResolvedStringField> = {
  type: 'string',
  resolve: (field) => ({ ...field, maxLength: field.maxLength ?? DEFAULT_STRING_LENGTH }),
  column: (field) => ({ kind: 'string', length: field.maxLength }),
  valueSchema: (field) => ({
    type: 'string',
    maxLength: field.maxLength,
    ...(field.minLength !== undefined && { minLength: field.minLength }),
    ...controlFree(field.pattern),
  }),
  valueKind: () => 'string',
  scale: () => undefined,
  filterOperators: ORDERED_TEXT_OPERATORS,
  numeric: false,
  temporal: false,
  searchable: true,
  indexable: true,
  check: (field, _authored, context) => {
    if (field.minLength !== undefined && field.minLength > field.maxLength) context.report('minLength', `must not be greater than maxLength (${field.maxLength})`, 'invalidRange');
    context.checkPattern(field.pattern, field.default);
    if (field.unique && field.maxLength > MAX_INDEXED_STRING_LENGTH) {
      context.report('unique', `needs maxLength ≤ ${MAX_INDEXED_STRING_LENGTH} (longer strings cannot be indexed on MariaDB)`, 'invalidUnique');
    }
  },
  metaSchema: {
    description: 'Short text on one line (a VARCHAR column).',
    properties: {
      minLength: { type: 'integer', minimum: 0, description: 'Fewest characters allowed.' },
      maxLength: { type: 'integer', minimum: 1, maximum: 16383, description: 'Most characters allowed; also the column length (default 255).' },
      pattern: { type: 'string', description: 'A regular expression (JavaScript syntax) the value must match.' },
      default: STRING_DEFAULT,
    },
  },
};
