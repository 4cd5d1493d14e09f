// Field type `phone`: a telephone number, checked by a permissive pattern unless the field gives its own.
import { STRING_DEFAULT } from '../meta-schema/field-property-schemas';
import type { PhoneField } from '../model/field';
import type { FieldTypeDefinition } from './definition';
import { TEXTUAL_OPERATORS } from './filter-operator-sets';
import { DEFAULT_STRING_LENGTH } from './storage';
import { DEFAULT_PHONE_PATTERN } from './value-schemas';

export type ResolvedPhoneField = PhoneField & { pattern: string };

export const phoneFieldType: FieldTypeDefinition<PhoneField, ResolvedPhoneField> = {
  type: 'phone',
  resolve: (field) => ({ ...field, pattern: field.pattern ?? DEFAULT_PHONE_PATTERN }),
  column: () => ({ kind: 'string', length: DEFAULT_STRING_LENGTH }),
  valueSchema: (field) => ({ type: 'string', maxLength: DEFAULT_STRING_LENGTH, pattern: field.pattern }),
  valueKind: () => 'string',
  scale: () => undefined,
  filterOperators: TEXTUAL_OPERATORS,
  numeric: false,
  temporal: false,
  searchable: true,
  indexable: true,
  check: (_field, authored, context) => context.checkPattern(authored.pattern, authored.default),
  metaSchema: {
    description: 'A telephone number.',
    properties: {
      pattern: { type: 'string', description: 'A regular expression (JavaScript syntax) replacing the built-in permissive phone pattern.' },
      default: STRING_DEFAULT,
    },
  },
};
