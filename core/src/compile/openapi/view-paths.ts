// The web app's saved list views in OpenAPI: one's own named filter/sort/search combinations per entity.
import type { JsonSchema } from '../json-schema';
import { errorResponses, schemaRef } from './openapi-components';
import type { OpenApiOperation, OpenApiPathItem } from './openapi-types';

const json = (schema: JsonSchema) => ({ content: { 'application/json': { schema } } });

const DEFINITION: JsonSchema = {
  type: 'object',
  description: 'What the list shows: filters as in the list endpoint\'s JSON `filter`, `sort` as in its `sort` parameter.',
  properties: {
    filters: { type: 'array', maxItems: 50, items: { type: 'object', properties: { field: { type: 'string' }, op: { type: 'string' }, value: {} }, required: ['field', 'op'] } },
    sort: { type: 'string', maxLength: 500 },
    q: { type: 'string', maxLength: 200 },
    pageSize: { type: 'integer', minimum: 1, maximum: 200 },
  },
  additionalProperties: false,
};

export const VIEW_SCHEMAS: Record<string, JsonSchema> = {
  SavedView: {
    type: 'object',
    properties: { id: { type: 'string' }, entity: { type: 'string' }, name: { type: 'string' }, definition: DEFINITION, createdAt: { type: 'string', format: 'date-time' }, updatedAt: { type: 'string', format: 'date-time' } },
    required: ['id', 'entity', 'name', 'definition', 'createdAt', 'updatedAt'],
  },
  SavedViewInput: {
    type: 'object',
    properties: { entity: { type: 'string', description: 'On create only.' }, name: { type: 'string', minLength: 1, maxLength: 120 }, definition: DEFINITION },
    additionalProperties: false,
  },
};

function operation(operationId: string, summary: string, rest: Omit<OpenApiOperation, 'operationId' | 'summary' | 'tags'>): OpenApiOperation {
  return { operationId, summary, tags: ['views'], ...rest };
}

export function viewPaths(): Record<string, OpenApiPathItem> {
  const body = { required: true, ...json(schemaRef('SavedViewInput')) };
  return {
    '/api/views': {
      get: operation('listSavedViews', 'One\'s own saved views of an entity', {
        parameters: [{ name: 'entity', in: 'query', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'The views, by name.', ...json({ type: 'object', properties: { data: { type: 'array', items: schemaRef('SavedView') } }, required: ['data'] }) }, ...errorResponses('BadRequest', 'NotFound') },
      }),
      post: operation('createSavedView', 'Save a view (entity, name, definition)', {
        requestBody: body,
        responses: { '201': { description: 'The saved view.', ...json(schemaRef('SavedView')) }, ...errorResponses('NotFound', 'ValidationFailed', 'Conflict') },
      }),
    },
    '/api/views/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'The saved view\'s id.' }],
      patch: operation('updateSavedView', 'Rename or redefine one of one\'s views', {
        requestBody: body,
        responses: { '200': { description: 'The saved view.', ...json(schemaRef('SavedView')) }, ...errorResponses('NotFound', 'ValidationFailed') },
      }),
      delete: operation('deleteSavedView', 'Delete one of one\'s views', { responses: { '204': { description: 'Done.' }, ...errorResponses('NotFound') } }),
    },
  };
}
