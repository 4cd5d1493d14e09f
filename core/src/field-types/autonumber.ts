// Field type `autonumber`: a sequence number formatted by a pattern such as "Q-{0000}", assigned on create.
import type { AutonumberField } from '../model/field';
import type { FieldTypeDefinition } from './definition';
import { ORDERED_TEXT_OPERATORS } from './filter-operator-sets';
import { AUTONUMBER_MAX_LENGTH } from './storage';

export const AUTONUMBER_DEFAULT_START = 1;
const AUTONUMBER_COUNTER = /\{0+\}/g;

export type ResolvedAutonumberField = AutonumberField & { start: number };

export const autonumberFieldType: FieldTypeDefinition<AutonumberField, ResolvedAutonumberField> = {
  type: 'autonumber',
  resolve: (field) => ({ ...field, start: field.start ?? AUTONUMBER_DEFAULT_START }),
  column: () => ({ kind: 'string', length: AUTONUMBER_MAX_LENGTH }),
  valueSchema: () => ({ type: 'string', maxLength: AUTONUMBER_MAX_LENGTH }),
  valueKind: () => 'string',
  scale: () => undefined,
  filterOperators: ORDERED_TEXT_OPERATORS,
  numeric: false,
  temporal: false,
  searchable: true,
  indexable: true,
  check: (field, _authored, context) => {
    const counters = field.format.match(AUTONUMBER_COUNTER)?.length ?? 0;
    if (counters !== 1) context.report('format', 'must contain exactly one counter such as "{0000}"', 'invalidFormat');
  },
  metaSchema: {
    description: 'A formatted sequence number assigned on create. Read-only.',
    properties: {
      format: { type: 'string', minLength: 3, maxLength: 64, description: 'Pattern with a zero-padded counter in braces, e.g. "Q-{0000}".' },
      start: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'First number (default 1).' },
    },
    required: ['format'],
  },
};
