// /api/views: the signed-in user's saved list views. GET ?entity= lists them; POST saves one;
// PATCH renames or redefines one; DELETE removes one. The entity must be one the user may see
// and the filters and sort may name only fields they may see (else 404 / 422 as for unknown), with
// values the list endpoint accepts (else 422).
import { BadRequestError, NotFoundError, type FilterOperator } from '@stagecraft/core';
import { Router, type Request } from 'express';
import { entityAccessOf } from '../access/access-policies';
import { isEntityVisible, visibleEntityDocument } from '../access/visible-metadata';
import { jsonBody } from '../api/json-body';
import { actorOf } from '../api/request-actor';
import { routeParam } from '../api/route-params';
import { BindParameters } from '../db/database';
import type { CompiledMetadata } from '../live/compiled-types';
import { conditionOf } from '../records/where-clause';
import { readSavedViewInput, type FilterValueCheck } from './saved-view-input';
import type { SavedViewStore } from './saved-views';

const VIEW_BODY_LIMIT = '16kb';
const SYSTEM_FIELDS = ['id', 'version', 'createdAt', 'updatedAt'];

export function savedViewsRouter(store: SavedViewStore, metadata: () => CompiledMetadata): Router {
  const router = Router();
  const body = jsonBody({ limit: VIEW_BODY_LIMIT });

  const userOf = (request: Request): string => {
    const userId = actorOf(request).userId;
    if (userId === null) throw new BadRequestError('Only users have saved views');
    return userId;
  };

  /** The fields of an entity the user may see; 404 for an entity they may not. */
  const visibleFields = (request: Request, name: unknown): Set<string> => {
    const live = metadata();
    const entity = typeof name === 'string' ? live.entities.get(name) : undefined;
    const access = entity ? entityAccessOf(live, actorOf(request), entity.name) : undefined;
    if (!entity || !access || !isEntityVisible(access)) throw new NotFoundError(`There is no entity "${String(name)}"`, [{ path: '/entity', message: 'is not an entity you may see', code: 'unknownEntity' }]);
    return new Set([...SYSTEM_FIELDS, ...visibleEntityDocument(entity.document, access).fields.map((field) => field.name)]);
  };

  /** A filter value as the list endpoint reads it: what it would refuse, the view may not hold. */
  const valueCheck = (entityName: string): FilterValueCheck => (filter) => {
    const field = metadata().entities.get(entityName)?.fields.get(filter.field);
    if (!field) return undefined;
    const condition = conditionOf(field, { field: filter.field, op: filter.op as FilterOperator, value: filter.value }, new BindParameters());
    return typeof condition === 'string' ? undefined : condition.message;
  };

  router.get('/', async (request, response) => {
    const entity = request.query.entity;
    if (typeof entity !== 'string' || entity === '') throw new BadRequestError('Name the entity: GET /api/views?entity=…', [{ path: '/entity', message: 'is required', code: 'required' }]);
    visibleFields(request, entity);
    response.json({ data: await store.list(userOf(request), entity) });
  });

  router.post('/', ...body, async (request, response) => {
    const userId = userOf(request);
    const raw = request.body as { entity?: unknown };
    const fields = visibleFields(request, raw?.entity);
    const input = readSavedViewInput(request.body, fields, valueCheck(String(raw.entity)), 'create');
    const view = await store.create(userId, String(raw.entity), input.name ?? '', input.definition ?? { filters: [], sort: '' });
    response.status(201).json(view);
  });

  router.patch('/:id', ...body, async (request, response) => {
    const userId = userOf(request);
    const current = await store.get(userId, routeParam(request, 'id'));
    const input = readSavedViewInput(request.body, visibleFields(request, current.entity), valueCheck(current.entity), 'update');
    response.json(await store.update(userId, current.id, input));
  });

  router.delete('/:id', async (request, response) => {
    await store.delete(userOf(request), routeParam(request, 'id'));
    response.status(204).end();
  });

  return router;
}
