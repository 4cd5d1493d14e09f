// Update (PATCH) operation: read input → validate → read the current row → merge → formulas →
// UPDATE … WHERE id = ? AND version = ? (optimistic concurrency) → link rows → respond.
// The expected version comes from If-Match or the body's `version`; without one the update still
// only applies to the version it was merged with, so a concurrent change is a 409, never lost.
import { BadRequestError, ConflictError, ValidationError } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import { accessOf, requireRecordAccess } from '../../access/record-access';
import { checkOverlapRules, touchesOverlapRules } from '../../calendar/overlap-rules';
import { withoutHiddenFields } from '../../access/visible-entity';
import { requireWritableProperties } from '../../access/write-guards';
import { BindParameters } from '../../db/database';
import type { CompiledEntity } from '../../live/compiled-types';
import { changedFields } from '../../audit/record-changes';
import { auditMembershipChange } from '../../audit/permission-audit';
import { auditRecordWrite } from '../../audit/record-audit';
import { endCredentialsOnActiveChange, identityWriteProblems } from '../../identity/identity-writes';
import { feedsRollups, lockRollupParents, refreshRollups } from '../../rollups/rollup-maintenance';
import { computeFormulas } from '../formulas';
import { readLinks, writeLinks } from '../links';
import { entityOf, type RecordContext } from '../record-context';
import { encodeValue, storedValue, type RecordData } from '../record-rows';
import { checkReferences, hasReferencesToCheck } from '../reference-checks';
import { asUniqueConflict } from '../unique-conflicts';
import { readWriteInput, validateValues } from '../write-input';
import { readRecord, recordNotFound } from './get-record';

export interface UpdateOptions {
  /** The version from an If-Match header. */
  expectedVersion?: number;
  /** Rules the writer confirmed breaking (overlap rules by name). */
  confirm?: readonly string[];
}

export function staleVersion(entity: CompiledEntity, id: string, currentVersion: unknown): ConflictError {
  return new ConflictError(`The ${entity.name} record "${id}" was changed by someone else; reload it and try again`, [
    { path: '/version', message: `the current version is ${String(currentVersion)}`, code: 'staleVersion' },
  ]);
}

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

  const now = context.now();
  const merged: RecordData = { ...current, ...input.values };
  computeFormulas(entity, merged, now);
  merged.version = Number(current.version) + 1;
  merged.updatedAt = now.toISOString();

  const params = new BindParameters();
  const changed = entity.fieldList.filter((field) => field.name in input.values || field.definition?.type === 'formula' || field.name === 'version' || field.name === 'updatedAt');
  const assignments = changed.map((field) => `${field.sql} = ${params.add(encodeValue(field, merged[field.name]))}`).join(', ');
  const q = (identifier: string): string => context.database.quote(identifier);
  const sql = `UPDATE ${entity.tableSql} SET ${assignments} WHERE ${q('id')} = ${params.add(id)} AND ${q('version')} = ${params.add(current.version)}`;

  const result: RecordData = {};
  for (const field of entity.fieldList) result[field.name] = storedValue(field, merged[field.name]);
  for (const [name, ids] of input.links) result[name] = ids;

  let afterCommit: (() => void) | undefined;
  const write = async (transaction: Transaction): Promise<void> => {
    // Roll-ups over this entity: the parents before and after the change are locked first (before the
    // reference check's shared lock, which could not be upgraded without deadlocks) and recomputed after.
    const isRollupChild = feedsRollups(context, entity);
    if (isRollupChild) await lockRollupParents(context, entity, [current, merged], transaction);
    if (hasReferencesToCheck(entity, input.values, input.links)) await checkReferences(context, entity, input.values, input.links, transaction);
    const updated = await context.database.update(sql, params.values, transaction);
    if (updated === 0) {
      const now = await readRecord(context, entity, id, { fields: entity.fieldList.filter((field) => field.name === 'version'), sql: q('version') }, transaction);
      throw now ? staleVersion(entity, id, now.version) : recordNotFound(entity, id);
    }
    if (isRollupChild) await refreshRollups(context, entity, [current, merged], transaction);
    if (touchesOverlapRules(entity, Object.keys(input.values))) await checkOverlapRules(context, entity, merged, transaction);
    // The workflow engine moves timers due at a date field that changed.
    afterCommit = await context.hooks?.afterUpdate?.(context, entity, merged, changed.map((field) => field.name), transaction);
    const before: RecordData = { ...current };
    for (const [name, ids] of await readLinks(context, entity, id, input.links.keys(), transaction)) before[name] = ids;
    await writeLinks(context, entity, id, input.links, transaction, true);
    // Link sets compare as sets: both sides sorted.
    const after: RecordData = { ...result };
    for (const [name, ids] of input.links) after[name] = [...ids].sort();
    const names = [...changed.map((field) => field.name), ...input.links.keys()];
    const changes = changedFields(before, after, names);
    await auditRecordWrite(context, transaction, 'update', entity.name, id, changes);
    await auditMembershipChange({ database: context.database, actor: context.actor, origin: context.origin, at: context.now() }, entity.name, id, changes, transaction);
    await endCredentialsOnActiveChange(context.database, entity.name, id, current, merged, transaction);
  };
  try {
    // Inside a caller's transaction (an import's) the write joins it; its commit or rollback decides.
    if (context.transaction) await write(context.transaction);
    else await context.database.transaction(write);
  } catch (error) {
    throw asUniqueConflict(entity, error);
  }
  // Inside a caller's transaction nothing is committed yet; the timer sweeper queues what it armed.
  if (!context.transaction) afterCommit?.();
  return withoutHiddenFields(result, access);
}
