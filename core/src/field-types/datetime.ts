// Field type `datetime`: a point in time (ISO 8601 with a time zone; stored in UTC).
import { DATE_TIME_PATTERN } from '../meta-schema/common';
import type { DateTimeField } from '../model/field';
import { noChecks, unchanged, type FieldTypeDefinition } from './definition';
import { ORDERED_OPERATORS } from './filter-operator-sets';

export const datetimeFieldType: FieldTypeDefinition<DateTimeField, DateTimeField> = {
  type: 'datetime',
  resolve: unchanged,
  column: () => ({ kind: 'datetime' }),
  valueSchema: () => ({ type: 'string', format: 'date-time' }),
  valueKind: () => 'datetime',
  scale: () => undefined,
  filterOperators: ORDERED_OPERATORS,
  numeric: false,
  temporal: true,
  searchable: false,
  indexable: true,
  check: noChecks,
  metaSchema: {
    description: 'A point in time (ISO 8601 with a time zone).',
    properties: { default: { type: 'string', pattern: DATE_TIME_PATTERN } },
  },
};
