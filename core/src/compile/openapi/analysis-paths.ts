// The API's endpoints over whole sets of records and over process metadata, in OpenAPI: process
// documents with their states, the dry run and version migration; reports; kanban boards
// (columns with counts and sums, a column's cards). Every one reads under the caller's permissions.
import type { JsonSchema } from '../json-schema';
import { errorResponses, parameterRef, schemaRef } from './openapi-components';
import type { OpenApiOperation, OpenApiParameter, OpenApiPathItem } from './openapi-types';

const JSON_CONTENT = 'application/json';
const json = (schema: JsonSchema): { content: Record<string, { schema: JsonSchema }> } => ({ content: { [JSON_CONTENT]: { schema } } });
const LOCALISED: JsonSchema = { description: 'A text, or a map of locale → text ({"en": …, "zh-CN": …}).' };

export const ANALYSIS_SCHEMAS: Record<string, JsonSchema> = {
  ProcessSummaryList: {
    type: 'object',
    properties: { data: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, entity: { type: 'string' }, stageField: { type: 'string' }, label: LOCALISED, title: { type: 'string' }, initial: { type: 'string' } }, required: ['name', 'entity'] } } },
    required: ['data'],
  },
  ProcessRegistry: {
    type: 'object',
    description: 'Every guard and action processes may name (built-ins and plugins): its name, the plugin that registered it, its label in the asked locale and the JSON Schema of its parameters.',
    properties: {
      guards: { type: 'array', items: schemaRef('ProcessRegistryEntry') },
      actions: { type: 'array', items: { allOf: [schemaRef('ProcessRegistryEntry'), { type: 'object', properties: { delivery: { type: 'string' } }, required: ['delivery'] }] } },
    },
    required: ['guards', 'actions'],
  },
  ProcessRegistryEntry: {
    type: 'object',
    properties: { name: { type: 'string' }, plugin: { type: 'string' }, label: { type: 'string' }, description: { type: 'string' }, paramsSchema: { type: 'object' } },
    required: ['name', 'plugin', 'label', 'paramsSchema'],
  },
  ProcessRunning: {
    type: 'object',
    description: 'How many records run each version of a process, finished or not, and in which state paths the running ones are.',
    properties: {
      process: { type: 'string' },
      live: { type: ['integer', 'null'] },
      data: { type: 'array', items: { type: 'object', properties: { version: { type: 'integer' }, running: { type: 'integer' }, done: { type: 'integer' }, states: { type: 'object', additionalProperties: { type: 'integer' } } }, required: ['version', 'running', 'done', 'states'] } },
    },
    required: ['process', 'live', 'data'],
  },
  ProcessMetadata: {
    type: 'object',
    description: 'A published process: its document and its states with labels, guidance and probability.',
    properties: {
      name: { type: 'string' }, entity: { type: 'string' }, stageField: { type: 'string' }, metadataVersion: { type: ['integer', 'null'] }, document: { type: 'object' },
      states: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, label: LOCALISED, guidance: LOCALISED, probability: { type: ['number', 'null'] }, parent: { type: ['string', 'null'] } } } },
    },
    required: ['name', 'entity', 'document', 'states'],
  },
  SimulationRequest: {
    type: 'object',
    properties: {
      record: { type: 'object', description: 'Field values of a sample record (none is read from the database).' },
      events: { type: 'array', items: { type: 'object', properties: { type: { type: 'string' }, data: { type: 'object' }, at: { type: 'string', format: 'date-time' } }, required: ['type'] } },
      user: { type: 'object', properties: { id: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } } } },
      now: { type: 'string', format: 'date-time' },
      process: { type: 'object', description: 'An unpublished process document to run instead of the live one.' },
      entity: { type: 'object', description: 'With "process": its entity as drafted, used instead of the live one (a process on an entity not yet published).' },
    },
    required: ['events'],
  },
  SimulationResult: { type: 'object', description: 'Each event\'s outcome: the state reached, guard reasons, the actions and timers it would run.' },
  MigrationRequest: {
    type: 'object',
    properties: { fromVersion: { type: 'integer', minimum: 1 }, mapping: { type: 'object', additionalProperties: { type: 'string' }, description: 'Old state paths → new ones.' } },
    required: ['fromVersion'],
  },
  MigrationReport: { type: 'object', properties: { process: { type: 'string' }, fromVersion: { type: 'integer' }, toVersion: { type: 'integer' }, migrated: { type: 'integer' } }, required: ['process', 'fromVersion', 'toVersion', 'migrated'] },
  ReportList: {
    type: 'object',
    properties: { data: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, label: { type: 'string' }, entity: { type: 'string' }, chart: { type: 'object' }, parameters: { type: 'array', items: { type: 'object' } } }, required: ['name', 'entity'] } } },
    required: ['data'],
  },
  ReportResult: {
    type: 'object',
    properties: {
      report: { type: 'string' }, label: { type: 'string' },
      columns: {
        type: 'array',
        items: {
          type: 'object',
          properties: { name: { type: 'string' }, label: { type: 'string' }, type: { type: 'string' }, options: { type: 'array', items: { type: 'object' } }, field: { type: 'string', description: 'Grouping columns: the field grouped by.' }, bucket: { type: 'string', enum: ['day', 'week', 'month', 'quarter', 'year'] } },
          required: ['name', 'type'],
        },
      },
      rows: { type: 'array', items: { type: 'object' } },
      chart: { type: 'object', properties: { type: { type: 'string', enum: ['bar', 'line', 'pie', 'funnel', 'table'] }, x: { type: 'string' }, series: { type: 'array', items: { type: 'string' } } } },
      compare: { type: 'object' },
      drill: {
        type: 'object',
        description: 'The list behind the figures: the entity and the report\'s filters with the caller\'s parameters; a row adds its grouping values.',
        properties: { entity: { type: 'string' }, filters: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, op: { type: 'string' }, value: {} } } } },
      },
    },
    required: ['report', 'columns', 'rows'],
  },
  BoardList: {
    type: 'object',
    properties: { data: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, entity: { type: 'string' }, label: LOCALISED, groupBy: { type: 'string' } }, required: ['name', 'entity', 'groupBy'] } } },
    required: ['data'],
  },
  Board: {
    type: 'object',
    description: 'A board\'s columns, in the layout\'s order, counting (and summing) only the records the reader may read; a sum field hidden from the reader gives no sums.',
    properties: {
      name: { type: 'string' }, entity: { type: 'string' }, label: LOCALISED, groupBy: { type: 'string' },
      cardFields: { type: 'array', items: { type: 'string' } }, sumField: { type: 'string' }, total: { type: 'integer' },
      columns: { type: 'array', items: { type: 'object', properties: { value: { type: 'string' }, label: LOCALISED, color: { type: 'string' }, count: { type: 'integer' }, sum: { type: 'number' } }, required: ['value', 'label', 'count'] } },
    },
    required: ['name', 'entity', 'groupBy', 'cardFields', 'columns', 'total'],
  },
  BoardCards: { type: 'object', properties: { data: { type: 'array', items: { type: 'object' } }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } }, required: ['data', 'page', 'pageSize'] },
};

