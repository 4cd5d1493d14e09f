// Layout documents: how an entity's records are shown as a form, a list or a board.
import type { LocalisedText } from './label';

/** An expression in the expression language, evaluated against the record being edited. */
export type Condition = string;

export interface FormFieldPlacement {
  field: string;
  helpText?: LocalisedText;
  visibleWhen?: Condition;
  requiredWhen?: Condition;
  readOnlyWhen?: Condition;
  /** How many grid columns this field spans (default 1). */
  span?: number;
}

export interface FormSection {
  name: string;
  label?: LocalisedText;
  /** Grid columns in this section (1–4, default 2). */
  columns?: number;
  visibleWhen?: Condition;
  fields: FormFieldPlacement[];
}

export interface FormLayout {
  $schema?: string;
  kind: 'form';
  name: string;
  entity: string;
  label?: LocalisedText;
  sections: FormSection[];
}

export type FilterOperator = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'contains' | 'isNull';
export const FILTER_OPERATORS: readonly FilterOperator[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'contains', 'isNull'];

export interface FilterClause {
  field: string;
  op: FilterOperator;
  value?: unknown;
}

export interface SortClause {
  field: string;
  direction?: 'asc' | 'desc';
}

export interface ListColumn {
  field: string;
  label?: LocalisedText;
  width?: number;
}

export interface ListLayout {
  $schema?: string;
  kind: 'list';
  name: string;
  entity: string;
  label?: LocalisedText;
  columns: ListColumn[];
  defaultSort?: SortClause[];
  defaultFilters?: FilterClause[];
  pageSize?: number;
}

export interface BoardLayout {
  $schema?: string;
  kind: 'board';
  name: string;
  entity: string;
  label?: LocalisedText;
  /** An enum field (typically a process's stage field) whose values are the columns. */
  groupBy: string;
  cardFields: string[];
  /** Column order by enum value; default: the enum's option order. */
  columnOrder?: string[];
  /** A numeric field summed per column. */
  sumField?: string;
}

export type LayoutDocument = FormLayout | ListLayout | BoardLayout;
export type LayoutKind = LayoutDocument['kind'];
