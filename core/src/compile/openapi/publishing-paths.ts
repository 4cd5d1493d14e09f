// The publishing endpoints in OpenAPI (administrators only, so only in an administrator's
// document): versions, plan, publish, rollback (with a dry run) and drafts — what the studio and
// the CLI publish through.
import type { JsonSchema } from '../json-schema';
import { errorResponses, schemaRef } from './openapi-components';
import type { OpenApiOperation, OpenApiPathItem } from './openapi-types';

const json = (schema: JsonSchema) => ({ content: { 'application/json': { schema } } });
const OBJECT: JsonSchema = { type: 'object' };

const BUNDLE: JsonSchema = {
  type: 'object',
  description: 'A metadata bundle: packs, entities, layouts, processes, permissions and reports by name (see core/schemas/*.schema.json).',
  properties: { packs: { type: 'array' }, entities: OBJECT, layouts: OBJECT, processes: OBJECT, permissions: OBJECT, reports: OBJECT },
  required: ['packs', 'entities', 'layouts', 'processes'],
};

const PLAN: JsonSchema = {
  type: 'object',
  description: 'A migration plan: its steps (each with its phase, whether it is destructive, and a line for people) and the changes it refuses.',
  properties: {
    steps: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string' }, phase: { enum: ['expand', 'contract'] }, destructive: { type: 'boolean' }, description: { type: 'string' }, table: { type: 'string' } }, required: ['kind', 'phase', 'destructive', 'description', 'table'] } },
    blocked: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' }, code: { type: 'string' } }, required: ['path', 'message'] } },
    requiresConfirmation: { type: 'boolean' },
  },
  required: ['steps', 'blocked', 'requiresConfirmation'],
};

export const PUBLISHING_SCHEMAS: Record<string, JsonSchema> = {
  VersionSummary: {
    type: 'object',
    properties: {
      number: { type: 'integer' },
      hash: { type: 'string' },
      author: { type: 'string' },
      message: { type: 'string' },
      createdAt: { type: 'string', format: 'date-time' },
      rolledBackFrom: { type: ['integer', 'null'] },
      complete: { type: 'boolean' },
    },
    required: ['number', 'hash', 'author', 'message', 'createdAt', 'rolledBackFrom', 'complete'],
  },
  PublishedVersion: {
    allOf: [schemaRef('VersionSummary'), { type: 'object', properties: { bundle: BUNDLE, diff: OBJECT, plan: PLAN }, required: ['bundle', 'diff', 'plan'] }],
  },
  MigrationPlanAnswer: {
    type: 'object',
    properties: { plan: PLAN, planText: { type: 'string' }, diff: OBJECT },
    required: ['plan', 'planText', 'diff'],
  },
  PublishAnswer: {
    type: 'object',
    properties: { version: schemaRef('VersionSummary'), unchanged: { type: 'boolean' }, plan: PLAN, planText: { type: 'string' }, applied: { type: 'array' } },
    required: ['version', 'unchanged', 'plan', 'planText', 'applied'],
  },
  RetiredField: {
    type: 'object',
    description: 'A field an earlier publish removed whose values are still kept under a retired column name: adding the field back (or rolling back past its removal) restores them; purging drops them for good.',
    properties: {
      entity: { type: 'string' },
      table: { type: 'string' },
      field: { type: 'object', description: 'The field as it was defined before it was removed.', properties: { name: { type: 'string' }, type: { type: 'string' } }, required: ['name', 'type'] },
      retiredName: { type: 'string' },
      retiredInVersion: { type: 'integer' },
    },
    required: ['entity', 'table', 'field', 'retiredName', 'retiredInVersion'],
  },
  Draft: {
    type: 'object',
    properties: { name: { type: 'string' }, author: { type: 'string' }, updatedAt: { type: 'string', format: 'date-time' }, baseVersion: { type: ['integer', 'null'] }, bundle: BUNDLE },
    required: ['name', 'author', 'updatedAt', 'baseVersion'],
  },
};

const PUBLISH_OPTIONS = {
  confirm: { type: 'boolean', description: 'Allow destructive steps (retired columns and tables, narrowed types); without it they answer 409 confirmationRequired.' },
  message: { type: 'string', description: 'Shown in the history.' },
  baseVersion: { type: ['integer', 'null'], minimum: 1, description: 'The live version the change was made against: if another is live by now, 409 liveVersionChanged and nothing is published.' },
} satisfies Record<string, JsonSchema>;

function operation(operationId: string, summary: string, rest: Omit<OpenApiOperation, 'operationId' | 'summary' | 'tags'>): OpenApiOperation {
  return { operationId, summary, tags: ['publishing'], ...rest };
}

