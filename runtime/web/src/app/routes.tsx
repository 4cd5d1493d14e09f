// Every screen of the app by address. Records: /records/:entity (list), /records/:entity/new,
// /records/:entity/import, /records/:entity/:id (record page), /records/:entity/:id/edit. Other
// parts add theirs in extensions.tsx.
import { FormPage } from '../form/FormPage';
import { ImportPage } from '../import/ImportPage';
import { ListPage } from '../list/ListPage';
import { RecordPage } from '../record/RecordPage';
import { HomePage } from '../shell/HomePage';
import type { AppRoute } from './app-types';
import { extraRoutes } from './extensions';
import { matchPath } from './router';

const coreRoutes: AppRoute[] = [
  { pattern: '/', render: () => <HomePage /> },
  { pattern: '/records/:entity', render: ({ entity = '' }) => <ListPage key={entity} entity={entity} /> },
  { pattern: '/records/:entity/new', render: ({ entity = '' }) => <FormPage key={`${entity}:new`} entity={entity} /> },
  { pattern: '/records/:entity/import', render: ({ entity = '' }) => <ImportPage key={`${entity}:import`} entity={entity} /> },
  { pattern: '/records/:entity/:id', render: ({ entity = '', id = '' }) => <RecordPage key={`${entity}:${id}`} entity={entity} id={id} /> },
  { pattern: '/records/:entity/:id/edit', render: ({ entity = '', id = '' }) => <FormPage key={`${entity}:${id}`} entity={entity} id={id} /> },
];

export function findRoute(path: string): { route: AppRoute; params: Record<string, string> } | undefined {
  for (const route of [...coreRoutes, ...extraRoutes]) {
    const params = matchPath(route.pattern, path);
    if (params) return { route, params };
  }
  return undefined;
}
