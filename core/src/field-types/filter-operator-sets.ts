// The filter operator sets field types choose from.
import type { FilterOperator } from '../model/layout';

export const EQUALITY_OPERATORS: readonly FilterOperator[] = ['eq', 'ne', 'in', 'isNull'];
export const ORDERED_OPERATORS: readonly FilterOperator[] = [...EQUALITY_OPERATORS, 'lt', 'lte', 'gt', 'gte'];
export const TEXTUAL_OPERATORS: readonly FilterOperator[] = [...EQUALITY_OPERATORS, 'contains'];
export const ORDERED_TEXT_OPERATORS: readonly FilterOperator[] = [...ORDERED_OPERATORS, 'contains'];
