// Metadata the screens are generated from, fetched once per signed-in user and shared: the
// entities the user may see (each with the fields their policy shows), layouts, processes,
// reports. `resetMetadata()` on sign-out/sign-in, since another user may see other fields.
import { api } from '../api/client';
import type { EntityDocument, EntityPermissions, EntitySummary, LayoutDocument, ProcessDetail, ProcessSummary, ReportSummary } from '../api/types';

const cache = new Map<string, Promise<unknown>>();

function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let promise = cache.get(key) as Promise<T> | undefined;
  if (!promise) {
    promise = load();
    cache.set(key, promise);
    // A failed load is not remembered: the next screen asks again.
    promise.catch(() => cache.delete(key));
  }
  return promise;
}

export function resetMetadata(): void {
  cache.clear();
}

export const metadata = {
  entities: () => once('entities', async () => (await api.get<{ data: EntitySummary[] }>('/api/metadata/entities')).data),
  entity: (name: string) => once(`entity:${name}`, () => api.get<EntityDocument>(`/api/metadata/entities/${encodeURIComponent(name)}`)),
  layouts: () => once('layouts', async () => (await api.get<{ data: LayoutDocument[] }>('/api/metadata/layouts')).data),
  reports: () => once('reports', async () => (await api.get<{ data: ReportSummary[] }>('/api/reports')).data.filter(Boolean)),
  processes: () => once('processes', async () => (await api.get<{ data: ProcessSummary[] }>('/api/metadata/processes')).data),
  process: (name: string) => once(`process:${name}`, () => api.get<ProcessDetail>(`/api/metadata/processes/${encodeURIComponent(name)}`)),
  /** What this user may do with the entity's records at all (New, Import and Export are offered by it). */
  permissions: (name: string) => once(`permissions:${name}`, async () => (await api.get<{ data: EntityPermissions }>(`/api/metadata/entities/${encodeURIComponent(name)}/permissions`)).data),
  /** The JSON Schema of what this user may send (create/update) for an entity. */
  schema: (name: string, mode: 'create' | 'update') => once(`schema:${name}:${mode}`, () => api.get<Record<string, unknown>>(`/api/metadata/entities/${encodeURIComponent(name)}/schema`, { mode })),
};

/** The first layout of a kind for an entity (packs name one per kind; a later one may override). */
export async function layoutFor<K extends LayoutDocument['kind']>(entity: string, kind: K): Promise<Extract<LayoutDocument, { kind: K }> | undefined> {
  const layouts = await metadata.layouts();
  return layouts.find((layout): layout is Extract<LayoutDocument, { kind: K }> => layout.entity === entity && layout.kind === kind);
}

/** The process running on an entity's records, if any. */
export async function processFor(entity: string): Promise<ProcessSummary | undefined> {
  return (await metadata.processes()).find((process) => process.entity === entity);
}
