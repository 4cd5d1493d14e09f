// What a list request asks for, independent of HTTP: the API parses query strings into this,
// and boards, reports and exports can build it directly.
import type { FilterOperator } from '@stagecraft/core';

export interface ListFilter {
  field: string;
  op: FilterOperator;
  /** Text from a query string, or a typed JSON value; `in` takes an array. */
  value?: unknown;
}

export interface ListSort {
  field: string;
  direction: 'asc' | 'desc';
}

export interface ListQuery {
  filters: ListFilter[];
  sort: ListSort[];
  /** 1-based. */
  page: number;
  pageSize: number;
  search?: string;
  /** Properties to return (id and version always come); absent: all. */
  fields?: string[];
  /** Reference fields and relations to embed. */
  expand: string[];
  /** False skips the COUNT query. */
  withTotal: boolean;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
/** Most values an `in` filter may list. */
export const MAX_IN_VALUES = 500;
/** Longest free-text search. */
export const MAX_SEARCH_LENGTH = 200;

export function defaultListQuery(): ListQuery {
  return { filters: [], sort: [], page: 1, pageSize: DEFAULT_PAGE_SIZE, expand: [], withTotal: true };
}
