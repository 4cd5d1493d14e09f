// Which filter operators make sense for which field type; shared by layout validation and the
// record API's filter parsing so both accept the same filters.
import type { FieldType } from '../model/field';
import type { FilterOperator } from '../model/layout';

const EQUALITY: readonly FilterOperator[] = ['eq', 'ne', 'in', 'isNull'];
const ORDERED: readonly FilterOperator[] = [...EQUALITY, 'lt', 'lte', 'gt', 'gte'];
const TEXTUAL: readonly FilterOperator[] = [...EQUALITY, 'contains'];

export const FILTER_OPERATORS_BY_FIELD_TYPE = {
  string: [...ORDERED, 'contains'],
  text: TEXTUAL,
  email: TEXTUAL,
  phone: TEXTUAL,
  url: TEXTUAL,
  autonumber: [...ORDERED, 'contains'],
  integer: ORDERED,
  decimal: ORDERED,
  currency: ORDERED,
  percent: ORDERED,
  date: ORDERED,
  datetime: ORDERED,
  boolean: ['eq', 'ne', 'isNull'],
  enum: EQUALITY,
  multiEnum: ['contains', 'isNull'],
  reference: EQUALITY,
  user: EQUALITY,
  formula: ORDERED,
} as const satisfies Record<FieldType, readonly FilterOperator[]>;

export function filterOperatorsFor(type: FieldType): readonly FilterOperator[] {
  return FILTER_OPERATORS_BY_FIELD_TYPE[type];
}
