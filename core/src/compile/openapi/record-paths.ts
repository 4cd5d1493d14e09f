// One entity's record API in OpenAPI: list/create on /api/records/{entity}, its CSV export, get/update/delete on
// /api/records/{entity}/{id}, and its schemas (read with expandable references, create, update, list page).
import { SYSTEM_FIELDS, type EntityDocument } from '../../model/entity';
import { resolveText } from '../../model/label';
import type { MetadataBundle } from '../../model/pack';
import { filterOperatorsFor } from '../../validate/filter-operators';
import { valueTypeOf } from '../../validate/entity-lookup';
import { compileEntitySchema } from '../entity-schema';
import type { JsonSchema } from '../json-schema';
import type { EntityComponentNames } from './component-names';
import { pascalCaseOf } from './component-names';
import { errorResponses, parameterRef, schemaRef } from './openapi-components';
import type { OpenApiParameter, OpenApiPathItem } from './openapi-types';

export interface EntityApi {
  paths: Record<string, OpenApiPathItem>;
  schemas: Record<string, JsonSchema>;
}

const JSON_CONTENT = 'application/json';

export function compileEntityApi(entity: EntityDocument, bundle: MetadataBundle, names: ReadonlyMap<string, EntityComponentNames>, locale: string): EntityApi {
  const own = names.get(entity.name);
  if (!own) return { paths: {}, schemas: {} };
  const label = resolveText(entity.label, locale) || entity.name;
  const plural = resolveText(entity.pluralLabel, locale) || label;
  const pascal = pascalCaseOf(entity.name);
  const tags = [entity.name];
  const json = (schemaName: string): { content: Record<string, { schema: JsonSchema }> } => ({ content: { [JSON_CONTENT]: { schema: schemaRef(schemaName) } } });
  const etag = { ETag: { description: 'The record\'s version, for If-Match.', schema: { type: 'string' as const } } };

  const collection: OpenApiPathItem = {
    get: {
      operationId: `list${pascal}Records`,
      summary: `List ${plural}`,
      tags,
      parameters: [filterParameter(entity), sortParameter(entity), parameterRef('page'), parameterRef('pageSize'), parameterRef('q'), parameterRef('fields'), parameterRef('expand'), parameterRef('count')],
      responses: { '200': { description: `A page of ${plural}.`, ...json(own.list) }, ...errorResponses('BadRequest', 'Forbidden') },
    },
    post: {
      operationId: `create${pascal}Record`,
      summary: `Create a ${label}`,
      tags,
      parameters: [parameterRef('confirm')],
      requestBody: { required: true, ...json(own.create) },
      responses: {
        '201': { description: `The created ${label}.`, headers: etag, ...json(own.read) },
        ...errorResponses('BadRequest', 'Forbidden', 'Conflict', 'PayloadTooLarge', 'UnsupportedMediaType', 'ValidationFailed'),
      },
    },
  };
  const item: OpenApiPathItem = {
    parameters: [parameterRef('recordId')],
    get: {
      operationId: `get${pascal}Record`,
      summary: `Get a ${label}`,
      tags,
      parameters: [parameterRef('fields'), parameterRef('expand')],
      responses: { '200': { description: `The ${label}.`, headers: etag, ...json(own.read) }, ...errorResponses('BadRequest', 'NotFound') },
    },
    patch: {
      operationId: `update${pascal}Record`,
      summary: `Update a ${label}`,
      description: 'Changes only the properties sent; null clears a value.',
      tags,
      parameters: [parameterRef('ifMatch'), parameterRef('confirm')],
      requestBody: { required: true, ...json(own.update) },
      responses: {
        '200': { description: `The updated ${label}.`, headers: etag, ...json(own.read) },
        ...errorResponses('BadRequest', 'Forbidden', 'NotFound', 'Conflict', 'PayloadTooLarge', 'UnsupportedMediaType', 'ValidationFailed'),
      },
    },
    delete: {
      operationId: `delete${pascal}Record`,
      summary: `Delete a ${label}`,
      tags,
      parameters: [parameterRef('ifMatch')],
      responses: { '204': { description: 'Deleted.' }, ...errorResponses('Forbidden', 'NotFound', 'Conflict') },
    },
  };

  const exported: OpenApiPathItem = {
    get: {
      operationId: `export${pascal}Records`,
      summary: `Export ${plural} as CSV`,
      description: 'Every record the caller may read and export that matches the filters, streamed as CSV (UTF-8 with a byte-order mark, a header row of field names, fields hidden from the caller left out; text starting with = + - @, a tab, CR or LF is prefixed with an apostrophe).',
      tags,
      parameters: [
        { name: 'format', in: 'query', description: 'The file format.', schema: { type: 'string', enum: ['csv'], default: 'csv' } },
        filterParameter(entity), sortParameter(entity), parameterRef('q'), parameterRef('fields'),
      ],
      responses: { '200': { description: `The ${plural}, one line each.`, content: { 'text/csv': { schema: { type: 'string' } } } }, ...errorResponses('BadRequest', 'Forbidden', 'NotFound') },
    },
  };

  return {
    paths: { [`/api/records/${entity.name}`]: collection, [`/api/records/${entity.name}/export`]: exported, [`/api/records/${entity.name}/{id}`]: item },
    schemas: {
      [own.read]: withExpansions(compileEntitySchema(entity, { mode: 'read', locale }), entity, bundle, names, locale),
      [own.create]: withoutDefaultedRequirements(compileEntitySchema(entity, { mode: 'create', locale })),
      [own.update]: compileEntitySchema(entity, { mode: 'update', locale }),
      [own.list]: listPageSchema(own.read),
    },
  };
}

