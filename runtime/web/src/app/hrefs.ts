// Addresses of the record screens, for links from anywhere (dashboards link to filtered lists).
export interface ListFilterParam {
  field: string;
  op: 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'contains' | 'isNull';
  value?: unknown;
}

export interface ListParams {
  filters?: ListFilterParam[];
  q?: string;
  /** "-amount,name": minus for descending. */
  sort?: string;
  page?: number;
  /** A saved view's id. */
  view?: string;
}

/** The list's address: ?f=<JSON filters>&q=…&sort=…&page=…&view=… (all optional). */
export function listSearch(params: ListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.view) search.set('view', params.view);
  if (params.filters && params.filters.length > 0) search.set('f', JSON.stringify(params.filters));
  if (params.q) search.set('q', params.q);
  if (params.sort) search.set('sort', params.sort);
  if (params.page && params.page > 1) search.set('page', String(params.page));
  return search;
}

const segment = encodeURIComponent;

export const recordHref = {
  list: (entity: string, params: ListParams = {}) => {
    const search = listSearch(params).toString();
    return `/records/${segment(entity)}${search ? `?${search}` : ''}`;
  },
  /** `defaults` prefill the form (e.g. {account: id} from an account's related list). */
  create: (entity: string, defaults?: Record<string, string>) => `/records/${segment(entity)}/new${defaults ? `?${new URLSearchParams(defaults).toString()}` : ''}`,
  import: (entity: string) => `/records/${segment(entity)}/import`,
  view: (entity: string, id: string) => `/records/${segment(entity)}/${segment(id)}`,
  edit: (entity: string, id: string) => `/records/${segment(entity)}/${segment(id)}/edit`,
};
