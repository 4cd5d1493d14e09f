// The list endpoint's query string → ListQuery. Express 5 parses query strings flat ("simple"),
// so `filter[amount][gte]=10` arrives as the key "filter[amount][gte]"; brackets are read here.
// Names are only collected: the record layer checks them against metadata.
import { BadRequestError, FILTER_OPERATORS, type FilterOperator, type Problem } from '@stagecraft/core';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_SEARCH_LENGTH, type ListFilter, type ListQuery, type ListSort } from '../records/list-query';

type QueryValue = string | string[] | undefined;
export type RawQuery = Record<string, unknown>;

const FILTER_KEY = /^filter\[([^\]]*)\](?:\[([^\]]*)\])?$/;
const OPERATORS: ReadonlySet<string> = new Set(FILTER_OPERATORS);
const LIST_KEYS = new Set(['filter', 'sort', 'page', 'pageSize', 'q', 'fields', 'expand', 'count']);
const MAX_PAGE = 1_000_000;

function values(raw: unknown): string[] {
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).map(String);
}

function single(raw: unknown): string | undefined {
  const list = values(raw);
  return list.length === 0 ? undefined : list[list.length - 1];
}

/** Comma-separated (and/or repeated) names: `expand=a,b&expand=c`. */
export function nameList(raw: unknown): string[] {
  return values(raw)
    .flatMap((value) => value.split(','))
    .map((name) => name.trim())
    .filter(Boolean);
}

function positiveInteger(raw: QueryValue, name: string, fallback: number, max: number, problems: Problem[]): number {
  const text = single(raw);
  if (text === undefined || text === '') return fallback;
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1) {
    problems.push({ path: `/${name}`, message: 'must be a positive whole number', code: 'type' });
    return fallback;
  }
  return Math.min(Number(text), max);
}

function jsonFilters(raw: unknown, problems: Problem[]): ListFilter[] {
  const text = single(raw) ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    problems.push({ path: '/filter', message: 'must be a JSON array of {"field","op","value"} or filter[field][op]=value parameters', code: 'type' });
    return [];
  }
  if (!Array.isArray(parsed)) {
    problems.push({ path: '/filter', message: 'must be a JSON array of {"field","op","value"}', code: 'type' });
    return [];
  }
  const filters: ListFilter[] = [];
  parsed.forEach((item: unknown, index) => {
    const clause = item as Record<string, unknown> | null;
    if (typeof clause !== 'object' || clause === null || typeof clause.field !== 'string' || typeof clause.op !== 'string' || !OPERATORS.has(clause.op)) {
      problems.push({ path: `/filter/${index}`, message: `must be {"field": name, "op": one of ${FILTER_OPERATORS.join(', ')}, "value": …}`, code: 'type' });
      return;
    }
    filters.push({ field: clause.field, op: clause.op as FilterOperator, value: clause.value });
  });
  return filters;
}

function bracketFilters(key: string, raw: unknown, problems: Problem[]): ListFilter[] {
  const match = FILTER_KEY.exec(key);
  const field = match?.[1] ?? '';
  const op = match?.[2] ?? 'eq';
  if (!match || field === '') {
    problems.push({ path: '/filter', message: `"${key}" is not filter[field][operator]`, code: 'type' });
    return [];
  }
  if (!OPERATORS.has(op)) {
    problems.push({ path: `/filter/${field}`, message: `"${op}" is not an operator; use one of ${FILTER_OPERATORS.join(', ')}`, code: 'badFilter' });
    return [];
  }
  if (op === 'in') return [{ field, op, value: nameList(raw) }];
  return values(raw).map((value) => ({ field, op: op as FilterOperator, value }));
}

function sortOf(raw: unknown): ListSort[] {
  return nameList(raw).map((term) =>
    term.startsWith('-') ? { field: term.slice(1), direction: 'desc' } : { field: term.startsWith('+') ? term.slice(1) : term, direction: 'asc' },
  );
}

export function parseListQuery(query: RawQuery): ListQuery {
  const problems: Problem[] = [];
  const filters: ListFilter[] = [];
  for (const [key, raw] of Object.entries(query)) {
    if (key === 'filter') filters.push(...jsonFilters(raw, problems));
    else if (key.startsWith('filter[')) filters.push(...bracketFilters(key, raw, problems));
    else if (!LIST_KEYS.has(key) && !key.startsWith('_')) problems.push({ path: `/${key}`, message: `"${key}" is not a list parameter`, code: 'unknownParameter' });
  }
  const search = single(query.q)?.trim();
  if (search?.includes('\u0000')) problems.push({ path: '/q', message: 'must not contain NUL characters', code: 'type' });
  if (search && search.length > MAX_SEARCH_LENGTH) problems.push({ path: '/q', message: `must be at most ${MAX_SEARCH_LENGTH} characters`, code: 'maxLength' });
  const count = single(query.count);
  if (count !== undefined && count !== 'true' && count !== 'false') problems.push({ path: '/count', message: 'must be true or false', code: 'type' });
  const listQuery: ListQuery = {
    filters,
    sort: sortOf(query.sort),
    page: positiveInteger(query.page as QueryValue, 'page', 1, MAX_PAGE, problems),
    pageSize: positiveInteger(query.pageSize as QueryValue, 'pageSize', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, problems),
    expand: nameList(query.expand),
    withTotal: count !== 'false',
  };
  if (problems.length > 0) throw new BadRequestError('The list query is not valid', problems);
  if (search) listQuery.search = search;
  if (query.fields !== undefined) listQuery.fields = nameList(query.fields);
  return listQuery;
}