const nameParameter = (what: string): OpenApiParameter => ({ name: 'name', in: 'path', required: true, description: `The ${what} name.`, schema: { type: 'string' } });
const LOCALE: OpenApiParameter = { name: 'locale', in: 'query', description: 'Locale of labels, e.g. "zh-CN" (default: the user\'s).', schema: { type: 'string' } };
const FILTER: OpenApiParameter = { name: 'filter', in: 'query', style: 'deepObject', explode: true, description: 'The list endpoint\'s filters: filter[field][op]=value.', schema: { type: 'object' } };
const LIST_FILTERS = [FILTER, parameterRef('q')];

function operation(operationId: string, summary: string, tag: string, schemaName: string, rest: Partial<OpenApiOperation> = {}): OpenApiOperation {
  return { operationId, summary, tags: [tag], ...rest, responses: { '200': { description: summary, ...json(schemaRef(schemaName)) }, ...rest.responses } };
}

export function analysisPaths(): Record<string, OpenApiPathItem> {
  const body = (schemaName: string) => ({ required: true, ...json(schemaRef(schemaName)) });
  return {
    '/api/metadata/process-registry': { get: operation('getProcessRegistry', 'The guards and actions processes may name, for palettes and editors', 'metadata', 'ProcessRegistry', { parameters: [LOCALE] }) },
    '/api/metadata/processes': { get: operation('listProcessMetadata', 'The published processes', 'metadata', 'ProcessSummaryList', { parameters: [LOCALE] }) },
    '/api/metadata/processes/{name}': {
      parameters: [nameParameter('process')],
      get: operation('getProcessMetadata', 'One process with its states', 'metadata', 'ProcessMetadata', { responses: errorResponses('NotFound') }),
    },
    '/api/metadata/processes/{name}/simulate': {
      parameters: [nameParameter('process')],
      post: operation('simulateProcess', 'A dry run of events against a sample record (writes nothing)', 'metadata', 'SimulationResult', { requestBody: body('SimulationRequest'), responses: errorResponses('BadRequest', 'NotFound', 'ValidationFailed') }),
    },
    '/api/metadata/processes/{name}/running': {
      parameters: [nameParameter('process')],
      get: operation('getRunningProcessRecords', 'How many records run each version of the process, and where (administrators)', 'metadata', 'ProcessRunning', { responses: errorResponses('Forbidden', 'NotFound') }),
    },
    '/api/metadata/processes/{name}/migrate': {
      parameters: [nameParameter('process')],
      post: operation('migrateProcess', 'Move records from an older version of the process to the live one (administrators)', 'metadata', 'MigrationReport', { requestBody: body('MigrationRequest'), responses: errorResponses('BadRequest', 'Forbidden', 'NotFound', 'ValidationFailed') }),
    },
    '/api/reports': { get: operation('listReports', 'The reports the caller may run', 'reports', 'ReportList', { parameters: [LOCALE], responses: errorResponses('BadRequest') }) },
    '/api/reports/{name}': {
      parameters: [nameParameter('report')],
      get: operation('runReport', 'Run a report with its parameters (query string by parameter name)', 'reports', 'ReportResult', {
        parameters: [LOCALE, { name: 'parameters', in: 'query', style: 'form', explode: true, description: 'The report\'s parameters, each by its name.', schema: { type: 'object', additionalProperties: { type: 'string' } } }],
        responses: errorResponses('BadRequest', 'Forbidden', 'NotFound'),
      }),
    },
    '/api/boards': { get: operation('listBoards', 'The boards the caller may open', 'boards', 'BoardList') },
    '/api/boards/{name}': {
      parameters: [nameParameter('board')],
      get: operation('getBoard', 'A board\'s columns with counts and sums', 'boards', 'Board', { parameters: LIST_FILTERS, responses: errorResponses('BadRequest', 'Forbidden', 'NotFound') }),
    },
    '/api/boards/{name}/columns/{value}': {
      parameters: [nameParameter('board'), { name: 'value', in: 'path', required: true, description: 'The column (a value of the group-by field).', schema: { type: 'string' } }],
      get: operation('listBoardCards', 'A page of one column\'s cards (the card fields)', 'boards', 'BoardCards', {
        parameters: [...LIST_FILTERS, { name: 'sort', in: 'query', schema: { type: 'string' } }, parameterRef('page'), parameterRef('pageSize'), parameterRef('fields'), parameterRef('expand'), parameterRef('count')],
        responses: errorResponses('BadRequest', 'Forbidden', 'NotFound'),
      }),
    },
  };
}
