// Checks a saved view sent by a client: a name, and a definition of list filters, sort, search
// and page size over fields the user may see (a hidden field is refused like an unknown one).
// Filter values are checked as the list endpoint will read them, so a saved view never holds a
// filter that fails every time it is opened.
import { FILTER_OPERATORS, ValidationError, type Problem } from '@stagecraft/core';
import { isPlainObject } from '../records/write-input';

export const MAX_VIEW_NAME = 120;
const MAX_FILTERS = 50;
const MAX_SORT_LENGTH = 500;
const MAX_SEARCH_LENGTH = 200;
const MAX_PAGE_SIZE = 200;
const MAX_DEFINITION_BYTES = 8_000;
const OPERATORS: ReadonlySet<string> = new Set(FILTER_OPERATORS);

export interface SavedViewDefinition {
  filters: Array<{ field: string; op: string; value?: unknown }>;
  sort: string;
  q?: string;
  pageSize?: number;
}

/** The message of a filter the list endpoint would refuse (e.g. a non-finite number), or undefined. */
export type FilterValueCheck = (filter: { field: string; op: string; value?: unknown }) => string | undefined;

export interface SavedViewInput {
  name?: string;
  definition?: SavedViewDefinition;
}

function checkName(raw: unknown, problems: Problem[]): string | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') {
    problems.push({ path: '/name', message: 'must be a non-empty text', code: 'required' });
    return undefined;
  }
  if (raw.trim().length > MAX_VIEW_NAME) problems.push({ path: '/name', message: `must be at most ${MAX_VIEW_NAME} characters`, code: 'maxLength' });
  return raw.trim();
}

function checkDefinition(raw: unknown, fields: ReadonlySet<string>, checkValue: FilterValueCheck, problems: Problem[]): SavedViewDefinition | undefined {
  if (!isPlainObject(raw)) {
    problems.push({ path: '/definition', message: 'must be an object with filters and sort', code: 'type' });
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!['filters', 'sort', 'q', 'pageSize'].includes(key)) problems.push({ path: `/definition/${key}`, message: 'is not a view property (filters, sort, q, pageSize)', code: 'unknownField' });
  }
  if (JSON.stringify(raw).length > MAX_DEFINITION_BYTES) problems.push({ path: '/definition', message: `must be at most ${MAX_DEFINITION_BYTES} characters of JSON`, code: 'maxLength' });
  const filters: SavedViewDefinition['filters'] = [];
  const rawFilters = raw.filters ?? [];
  if (!Array.isArray(rawFilters) || rawFilters.length > MAX_FILTERS) {
    problems.push({ path: '/definition/filters', message: `must be a list of at most ${MAX_FILTERS} {field, op, value}`, code: 'type' });
  } else {
    rawFilters.forEach((filter: unknown, index) => {
      const path = `/definition/filters/${index}`;
      if (!isPlainObject(filter) || typeof filter.field !== 'string' || typeof filter.op !== 'string') {
        problems.push({ path, message: 'must be {field, op, value}', code: 'type' });
      } else if (!fields.has(filter.field)) {
        problems.push({ path: `${path}/field`, message: `"${filter.field}" is not a field of this entity`, code: 'unknownField' });
      } else if (!OPERATORS.has(filter.op)) {
        problems.push({ path: `${path}/op`, message: `must be one of ${FILTER_OPERATORS.join(', ')}`, code: 'enum' });
      } else if (checkValue(filter as { field: string; op: string; value?: unknown }) !== undefined) {
        problems.push({ path: `${path}/value`, message: checkValue(filter as { field: string; op: string; value?: unknown }) ?? '', code: 'badFilter' });
      } else {
        filters.push(filter.value === undefined ? { field: filter.field, op: filter.op } : { field: filter.field, op: filter.op, value: filter.value });
      }
    });
  }
  const sort = raw.sort ?? '';
  if (typeof sort !== 'string' || sort.length > MAX_SORT_LENGTH) {
    problems.push({ path: '/definition/sort', message: `must be a text such as "-amount,name" of at most ${MAX_SORT_LENGTH} characters`, code: 'type' });
  } else {
    for (const term of sort.split(',').filter(Boolean)) {
      const field = term.replace(/^[-+]/, '');
      if (!fields.has(field)) problems.push({ path: '/definition/sort', message: `"${field}" is not a field of this entity`, code: 'unknownField' });
    }
  }
  if (raw.q !== undefined && (typeof raw.q !== 'string' || raw.q.length > MAX_SEARCH_LENGTH)) problems.push({ path: '/definition/q', message: `must be a text of at most ${MAX_SEARCH_LENGTH} characters`, code: 'type' });
  if (raw.pageSize !== undefined && (!Number.isInteger(raw.pageSize) || (raw.pageSize as number) < 1 || (raw.pageSize as number) > MAX_PAGE_SIZE)) {
    problems.push({ path: '/definition/pageSize', message: `must be a whole number from 1 to ${MAX_PAGE_SIZE}`, code: 'type' });
  }
  const definition: SavedViewDefinition = { filters, sort: typeof sort === 'string' ? sort : '' };
  if (typeof raw.q === 'string') definition.q = raw.q;
  if (typeof raw.pageSize === 'number') definition.pageSize = raw.pageSize;
  return definition;
}

/** A new view (name and definition required) or a change (either, at least one). */
export function readSavedViewInput(body: unknown, fields: ReadonlySet<string>, checkValue: FilterValueCheck, mode: 'create' | 'update'): SavedViewInput {
  const problems: Problem[] = [];
  if (!isPlainObject(body)) throw new ValidationError('A saved view is a JSON object', [{ path: '', message: 'must be an object', code: 'type' }]);
  for (const key of Object.keys(body)) {
    if (!['entity', 'name', 'definition'].includes(key)) problems.push({ path: `/${key}`, message: 'is not a saved view property (entity, name, definition)', code: 'unknownField' });
  }
  if (mode === 'update' && body.entity !== undefined) problems.push({ path: '/entity', message: 'cannot change; save a new view for another entity', code: 'readOnlyField' });
  const input: SavedViewInput = {};
  if (mode === 'create' || body.name !== undefined) {
    const name = checkName(body.name, problems);
    if (name !== undefined) input.name = name;
  }
  if (mode === 'create' || body.definition !== undefined) {
    const definition = checkDefinition(body.definition, fields, checkValue, problems);
    if (definition !== undefined) input.definition = definition;
  }
  if (mode === 'update' && body.name === undefined && body.definition === undefined) problems.push({ path: '', message: 'must change the name or the definition', code: 'required' });
  if (problems.length > 0) throw new ValidationError('The saved view is not valid', problems);
  return input;
}
