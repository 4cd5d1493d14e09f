// Re-running an entity's assignment rules on an existing record (`POST …/:id/assign`): for a
// record captured before the rules existed, or whose territory or source was corrected. Like a
// reassignment it needs update access (404 / 403) and the privilege to set the assigned field;
// the owner changes in one transaction with an `ownerChange` audit row naming the rule.
import { ForbiddenError, NotFoundError } from '@stagecraft/core';
import { accessOf, requireRecordAccess } from '../access/record-access';
import { withoutHiddenFields } from '../access/visible-entity';
import { readRecord, recordNotFound } from '../records/operations/get-record';
import { runRecordWrite } from '../records/pipeline/record-write-pipeline';
import { staleVersion } from '../records/pipeline/versioned-update';
import type { RecordWriteContext } from '../records/pipeline/write-context';
import { entityOf, type RecordContext } from '../records/record-context';
import type { RecordData } from '../records/record-rows';
import { applyAssignmentRules, assignmentFieldOf, type Assignment } from './assignment-rules';

export interface AssignResult {
  record: RecordData;
  /** null when no rule found anyone: the record keeps its owner. */
  assignment: Assignment | null;
}

export async function assignRecord(context: RecordContext, entityName: string, id: string, options: { expectedVersion?: number } = {}): Promise<AssignResult> {
  const entity = entityOf(context, entityName);
  const access = accessOf(context, entity);
  const definition = entity.document.assignment;
  const field = definition ? assignmentFieldOf(context, entity, definition) : undefined;
  await requireRecordAccess(context, entity, id, 'update', () => recordNotFound(entity, id));
  if (!definition || field === undefined) throw new NotFoundError(`${entity.name} records have no assignment rules`);
  if (access.fieldAccess(field) !== 'editable') {
    throw new ForbiddenError(`You may not assign ${entity.name} records`, [{ path: `/${field}`, message: 'assigning needs the privilege to set this field', code: 'readOnlyField' }]);
  }
  let assignment: Assignment | undefined;
  let current: RecordData | undefined;
  // The record-write pipeline, kind `assign`: lock roll-up parents → load (the locked read and the
  // rules; nothing is written when they pick nobody new) → formulas → UPDATE … WHERE version →
  // roll-ups → timers → the `ownerChange` audit row naming the rule.
  const write: RecordWriteContext = {
    kind: 'assign', operation: context, entity, id, now: context.now(), after: {}, fields: [field], sent: {}, links: new Map(), afterCommit: [],
    load: async (transaction) => {
      const row = await readRecord(context, entity, id, { fields: entity.fieldList, sql: entity.selectAll }, transaction, true);
      if (!row) throw recordNotFound(entity, id);
      current = row;
      if (options.expectedVersion !== undefined && current.version !== options.expectedVersion) throw staleVersion(entity, id, current.version);
      const routed: RecordData = { ...current };
      assignment = await applyAssignmentRules({ ...context, transaction }, entity, routed, transaction);
      if (!assignment || assignment.user === current[field]) return false;
      write.before = current;
      write.after = { ...current, [field]: assignment.user };
      write.audit = { changes: { [field]: { before: current[field] ?? null, after: assignment.user } }, note: { assignmentRule: assignment.rule } };
      return true;
    },
  };
  await runRecordWrite(write);
  return { record: withoutHiddenFields(write.stored ?? current ?? {}, access), assignment: assignment ?? null };
}
