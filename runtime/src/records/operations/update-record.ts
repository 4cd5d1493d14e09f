// Update (PATCH) operation: access → read the current row → read input → validate → merge →
// the record-write pipeline (UPDATE … WHERE id = ? AND version = ?: optimistic concurrency) → respond.
// The expected version comes from If-Match or the body's `version`; without one the update still
// only applies to the version it was merged with, so a concurrent change is a 409, never lost.
import { BadRequestError, ValidationError } from '@stagecraft/core';
import { accessOf, requireRecordAccess } from '../../access/record-access';
import { withoutHiddenFields } from '../../access/visible-entity';
import { requireWritableProperties } from '../../access/write-guards';
import { identityWriteProblems } from '../../identity/identity-writes';
import { runRecordWrite } from '../pipeline/record-write-pipeline';
import { staleVersion } from '../pipeline/versioned-update';
import type { RecordWriteContext } from '../pipeline/write-context';
import { entityOf, type RecordContext } from '../record-context';
import type { RecordData } from '../record-rows';
import { readWriteInput, validateValues } from '../write-input';
import { readRecord, recordNotFound } from './get-record';

export interface UpdateOptions {
  /** The version from an If-Match header. */
  expectedVersion?: number;
  /** Rules the writer confirmed breaking (overlap rules by name). */
  confirm?: readonly string[];
}

/** Where the other write paths have always found it. */
export { staleVersion } from '../pipeline/versioned-update';

export async function updateRecord(context: RecordContext, entityName: string, id: string, body: unknown, options: UpdateOptions = {}): Promise<RecordData> {
  const entity = entityOf(context, entityName);
  const access = accessOf(context, entity);
  // Someone else's record is not found before anything about the body is said.
  await requireRecordAccess(context, entity, id, 'update', () => recordNotFound(entity, id), context.transaction);
  const current = await readRecord(context, entity, id, { fields: entity.fieldList, sql: entity.selectAll }, context.transaction);
  if (!current) throw recordNotFound(entity, id);
  requireWritableProperties(entity, access, body, current);
  const input = readWriteInput(entity, body, 'update');
  if (options.expectedVersion !== undefined && input.expectedVersion !== undefined && options.expectedVersion !== input.expectedVersion) {
    throw new BadRequestError('If-Match and the body\'s version disagree', [{ path: '/version', message: `If-Match says ${options.expectedVersion}`, code: 'versionMismatch' }]);
  }
  const expectedVersion = options.expectedVersion ?? input.expectedVersion;
  input.problems.push(...identityWriteProblems(entity.name, input.values));
  validateValues(entity, input, 'update');

  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion(entity, id, current.version);
  const hookProblems = context.hooks?.updateProblems?.(context, entity, input.values, current) ?? [];
  if (hookProblems.length > 0) throw new ValidationError(`The ${entity.name} record is not valid`, hookProblems);

  // Nothing to change: answer with the record as it is rather than minting a new version.
  if (Object.keys(input.values).length === 0 && input.links.size === 0) return withoutHiddenFields(current, access);

  // The record-write pipeline, kind `update`: lock roll-up parents → references → formulas →
  // UPDATE … WHERE id = ? AND version = ? → roll-ups → overlap rules → timers → links → audit.
  const write: RecordWriteContext = {
    kind: 'update', operation: context, entity, id, now: context.now(), before: current,
    after: { ...current, ...input.values }, fields: Object.keys(input.values), sent: input.values, links: input.links, afterCommit: [],
  };
  await runRecordWrite(write);
  return withoutHiddenFields(write.stored ?? {}, access);
}
