// Each entity's import route in OpenAPI: `POST /api/records/{entity}/import` with a CSV body (the
// export's format) or JSON records of the entity's create schema, and the per-row report.
import type { EntityDocument } from '../../model/entity';
import { resolveText } from '../../model/label';
import type { JsonSchema } from '../json-schema';
import type { EntityComponentNames } from './component-names';
import { pascalCaseOf } from './component-names';
import { errorResponses, parameterRef, schemaRef } from './openapi-components';
import type { OpenApiPathItem } from './openapi-types';

const PROBLEM: JsonSchema = {
  type: 'object',
  properties: { path: { type: 'string', description: 'JSON Pointer: /<row>/<field>.' }, message: { type: 'string' }, code: { type: 'string' } },
  required: ['path', 'message'],
};

export const IMPORT_SCHEMAS: Record<string, JsonSchema> = {
  ImportReport: {
    type: 'object',
    properties: {
      created: { type: 'integer', minimum: 0 },
      updated: { type: 'integer', minimum: 0 },
      failed: { type: 'integer', minimum: 0 },
      dryRun: { type: 'boolean' },
      rows: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            row: { type: 'integer', minimum: 1, description: 'CSV: the line the row starts on (the header is line 1). JSON: the record\'s 1-based position.' },
            id: { type: 'string', description: 'The record created or updated (absent for rows a dry run would create).' },
            action: { type: 'string', enum: ['created', 'updated', 'failed'] },
            errors: { type: 'array', items: PROBLEM },
          },
          required: ['row', 'action'],
        },
      },
    },
    required: ['created', 'updated', 'failed', 'dryRun', 'rows'],
    additionalProperties: false,
  },
};

export function importPaths(entity: EntityDocument, own: EntityComponentNames, locale: string): Record<string, OpenApiPathItem> {
  const plural = resolveText(entity.pluralLabel, locale) || resolveText(entity.label, locale) || entity.name;
  const flag = (name: string, description: string, fallback: boolean) => ({ name, in: 'query' as const, description, schema: { type: 'boolean' as const, default: fallback } });
  return {
    [`/api/records/${entity.name}/import`]: {
      post: {
        operationId: `import${pascalCaseOf(entity.name)}Records`,
        summary: `Import ${plural} from CSV or JSON`,
        description:
          'Needs the import grant and create (and update for upserts). Each row goes through the record operations (validation, formulas, processes, duplicates, audit). '
          + 'CSV: a header row of field names, as the export writes it; an apostrophe the export put before = + - @, a tab, CR or LF is dropped; createdAt, updatedAt and computed columns are skipped; '
          + 'an empty cell writes nothing on create and clears the field on update. atomic=true (default): any failed row → 422 with details at /rows/<row>/<field> and nothing written. '
          + 'At most 5,000 rows per request (413 beyond).',
        tags: [entity.name],
        parameters: [
          flag('dryRun', 'Validate every row as if writing it, write nothing.', false),
          { name: 'mode', in: 'query', description: 'create, or upsert (update the record the key matches, else create).', schema: { type: 'string', enum: ['create', 'upsert'], default: 'create' } },
          { name: 'key', in: 'query', description: 'Upsert: id or the field whose value finds the record; a match the caller may not change is reported as not found.', schema: { type: 'string' } },
          flag('atomic', 'All rows or none (true), or each row on its own (false).', true),
          parameterRef('confirm'),
        ],
        requestBody: {
          required: true,
          content: {
            'text/csv': { schema: { type: 'string' } },
            'application/json': { schema: { type: 'object', properties: { records: { type: 'array', maxItems: 5000, items: schemaRef(own.create) } }, required: ['records'] } },
          },
        },
        responses: {
          '200': { description: 'What each row did.', content: { 'application/json': { schema: schemaRef('ImportReport') } } },
          ...errorResponses('BadRequest', 'Forbidden', 'NotFound', 'PayloadTooLarge', 'UnsupportedMediaType', 'ValidationFailed'),
        },
      },
    },
  };
}
