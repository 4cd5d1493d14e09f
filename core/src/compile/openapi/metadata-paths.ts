// The API's fixed endpoints in OpenAPI: health, the live metadata (entities, their compiled
// JSON Schemas, layouts) and this document itself.
import type { JsonSchema } from '../json-schema';
import { errorResponses, schemaRef } from './openapi-components';
import type { OpenApiOperation, OpenApiParameter, OpenApiPathItem } from './openapi-types';

export const METADATA_SCHEMAS: Record<string, JsonSchema> = {
  Health: {
    type: 'object',
    properties: { status: { type: 'string', enum: ['ok'] } },
    required: ['status'],
  },
  MetadataDocument: {
    type: 'object',
    description: 'An entity or layout document; its format is published as core/schemas/entity.schema.json and layout.schema.json.',
    properties: { kind: { type: 'string' }, name: { type: 'string' } },
    required: ['kind', 'name'],
  },
  MetadataDocumentList: {
    type: 'object',
    properties: { data: { type: 'array', items: schemaRef('MetadataDocument') } },
    required: ['data'],
  },
  EntitySummary: {
    type: 'object',
    description: 'An entity the caller may use, in brief: its labels (as written and resolved for `locale`), title field, field count and relation names.',
    properties: {
      name: { type: 'string' },
      label: { description: 'A string or a map of locale to text.', oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: { type: 'string' } }] },
      title: { type: 'string', description: 'The label in the requested locale.' },
      pluralLabel: { oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: { type: 'string' } }] },
      displayField: { type: ['string', 'null'] },
      color: { type: ['string', 'null'], description: 'The entity\'s colour (CSS hex), if it has one.' },
      icon: { type: ['string', 'null'], description: 'The entity\'s named icon, if it has one.' },
      fields: { type: 'integer', description: 'How many fields the caller sees.' },
      relations: { type: 'array', items: { type: 'string' } },
    },
    required: ['name', 'label', 'title', 'pluralLabel', 'displayField', 'color', 'icon', 'fields', 'relations'],
    additionalProperties: false,
  },
  EntitySummaryList: {
    type: 'object',
    properties: { data: { type: 'array', items: schemaRef('EntitySummary') } },
    required: ['data'],
  },
  JsonSchemaDocument: { type: 'object', description: 'A JSON Schema (as compiled by compileEntitySchema).' },
  EntityPermissions: {
    type: 'object',
    description: 'Per operation, whether the caller may do it to some of the entity\'s records.',
    properties: { data: { type: 'object', properties: Object.fromEntries(['create', 'read', 'update', 'delete', 'transition', 'import', 'export'].map((operation) => [operation, { type: 'boolean' }])) } },
    required: ['data'],
  },
  OpenApiDocument: { type: 'object', description: 'An OpenAPI 3.1 document.' },
};

const NAME_PARAMETER = (what: string): OpenApiParameter => ({ name: 'name', in: 'path', required: true, description: `The ${what} name.`, schema: { type: 'string' } });

function getOperation(operationId: string, summary: string, schemaName: string, extra: Partial<OpenApiOperation> = {}): OpenApiOperation {
  return {
    operationId,
    summary,
    tags: ['metadata'],
    ...extra,
    responses: { '200': { description: summary, content: { 'application/json': { schema: schemaRef(schemaName) } } }, ...extra.responses },
  };
}

export function metadataPaths(): Record<string, OpenApiPathItem> {
  return {
    '/api/health': { get: getOperation('getHealth', 'Server health', 'Health', { tags: ['system'], security: [] }) },
    '/api/openapi.json': { get: getOperation('getOpenApiDocument', 'This OpenAPI document', 'OpenApiDocument', { tags: ['system'] }) },
    '/api/metadata/entities': { get: getOperation('listEntityMetadata', 'The live entities the caller may use, in brief (GET /api/metadata/entities/{name} gives a whole document)', 'EntitySummaryList', { parameters: [{ name: 'locale', in: 'query', required: false, description: 'The locale `title` is resolved for (default en).', schema: { type: 'string' } }] }) },
    '/api/metadata/entities/{name}': {
      parameters: [NAME_PARAMETER('entity')],
      get: getOperation('getEntityMetadata', 'One entity document', 'MetadataDocument', { responses: errorResponses('NotFound') }),
    },
    '/api/metadata/entities/{name}/schema': {
      parameters: [NAME_PARAMETER('entity')],
      get: getOperation('getEntityJsonSchema', 'The JSON Schema of the entity\'s records', 'JsonSchemaDocument', {
        parameters: [
          { name: 'mode', in: 'query', description: 'Which schema: what create accepts, what update accepts, or what reads return.', schema: { type: 'string', enum: ['create', 'update', 'read'], default: 'read' } },
          { name: 'locale', in: 'query', description: 'Locale of titles and labels, e.g. "zh-CN".', schema: { type: 'string' } },
        ],
        responses: errorResponses('BadRequest', 'NotFound'),
      }),
    },
    '/api/metadata/entities/{name}/permissions': {
      parameters: [NAME_PARAMETER('entity')],
      get: getOperation('getEntityPermissions', 'What the caller may do with the entity\'s records', 'EntityPermissions', { responses: errorResponses('NotFound') }),
    },
    '/api/metadata/layouts': { get: getOperation('listLayoutMetadata', 'The live layout documents', 'MetadataDocumentList') },
    '/api/metadata/layouts/{name}': {
      parameters: [NAME_PARAMETER('layout')],
      get: getOperation('getLayoutMetadata', 'One layout document', 'MetadataDocument', { responses: errorResponses('NotFound') }),
    },
  };
}
