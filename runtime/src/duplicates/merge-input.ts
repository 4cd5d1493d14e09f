// The body of `POST /api/records/:entity/:id/merge`: `{ from: [ids], fields?: { field: sourceId }, version? }`.
// `from` lists the records merged into this one (the survivor) and deleted; `fields` picks, per
// field, which record's value the survivor keeps (default: its own, or the first filled value of
// the others in `from` order). A field the caller may not write cannot be picked (403, as in a PATCH).
import { BadRequestError, ForbiddenError, ValidationError, type EntityAccess, type Problem } from '@stagecraft/core';
import type { CompiledEntity } from '../live/compiled-types';
import { isRecordId } from '../records/record-id';
import { pointerSegment } from '../records/validation-problems';
import { isPlainObject } from '../records/write-input';

export interface MergeInput {
  from: string[];
  /** Field → the id of the record whose value the survivor keeps. */
  fields: Map<string, string>;
  expectedVersion?: number;
}

/** Most records merged into one at once. */
export const MAX_MERGED = 10;
const PROPERTIES = new Set(['from', 'fields', 'version']);

export function readMergeInput(entity: CompiledEntity, access: EntityAccess, survivorId: string, body: unknown): MergeInput {
  if (!isPlainObject(body)) throw new BadRequestError('The request body must be a JSON object');
  const problems: Problem[] = [];
  for (const name of Object.keys(body)) if (!PROPERTIES.has(name)) problems.push({ path: `/${pointerSegment(name)}`, message: 'is not a merge property (from, fields, version)', code: 'unknownField' });
  const input: MergeInput = { from: [], fields: new Map() };
  const from = body.from;
  if (!Array.isArray(from) || from.length === 0 || from.length > MAX_MERGED || !from.every((id) => typeof id === 'string' && isRecordId(id))) {
    problems.push({ path: '/from', message: `must list 1 to ${MAX_MERGED} ids of ${entity.name} records to merge into this one`, code: 'type' });
  } else {
    input.from = [...new Set(from as string[])];
    if (input.from.includes(survivorId)) problems.push({ path: '/from', message: 'cannot include the record merged into', code: 'invalidMerge' });
  }
  if (body.version !== undefined) {
    if (typeof body.version === 'number' && Number.isSafeInteger(body.version) && body.version > 0) input.expectedVersion = body.version;
    else problems.push({ path: '/version', message: 'must be the record version you read (a positive whole number)', code: 'type' });
  }
  const forbidden: Problem[] = [];
  if (body.fields !== undefined && !isPlainObject(body.fields)) problems.push({ path: '/fields', message: 'must be an object: field → id of the record whose value to keep', code: 'type' });
  for (const [name, sourceId] of Object.entries(isPlainObject(body.fields) ? body.fields : {})) {
    const path = `/fields/${pointerSegment(name)}`;
    const field = entity.fields.get(name);
    const level = access.fieldAccess(name);
    if (!field || level === 'hidden') problems.push({ path, message: `is not a field of ${entity.name}`, code: 'unknownField' });
    else if (!field.isWritable) problems.push({ path, message: 'is computed by the server', code: 'readOnly' });
    else if (level !== 'editable') forbidden.push({ path, message: 'is read-only for you', code: 'readOnlyField' });
    else if (typeof sourceId !== 'string' || (sourceId !== survivorId && !input.from.includes(sourceId))) problems.push({ path, message: 'must be the id of this record or of one listed in "from"', code: 'invalidMerge' });
    else input.fields.set(name, sourceId);
  }
  if (problems.length > 0) throw new ValidationError('The merge request is not valid', problems);
  if (forbidden.length > 0) throw new ForbiddenError(`You may not choose these fields of ${entity.name}`, forbidden);
  return input;
}
