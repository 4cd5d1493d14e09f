// A record's actions beyond CRUD in OpenAPI: its history, what the caller may do with it and its
// reassignment for every entity,
// and for entities bound to a process the events one may send now, sending one, the process
// state with its log and starting the process on an older record.
import type { EntityDocument } from '../../model/entity';
import { resolveText } from '../../model/label';
import type { MetadataBundle } from '../../model/pack';
import type { JsonSchema } from '../json-schema';
import type { EntityComponentNames } from './component-names';
import { pascalCaseOf } from './component-names';
import { errorResponses, parameterRef, schemaRef } from './openapi-components';
import type { OpenApiPathItem } from './openapi-types';

const JSON_CONTENT = 'application/json';
const json = (schema: JsonSchema): { content: Record<string, { schema: JsonSchema }> } => ({ content: { [JSON_CONTENT]: { schema } } });

const TRANSITION_OPTION: JsonSchema = {
  type: 'object',
  properties: {
    event: { type: 'string' }, label: {}, target: {},
    allowed: { type: 'boolean' },
    reasons: { type: 'array', description: 'Why a blocked event is blocked, at field paths.', items: { type: 'object' } },
  },
  required: ['event', 'allowed'],
};

export const RECORD_ACTION_SCHEMAS: Record<string, JsonSchema> = {
  ProcessState: {
    type: 'object',
    properties: {
      process: { type: 'string' }, metadataVersion: { type: 'integer' }, state: { description: 'The state value (a name, or an object for nested and parallel states).' },
      stage: { type: 'string' }, done: { type: 'boolean' }, data: { type: 'array', items: TRANSITION_OPTION },
    },
    required: ['process', 'state', 'data'],
  },
  TransitionRequest: {
    type: 'object',
    properties: {
      event: { type: 'string' },
      data: { type: 'object', description: 'Field values the transition writes (field permissions apply; problems at /data/<field>).' },
      version: { type: 'integer', description: 'The record version the event is based on (or If-Match).' },
      process: { type: 'string', description: 'Which process, when the record runs several.' },
    },
    required: ['event'],
  },
  ProcessInstances: {
    type: 'object',
    description: 'The record\'s process instances: state, metadata version, armed timers and transition log (payload without the fields the reader may not see; action parameters for administrators only).',
    properties: { data: { type: 'array', items: { type: 'object', properties: { process: { type: 'string' }, metadataVersion: { type: 'integer' }, state: {}, status: { type: 'string' }, timers: { type: 'array', items: { type: 'object' } }, transitions: { type: 'array', items: { type: 'object' } } } } } },
    required: ['data'],
  },
  ReassignRequest: {
    type: 'object',
    properties: { owner: { type: 'string', description: 'The new owner (an active user\'s id).' }, carry: { type: 'boolean', default: true, description: 'false: move the record only, not the related records its handover names.' }, version: { type: 'integer' } },
    required: ['owner'],
  },
};

function hasProcess(entity: EntityDocument, bundle: MetadataBundle): boolean {
  return Object.values(bundle.processes).some((process) => process.entity === entity.name);
}

