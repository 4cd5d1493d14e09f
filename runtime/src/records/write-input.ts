// The first phases of a write: read the request body into field values, many-to-many id lists
// and the expected version; note unknown, system and read-only properties by name; apply
// defaults; then validate with the version's compiled JSON Schema validator and report every
// problem of both phases in one ValidationError.
import { BadRequestError, SYSTEM_FIELDS, ValidationError, type Problem } from '@stagecraft/core';
import type { CompiledEntity } from '../live/compiled-types';
import { isRecordId } from './record-id';
import { pointerSegment, problemsFromAjv } from './validation-problems';

export type WriteMode = 'create' | 'update';

export interface WriteInput {
  /** Field values as sent ('' already turned into null). */
  values: Record<string, unknown>;
  /** Many-to-many relations being set: relation name → target ids (replacing the current set). */
  links: Map<string, string[]>;
  /** The `version` property of an update body. */
  expectedVersion?: number;
  /** Properties refused by name (unknown, system, read-only): reported with the value problems. */
  problems: Problem[];
}

/** Most ids one many-to-many value may list. */
export const MAX_LINKS_PER_RELATION = 1000;
const SYSTEM_FIELD_NAMES: ReadonlySet<string> = new Set(SYSTEM_FIELDS);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readWriteInput(entity: CompiledEntity, body: unknown, mode: WriteMode): WriteInput {
  if (!isPlainObject(body)) throw new BadRequestError('The request body must be a JSON object');
  const problems: Problem[] = [];
  const input: WriteInput = { values: {}, links: new Map(), problems };
  for (const [name, value] of Object.entries(body)) {
    const path = `/${pointerSegment(name)}`;
    const relation = entity.relations.get(name);
    if (name === 'version' && mode === 'update') {
      if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) input.expectedVersion = value;
      else problems.push({ path, message: 'must be the record version you read (a positive whole number)', code: 'type' });
    } else if (SYSTEM_FIELD_NAMES.has(name)) {
      problems.push({ path, message: 'is read-only', code: 'readOnly' });
    } else if (relation?.kind === 'manyToMany') {
      const ids = value === null ? [] : value;
      if (!Array.isArray(ids) || ids.length > MAX_LINKS_PER_RELATION || !ids.every((id) => typeof id === 'string' && isRecordId(id))) {
        problems.push({ path, message: `must be a list of up to ${MAX_LINKS_PER_RELATION} ${relation.entity} record ids`, code: 'type' });
      } else {
        input.links.set(name, [...new Set(ids as string[])]);
      }
    } else if (relation) {
      problems.push({ path, message: `is read-only: set ${relation.entity}.${relation.field} on the related records instead`, code: 'readOnly' });
    } else {
      const field = entity.fields.get(name);
      if (!field) problems.push({ path, message: `is not a field of ${entity.name}`, code: 'unknownField' });
      else if (!field.isWritable) problems.push({ path, message: 'is read-only', code: 'readOnly' });
      else input.values[name] = value === '' ? null : value;
    }
  }
  return input;
}

/** Fills absent properties with the fields' defaults (create only). */
export function applyDefaults(entity: CompiledEntity, values: Record<string, unknown>): void {
  for (const [name, value] of entity.defaults) {
    if (values[name] === undefined) values[name] = Array.isArray(value) ? [...value] : value;
  }
}

/**
 * Validates the values being written. Nulls mean "empty" and are checked here against
 * `required`; every other value goes through the version's JSON Schema validator.
 */
export function validateValues(entity: CompiledEntity, input: WriteInput, mode: WriteMode): void {
  const { values } = input;
  // Problems found while reading the body come first, so one answer lists everything wrong.
  const problems: Problem[] = [...input.problems];
  const present: Record<string, unknown> = {};
  for (const field of entity.fieldList) {
    if (!field.isWritable) continue;
    const value = values[field.name];
    const isEmpty = value === null || (mode === 'create' && value === undefined);
    // On update only properties being written are checked, so rows that predate a newly
    // required field stay editable until someone fills it.
    if (isEmpty && field.isRequired) problems.push({ path: `/${pointerSegment(field.name)}`, message: 'is required', code: 'required' });
    if (value !== null && value !== undefined) present[field.name] = value;
  }
  const validate = mode === 'create' ? entity.validateCreate : entity.validateUpdate;
  if (!validate(present)) {
    const seen = new Set(problems.map((problem) => problem.path));
    for (const problem of problemsFromAjv(validate.errors)) {
      const fieldName = problem.path.split('/')[1] ?? '';
      const field = entity.fields.get(fieldName);
      // Server-assigned fields (autonumber, formula) are never the client's to supply, and a
      // patch carries only what changes: required-ness is checked above.
      if (problem.code === 'required' && (mode === 'update' || (field && !field.isWritable))) continue;
      if (!seen.has(problem.path)) problems.push(problem);
      seen.add(problem.path);
    }
  }
  if (problems.length > 0) throw new ValidationError(`The ${entity.name} record is not valid`, problems);
}
