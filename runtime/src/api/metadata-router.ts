// Read-only metadata endpoints the web app and designer start from: entity documents and their
// JSON Schemas, layouts, and the OpenAPI document — all from the live version, derived once.
import { BadRequestError, compileEntitySchema, compileOpenApi, NotFoundError, resolveText, type LayoutKind } from '@stagecraft/core';
import { Router } from 'express';
import { derivedOnce } from '../live/compile-metadata';
import type { CompiledMetadata } from '../live/compiled-types';
import { routeParam } from './route-params';

const SCHEMA_MODES = ['create', 'update', 'read'] as const;
type SchemaMode = (typeof SCHEMA_MODES)[number];
const LAYOUT_KINDS: readonly string[] = ['form', 'list', 'board'] satisfies LayoutKind[];

function text(raw: unknown): string | undefined {
  return typeof raw === 'string' && raw !== '' ? raw : undefined;
}

export function metadataRouter(metadata: () => CompiledMetadata): Router {
  const router = Router();

  router.get('/entities', (request, response) => {
    const locale = text(request.query.locale);
    const entities = [...metadata().entities.values()].map(({ document }) => ({
      name: document.name,
      label: document.label,
      title: resolveText(document.label, locale),
      pluralLabel: document.pluralLabel ?? document.label,
      displayField: document.displayField ?? null,
      fields: document.fields.length,
      relations: (document.relations ?? []).map((relation) => relation.name),
    }));
    response.json({ data: entities });
  });

  router.get('/entities/:name', (request, response) => {
    const entity = metadata().entities.get(routeParam(request, 'name'));
    if (!entity) throw new NotFoundError(`There is no entity "${routeParam(request, 'name')}"`);
    response.json(entity.document);
  });

  router.get('/entities/:name/schema', (request, response) => {
    const live = metadata();
    const entity = live.entities.get(routeParam(request, 'name'));
    if (!entity) throw new NotFoundError(`There is no entity "${routeParam(request, 'name')}"`);
    const mode = text(request.query.mode) ?? 'read';
    if (!(SCHEMA_MODES as readonly string[]).includes(mode)) throw new BadRequestError('mode must be create, update or read', [{ path: '/mode', message: `"${mode}" is not a schema mode` }]);
    const locale = text(request.query.locale) ?? 'en';
    response.json(derivedOnce(live, `schema:${entity.name}:${mode}:${locale}`, () => compileEntitySchema(entity.document, { mode: mode as SchemaMode, locale })));
  });

  router.get('/layouts', (request, response) => {
    const entity = text(request.query.entity);
    const kind = text(request.query.kind);
    if (kind !== undefined && !LAYOUT_KINDS.includes(kind)) throw new BadRequestError('kind must be form, list or board', [{ path: '/kind', message: `"${kind}" is not a layout kind` }]);
    const layouts = [...metadata().layouts.values()].filter((layout) => (entity === undefined || layout.entity === entity) && (kind === undefined || layout.kind === kind));
    response.json({ data: layouts });
  });

  router.get('/layouts/:name', (request, response) => {
    const layout = metadata().layouts.get(routeParam(request, 'name'));
    if (!layout) throw new NotFoundError(`There is no layout "${routeParam(request, 'name')}"`);
    response.json(layout);
  });

  return router;
}

export function openApiDocument(live: CompiledMetadata): unknown {
  return derivedOnce(live, 'openapi', () => compileOpenApi(live.bundle, { title: 'Stagecraft record API', version: String(live.version ?? 0), serverUrl: '/api' }));
}
