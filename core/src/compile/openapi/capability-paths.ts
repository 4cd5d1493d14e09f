// The routes an entity's capabilities turn on, in OpenAPI: likely duplicates and merge (for an
// entity with `duplicates`), conversion (`conversion`) and re-running assignment rules
// (`assignment`). Entities without them get none of these paths.
import type { EntityDocument } from '../../model/entity';
import { resolveText } from '../../model/label';
import type { JsonSchema } from '../json-schema';
import type { EntityComponentNames } from './component-names';
import { pascalCaseOf } from './component-names';
import { errorResponses, parameterRef, schemaRef } from './openapi-components';
import type { OpenApiPathItem } from './openapi-types';

const json = (schema: JsonSchema): { content: Record<string, { schema: JsonSchema }> } => ({ content: { 'application/json': { schema } } });
const ID_LIST: JsonSchema = { type: 'array', items: { type: 'string' } };

export const CAPABILITY_SCHEMAS: Record<string, JsonSchema> = {
  DuplicateCandidates: {
    type: 'object',
    description: 'Readable records matching this one on a duplicate rule (at most 20).',
    properties: { data: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, label: { type: ['string', 'null'] }, matchedOn: ID_LIST, fields: ID_LIST }, required: ['id', 'matchedOn'] } } },
    required: ['data'],
  },
  MergeRequest: {
    type: 'object',
    properties: {
      from: { ...ID_LIST, minItems: 1, maxItems: 10, description: 'The records merged into this one and deleted.' },
      fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'Field → id of the record (this one or one in from) whose value to keep; default: this record\'s, else the first filled one.' },
      version: { type: 'integer' },
    },
    required: ['from'],
  },
  ConversionRequest: {
    type: 'object',
    properties: {
      version: { type: 'integer' },
      targets: {
        type: 'object',
        description: 'Per target name: id (attach an existing record), create (ask for an optional target, or force a new record over a match), values (override the mapped fields).',
        additionalProperties: { type: 'object', properties: { id: { type: 'string' }, create: { type: 'boolean' }, values: { type: 'object' } } },
      },
    },
  },
  ConversionTargets: {
    type: 'object',
    additionalProperties: { type: 'object', properties: { entity: { type: 'string' }, id: { type: 'string' }, created: { type: 'boolean' } }, required: ['entity', 'id', 'created'] },
  },
};

export function capabilityPaths(entity: EntityDocument, own: EntityComponentNames, locale: string): Record<string, OpenApiPathItem> {
  const label = resolveText(entity.label, locale) || entity.name;
  const pascal = pascalCaseOf(entity.name);
  const tags = [entity.name];
  const base = `/api/records/${entity.name}/{id}`;
  const parameters = [parameterRef('recordId')];
  const paths: Record<string, OpenApiPathItem> = {};
  if (entity.duplicates) {
    paths[`${base}/duplicates`] = {
      parameters,
      get: {
        operationId: `list${pascal}Duplicates`, summary: `Likely duplicates of the ${label}`, tags,
        description: 'By the entity\'s duplicate rules (e-mails lower-cased, phones by digits, text without case, spaces or punctuation); only records the caller may read, only rules over fields they may see.',
        responses: { '200': { description: 'The candidates.', ...json(schemaRef('DuplicateCandidates')) }, ...errorResponses('NotFound') },
      },
    };
    paths[`${base}/merge`] = {
      parameters,
      post: {
        operationId: `merge${pascal}`, summary: `Merge other ${label} records into this one`, tags,
        description: 'One transaction: values chosen or filled, links united, every reference to the merged records repointed here, the merged records deleted, audit rows. Needs update access here and delete access there.',
        parameters: [parameterRef('ifMatch')],
        requestBody: { required: true, ...json(schemaRef('MergeRequest')) },
        responses: {
          '200': { description: 'The survivor, the merged ids and the repointed references.', ...json({ type: 'object', properties: { data: schemaRef(own.read), merged: ID_LIST, repointed: { type: 'array', items: { type: 'object', properties: { entity: { type: 'string' }, field: { type: 'string' }, ids: ID_LIST } } } }, required: ['data', 'merged', 'repointed'] }) },
          ...errorResponses('BadRequest', 'Forbidden', 'NotFound', 'Conflict', 'ValidationFailed'),
        },
      },
    };
  }
  if (entity.conversion) {
    paths[`${base}/convert`] = {
      parameters,
      post: {
        operationId: `convert${pascal}`, summary: `Convert the ${label} into ${entity.conversion.targets.map((target) => target.name).join(', ')}`, tags,
        description: 'One transaction; 409 alreadyConverted when it was converted before (two at once: one wins); created records go through the create pipeline (permissions, validation, duplicates — confirm with ?confirm=duplicate —, processes, audit).',
        parameters: [parameterRef('ifMatch')],
        requestBody: { required: false, ...json(schemaRef('ConversionRequest')) },
        responses: {
          '200': { description: 'The converted record and what it became.', ...json({ type: 'object', properties: { data: schemaRef(own.read), targets: schemaRef('ConversionTargets') }, required: ['data', 'targets'] }) },
          ...errorResponses('BadRequest', 'Forbidden', 'NotFound', 'Conflict', 'ValidationFailed'),
        },
      },
    };
  }
  if (entity.assignment) {
    paths[`${base}/assign`] = {
      parameters,
      post: {
        operationId: `assign${pascal}`, summary: `Run the ${label}'s assignment rules again`, tags,
        description: 'Needs update access and the privilege to set the assigned field; assignment is null when no rule found anyone (the record keeps its owner).',
        parameters: [parameterRef('ifMatch')],
        responses: {
          '200': { description: 'The record and the rule that decided.', ...json({ type: 'object', properties: { data: schemaRef(own.read), assignment: { type: ['object', 'null'], properties: { field: { type: 'string' }, user: { type: 'string' }, rule: { type: 'string' } } } }, required: ['data', 'assignment'] }) },
          ...errorResponses('Forbidden', 'NotFound', 'Conflict'),
        },
      },
    };
  }
  return paths;
}
