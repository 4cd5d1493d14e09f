// The body of `POST /api/records/:entity/:id/convert`, read and checked before anything is
// written: `{ version?, targets?: { <target>: { id?, create?, values? } } }`. `id` attaches an
// existing record instead of creating one; `create: true` asks for an optional target (or forces a
// new record where one would be matched); `values` override the mapped fields.
import { BadRequestError, ValidationError, type ConversionDefinition, type Problem } from '@stagecraft/core';
import { isRecordId } from '../records/record-id';
import { isPlainObject } from '../records/write-input';

export interface TargetRequest {
  id?: string;
  create?: boolean;
  values: Record<string, unknown>;
}

export interface ConversionInput {
  expectedVersion?: number;
  targets: Map<string, TargetRequest>;
}

const TARGET_PROPERTIES = new Set(['id', 'create', 'values']);

export function readConversionInput(body: unknown, conversion: ConversionDefinition): ConversionInput {
  const raw = body === undefined ? {} : body;
  if (!isPlainObject(raw)) throw new BadRequestError('The request body must be a JSON object');
  const problems: Problem[] = [];
  const input: ConversionInput = { targets: new Map() };
  for (const name of Object.keys(raw)) {
    if (name !== 'version' && name !== 'targets') problems.push({ path: `/${name}`, message: 'is not a conversion property (version, targets)', code: 'unknownField' });
  }
  if (raw.version !== undefined) {
    if (typeof raw.version === 'number' && Number.isSafeInteger(raw.version) && raw.version > 0) input.expectedVersion = raw.version;
    else problems.push({ path: '/version', message: 'must be the record version you read (a positive whole number)', code: 'type' });
  }
  const targets = raw.targets ?? {};
  if (!isPlainObject(targets)) problems.push({ path: '/targets', message: 'must be an object keyed by target name', code: 'type' });
  else {
    const known = new Map(conversion.targets.map((target) => [target.name, target]));
    for (const [name, value] of Object.entries(targets)) {
      const path = `/targets/${name}`;
      const target = known.get(name);
      if (!target) {
        problems.push({ path, message: `is not a target of this conversion (${[...known.keys()].join(', ')})`, code: 'unknownTarget' });
        continue;
      }
      if (!isPlainObject(value)) {
        problems.push({ path, message: 'must be an object: { id?, create?, values? }', code: 'type' });
        continue;
      }
      const request: TargetRequest = { values: {} };
      for (const key of Object.keys(value)) if (!TARGET_PROPERTIES.has(key)) problems.push({ path: `${path}/${key}`, message: 'is not a target property (id, create, values)', code: 'unknownField' });
      if (value.id !== undefined) {
        if (typeof value.id === 'string' && isRecordId(value.id)) request.id = value.id;
        else problems.push({ path: `${path}/id`, message: `must be the id of a ${target.entity} record`, code: 'type' });
      }
      if (value.create !== undefined) {
        if (typeof value.create !== 'boolean') problems.push({ path: `${path}/create`, message: 'must be true or false', code: 'type' });
        else if (!value.create && target.optional !== true) problems.push({ path: `${path}/create`, message: `the ${name} target is not optional`, code: 'required' });
        else request.create = value.create;
      }
      if (value.values !== undefined) {
        if (isPlainObject(value.values)) request.values = value.values;
        else problems.push({ path: `${path}/values`, message: 'must be an object of field values', code: 'type' });
      }
      if (request.id !== undefined && (request.create === true || Object.keys(request.values).length > 0)) {
        problems.push({ path: `${path}/id`, message: 'attaches an existing record: leave out create and values', code: 'conflictingOptions' });
      }
      input.targets.set(name, request);
    }
  }
  if (problems.length > 0) throw new ValidationError('The conversion request is not valid', problems);
  return input;
}