export function recordActionPaths(entity: EntityDocument, bundle: MetadataBundle, own: EntityComponentNames, locale: string): Record<string, OpenApiPathItem> {
  const label = resolveText(entity.label, locale) || entity.name;
  const pascal = pascalCaseOf(entity.name);
  const tags = [entity.name];
  const base = `/api/records/${entity.name}/{id}`;
  const parameters = [parameterRef('recordId')];
  const paths: Record<string, OpenApiPathItem> = {
    [`${base}/history`]: {
      parameters,
      get: {
        operationId: `get${pascal}History`, summary: `The ${label}'s audit history, oldest first unless asked otherwise`, tags,
        description: 'For those who may read the record; changes leave out the fields the reader may not see.',
        parameters: [parameterRef('page'), parameterRef('pageSize'), { name: 'order', in: 'query', description: 'oldestFirst (default) or newestFirst.', schema: { type: 'string', enum: ['oldestFirst', 'newestFirst'], default: 'oldestFirst' } }],
        responses: { '200': { description: 'A page of audit rows.', ...json(schemaRef('AuditPage')) }, ...errorResponses('BadRequest', 'NotFound') },
      },
    },
    [`${base}/permissions`]: {
      parameters,
      get: {
        operationId: `get${pascal}Permissions`, summary: `What the caller may do with the ${label} now`, tags,
        description: 'The entity grants and the record-level rules applied to this record, for showing only the actions that will work.',
        responses: {
          '200': {
            description: 'One flag per operation.',
            ...json({ type: 'object', properties: { data: { type: 'object', properties: { read: { type: 'boolean' }, update: { type: 'boolean' }, delete: { type: 'boolean' }, transition: { type: 'boolean' } }, required: ['read', 'update', 'delete', 'transition'] } }, required: ['data'] }),
          },
          ...errorResponses('NotFound'),
        },
      },
    },
    [`${base}/reassign`]: {
      parameters,
      post: {
        operationId: `reassign${pascal}`, summary: `Hand the ${label} (and what its handover names) to a new owner`, tags,
        parameters: [parameterRef('ifMatch')],
        requestBody: { required: true, ...json(schemaRef('ReassignRequest')) },
        responses: {
          '200': { description: 'The record and the carried records\' ids.', ...json({ type: 'object', properties: { data: schemaRef(own.read), carried: { type: 'array', items: { type: 'object', properties: { relation: { type: 'string' }, entity: { type: 'string' }, ids: { type: 'array', items: { type: 'string' } } } } } }, required: ['data', 'carried'] }) },
          ...errorResponses('BadRequest', 'Forbidden', 'NotFound', 'Conflict', 'ValidationFailed'),
        },
      },
    },
  };
  if (!hasProcess(entity, bundle)) return paths;
  const processParameter = { name: 'process', in: 'query' as const, description: 'Which process, when the record runs several.', schema: { type: 'string' as const } };
  paths[`${base}/transitions`] = {
    parameters,
    get: {
      operationId: `list${pascal}Transitions`, summary: `The events one may send the ${label} now, with reasons for the blocked ones`, tags,
      parameters: [processParameter],
      responses: { '200': { description: 'The process state and candidate events.', ...json(schemaRef('ProcessState')) }, ...errorResponses('NotFound') },
    },
    post: {
      operationId: `transition${pascal}`, summary: `Send an event to the ${label}'s process`, tags,
      description: 'One transaction: record, snapshot, log, audit row, timers and outbox. 409 when the state does not take the event or the version is stale; 422 when guards block it.',
      requestBody: { required: true, ...json(schemaRef('TransitionRequest')) },
      responses: {
        '200': { description: 'The record, its new state and next events.', ...json({ type: 'object', properties: { record: schemaRef(own.read) }, required: ['record'] }) },
        ...errorResponses('BadRequest', 'Forbidden', 'NotFound', 'Conflict', 'ValidationFailed'),
      },
    },
  };
  paths[`${base}/process`] = {
    parameters,
    get: {
      operationId: `get${pascal}Process`, summary: `The ${label}'s process instances, timers and transition log`, tags,
      responses: { '200': { description: 'The process instances.', ...json(schemaRef('ProcessInstances')) }, ...errorResponses('NotFound') },
    },
  };
  paths[`${base}/process/start`] = {
    parameters,
    post: {
      operationId: `start${pascal}Process`, summary: `Start the process of a ${label} created before it was published`, tags,
      parameters: [processParameter],
      responses: { '201': { description: 'The record and its started process.', ...json({ type: 'object', properties: { record: schemaRef(own.read) } }) }, ...errorResponses('BadRequest', 'Forbidden', 'NotFound', 'Conflict', 'ValidationFailed') },
    },
  };
  return paths;
}
