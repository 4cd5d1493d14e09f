// Field type `reference`: many-to-one, the id of a record of another (or the same) entity.
import { ref } from '../meta-schema/common';
import type { ReferenceField } from '../model/field';
import { noChecks, type FieldTypeDefinition } from './definition';
import { EQUALITY_OPERATORS } from './filter-operator-sets';
import { ID_COLUMN_TYPE } from './storage';
import { recordIdSchema } from './value-schemas';

export type ResolvedReferenceField = ReferenceField & { onDelete: NonNullable<ReferenceField['onDelete']> };

export const referenceFieldType: FieldTypeDefinition<ReferenceField, ResolvedReferenceField> = {
  type: 'reference',
  resolve: (field) => ({ ...field, onDelete: field.onDelete ?? 'restrict' }),
  column: () => ID_COLUMN_TYPE,
  valueSchema: (field) => ({ ...recordIdSchema(), 'x-reference': field.entity }),
  valueKind: () => 'string',
  scale: () => undefined,
  filterOperators: EQUALITY_OPERATORS,
  numeric: false,
  temporal: false,
  searchable: false,
  indexable: true,
  check: noChecks,
  metaSchema: {
    description: 'Many-to-one: the id of a record of another (or the same) entity.',
    properties: {
      entity: ref('identifier', 'The entity whose record this field points at.'),
      onDelete: { enum: ['restrict', 'setNull', 'cascade'], description: 'What happens to this record when the referenced one is deleted (default "restrict").' },
    },
    required: ['entity'],
  },
};