const NAME = { name: 'name', in: 'path' as const, required: true, schema: { type: 'string' as const, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$' }, description: 'The draft\'s name.' };
const published = { '201': { description: 'Published as a new version, live at once.', ...json(schemaRef('PublishAnswer')) }, '200': { description: 'The content was live already: nothing published.', ...json(schemaRef('PublishAnswer')) } };

export function publishingPaths(): Record<string, OpenApiPathItem> {
  return {
    '/api/metadata/versions': {
      get: operation('listVersions', 'Every published version, newest first, and which is live', {
        responses: { '200': { description: 'The versions.', ...json({ type: 'object', properties: { data: { type: 'array', items: schemaRef('VersionSummary') }, live: { type: ['integer', 'null'] } }, required: ['data', 'live'] }) }, ...errorResponses('Forbidden') },
      }),
    },
    '/api/metadata/versions/{number}': {
      parameters: [{ name: 'number', in: 'path', required: true, schema: { type: 'integer', minimum: 1 }, description: 'The version number.' }],
      get: operation('getVersion', 'One version with its bundle, diff and plan', { responses: { '200': { description: 'The version.', ...json(schemaRef('PublishedVersion')) }, ...errorResponses('BadRequest', 'Forbidden', 'NotFound') } }),
    },
    '/api/metadata/plan': {
      post: operation('planBundle', 'What publishing a bundle would do: its migration plan and diff, nothing applied', {
        requestBody: { required: true, ...json({ type: 'object', properties: { bundle: BUNDLE }, required: ['bundle'] }) },
        responses: { '200': { description: 'The plan.', ...json(schemaRef('MigrationPlanAnswer')) }, ...errorResponses('Forbidden', 'ValidationFailed', 'PayloadTooLarge') },
      }),
    },
    '/api/metadata/publish': {
      post: operation('publishBundle', 'Publish a bundle as the next version', {
        requestBody: { required: true, ...json({ type: 'object', properties: { bundle: BUNDLE, ...PUBLISH_OPTIONS }, required: ['bundle'] }) },
        responses: { ...published, ...errorResponses('Forbidden', 'Conflict', 'ValidationFailed', 'PayloadTooLarge') },
      }),
    },
    '/api/metadata/rollback': {
      post: operation('rollback', 'Publish an earlier version\'s content again (renames made since are turned around); dryRun answers its plan only', {
        requestBody: { required: true, ...json({ type: 'object', properties: { version: { type: 'integer', minimum: 1 }, dryRun: { type: 'boolean' }, confirm: PUBLISH_OPTIONS.confirm, message: PUBLISH_OPTIONS.message }, required: ['version'] }) },
        responses: { ...published, '200': { description: 'dryRun: the plan of going back; or, without it, nothing to publish.', ...json({ oneOf: [schemaRef('MigrationPlanAnswer'), schemaRef('PublishAnswer')] }) }, ...errorResponses('BadRequest', 'Forbidden', 'NotFound', 'Conflict') },
      }),
    },
    '/api/metadata/retired-fields': {
      get: operation('listRetiredFields', 'Fields removed by earlier publishes whose values are still kept, newest first', {
        responses: { '200': { description: 'The retired fields.', ...json({ type: 'object', properties: { data: { type: 'array', items: schemaRef('RetiredField') } }, required: ['data'] }) }, ...errorResponses('Forbidden') },
      }),
    },
    '/api/metadata/retired-fields/purge': {
      post: operation('purgeRetiredField', 'Drop a retired field\'s kept values for good (needs confirm)', {
        requestBody: { required: true, ...json({ type: 'object', properties: { table: { type: 'string' }, retiredName: { type: 'string' }, confirm: { type: 'boolean', description: 'Must be true: without it, 409 confirmationRequired and nothing is dropped.' } }, required: ['table', 'retiredName'] }) },
        responses: { '200': { description: 'Purged.', ...json({ type: 'object', properties: { purged: schemaRef('RetiredField'), statements: { type: 'array', items: { type: 'string' } } }, required: ['purged', 'statements'] }) }, ...errorResponses('BadRequest', 'Forbidden', 'NotFound', 'Conflict') },
      }),
    },
    '/api/metadata/drafts': {
      get: operation('listDrafts', 'The saved drafts, without their bundles', {
        responses: { '200': { description: 'The drafts.', ...json({ type: 'object', properties: { data: { type: 'array', items: schemaRef('Draft') } }, required: ['data'] }) }, ...errorResponses('Forbidden') },
      }),
    },
    '/api/metadata/drafts/{name}': {
      parameters: [NAME],
      get: operation('getDraft', 'One draft with its bundle', { responses: { '200': { description: 'The draft.', ...json(schemaRef('Draft')) }, ...errorResponses('BadRequest', 'Forbidden', 'NotFound') } }),
      put: operation('saveDraft', 'Save (create or replace) a draft; the live version is its base', {
        requestBody: { required: true, ...json({ type: 'object', properties: { bundle: BUNDLE }, required: ['bundle'] }) },
        responses: { '200': { description: 'The saved draft.', ...json(schemaRef('Draft')) }, ...errorResponses('BadRequest', 'Forbidden', 'ValidationFailed', 'PayloadTooLarge') },
      }),
      delete: operation('deleteDraft', 'Discard a draft', { responses: { '204': { description: 'Done.' }, ...errorResponses('BadRequest', 'Forbidden', 'NotFound') } }),
    },
    '/api/metadata/drafts/{name}/publish': {
      parameters: [NAME],
      post: operation('publishDraft', 'Publish a draft as the next version, then delete it', {
        requestBody: { required: false, ...json({ type: 'object', properties: PUBLISH_OPTIONS }) },
        responses: { ...published, ...errorResponses('BadRequest', 'Forbidden', 'NotFound', 'Conflict', 'ValidationFailed') },
      }),
    },
  };
}