/**
 * What a client must send to create. The server fills a field's default before it validates, so a
 * required field with a default may be left out; and the default is given as `x-default`, not
 * `default`, which generators (openapi-typescript) read as "always present" and would demand.
 */
function withoutDefaultedRequirements(schema: JsonSchema): JsonSchema {
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, property]) => {
      if (property.default === undefined) return [name, property];
      const { default: value, ...rest } = property;
      return [name, { ...rest, 'x-default': value }];
    }),
  );
  const required = (schema.required ?? []).filter((name) => schema.properties?.[name]?.default === undefined);
  const { required: _required, ...rest } = schema;
  return { ...rest, properties, ...(required.length > 0 && { required }) };
}

function listPageSchema(readName: string): JsonSchema {
  return {
    type: 'object',
    properties: {
      data: { type: 'array', items: schemaRef(readName) },
      total: { type: 'integer', minimum: 0, description: 'Records matching the filters (absent with count=false).' },
      page: { type: 'integer', minimum: 1 },
      pageSize: { type: 'integer', minimum: 1 },
    },
    required: ['data', 'page', 'pageSize'],
    additionalProperties: false,
  };
}

/** With `expand`, a reference holds the referenced record and a relation an array of records. */
function withExpansions(read: JsonSchema, entity: EntityDocument, bundle: MetadataBundle, names: ReadonlyMap<string, EntityComponentNames>, locale: string): JsonSchema {
  const properties = { ...read.properties };
  const targetOf = (entityName: string): string | undefined => (bundle.entities[entityName] ? names.get(entityName)?.read : undefined);
  for (const field of entity.fields) {
    const target = field.type === 'reference' ? targetOf(field.entity) : undefined;
    const plain = properties[field.name];
    if (target && plain) properties[field.name] = { title: plain.title, anyOf: [plain, schemaRef(target)] };
  }
  for (const relation of entity.relations ?? []) {
    const target = targetOf(relation.entity);
    if (!target) continue;
    const expanded: JsonSchema = { type: 'array', items: schemaRef(target) };
    const plain = properties[relation.name];
    properties[relation.name] = plain ? { title: plain.title, anyOf: [plain, expanded] } : { ...expanded, title: resolveText(relation.label, locale) || relation.name, description: 'Present when expanded.' };
  }
  return { ...read, properties };
}

/** `filter[field][op]=value`: one property per filterable field, one per operator that fits its type. */
function filterParameter(entity: EntityDocument): OpenApiParameter {
  const names = [...SYSTEM_FIELDS, ...entity.fields.map((field) => field.name)];
  const properties: Record<string, JsonSchema> = {};
  for (const name of names) {
    const type = valueTypeOf(entity, name);
    if (!type) continue;
    const operators = Object.fromEntries(filterOperatorsFor(type).map((op): [string, JsonSchema] => [op, op === 'isNull' ? { type: 'string', enum: ['true', 'false'] } : { type: 'string' }]));
    properties[name] = { type: 'object', properties: operators, additionalProperties: false };
  }
  return {
    name: 'filter',
    in: 'query',
    style: 'deepObject',
    explode: true,
    description: 'Filters, all of which must hold: `filter[amount][gte]=1000&filter[stage][in]=proposal,closedWon`. `in` takes a comma-separated list; `isNull` takes true or false.',
    schema: { type: 'object', properties, additionalProperties: false },
  };
}

function sortParameter(entity: EntityDocument): OpenApiParameter {
  const names = [...SYSTEM_FIELDS, ...entity.fields.filter((field) => field.type !== 'multiEnum').map((field) => field.name)].join('|');
  return {
    name: 'sort',
    in: 'query',
    style: 'form',
    explode: false,
    description: 'Comma-separated fields; a leading "-" sorts descending, e.g. `-amount,name`.',
    schema: { type: 'string', pattern: `^-?(${names})(,-?(${names}))*$` },
  };
}
