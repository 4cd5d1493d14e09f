// A list's state lives in its address (?f=<JSON filters>&q=&sort=&page=&size=&view=), so reload,
// back, bookmarks and dashboard click-throughs all land on the same rows.
import type { ListLayout } from '../api/types';
import type { ListFilterParam } from '../app/hrefs';

export interface ListState {
  filters: ListFilterParam[];
  q: string;
  /** "-amount,name" */
  sort: string;
  page: number;
  pageSize: number;
  view: string | undefined;
}

export const PAGE_SIZES = [25, 50, 100];
const DEFAULT_PAGE_SIZE = 25;
const OPERATORS = new Set(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'contains', 'isNull']);

export interface SavedViewDefinition {
  filters: ListFilterParam[];
  sort: string;
  q?: string;
  pageSize?: number;
}

function parseFilters(raw: string | null): ListFilterParam[] | undefined {
  if (raw === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return undefined;
    return parsed.filter((item): item is ListFilterParam => typeof item === 'object' && item !== null && typeof item.field === 'string' && OPERATORS.has(item.op));
  } catch {
    return undefined;
  }
}

export function layoutSort(layout: ListLayout | undefined): string {
  return (layout?.defaultSort ?? []).map((clause) => `${clause.direction === 'desc' ? '-' : ''}${clause.field}`).join(',');
}

/** The state an address describes; what it leaves out comes from the saved view, then the layout. */
export function readListState(search: URLSearchParams, layout: ListLayout | undefined, view: SavedViewDefinition | undefined): ListState {
  const size = Number(search.get('size'));
  const page = Number(search.get('page'));
  return {
    filters: parseFilters(search.get('f')) ?? view?.filters ?? (layout?.defaultFilters as ListFilterParam[] | undefined) ?? [],
    q: search.get('q') ?? view?.q ?? '',
    sort: search.get('sort') ?? view?.sort ?? layoutSort(layout),
    page: Number.isInteger(page) && page > 1 ? page : 1,
    pageSize: PAGE_SIZES.includes(size) ? size : (view?.pageSize ?? layout?.pageSize ?? DEFAULT_PAGE_SIZE),
    view: search.get('view') ?? undefined,
  };
}

export function writeListState(state: ListState): URLSearchParams {
  const search = new URLSearchParams();
  if (state.view) search.set('view', state.view);
  search.set('f', JSON.stringify(state.filters));
  if (state.q) search.set('q', state.q);
  if (state.sort) search.set('sort', state.sort);
  if (state.page > 1) search.set('page', String(state.page));
  search.set('size', String(state.pageSize));
  return search;
}

/** Clicking a header: ascending, then descending, then ascending again; it becomes the only sort. */
export function toggleSort(sort: string, field: string): string {
  const first = sort.split(',')[0] ?? '';
  if (first === field) return `-${field}`;
  return field;
}

export function sortDirection(sort: string, field: string): 'ascending' | 'descending' | undefined {
  const first = sort.split(',')[0] ?? '';
  if (first === field) return 'ascending';
  if (first === `-${field}`) return 'descending';
  return undefined;
}

/** Replaces a field's clauses for the given operators with new ones (empty values dropped). */
export function setFieldFilters(filters: ListFilterParam[], field: string, ops: string[], next: ListFilterParam[]): ListFilterParam[] {
  const kept = filters.filter((filter) => filter.field !== field || !ops.includes(filter.op));
  const meaningful = next.filter((filter) => filter.value !== undefined && filter.value !== '' && filter.value !== null && !(Array.isArray(filter.value) && filter.value.length === 0));
  return [...kept, ...meaningful];
}

export function filterValue(filters: ListFilterParam[], field: string, op: string): unknown {
  return filters.find((filter) => filter.field === field && filter.op === op)?.value;
}
