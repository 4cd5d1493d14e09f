// Re-running an entity's assignment rules on an existing record (`POST …/:id/assign`): for a
// record captured before the rules existed, or whose territory or source was corrected. Like a
// reassignment it needs update access (404 / 403) and the privilege to set the assigned field;
// the owner changes in one transaction with an `ownerChange` audit row naming the rule.
import { ForbiddenError, NotFoundError } from '@stagecraft/core';
import { accessOf, requireRecordAccess } from '../access/record-access';
import { withoutHiddenFields } from '../access/visible-entity';
import { auditRecordWrite } from '../audit/record-audit';
import { BindParameters } from '../db/database';
import { readRecord, recordNotFound } from '../records/operations/get-record';
import { staleVersion } from '../records/operations/update-record';
import { entityOf, type RecordContext } from '../records/record-context';
import type { RecordData } from '../records/record-rows';
import { toSqlDateTime } from '../records/value-kinds';
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
  return context.database.transaction(async (transaction) => {
    const current = await readRecord(context, entity, id, { fields: entity.fieldList, sql: entity.selectAll }, transaction, true);
    if (!current) throw recordNotFound(entity, id);
    if (options.expectedVersion !== undefined && current.version !== options.expectedVersion) throw staleVersion(entity, id, current.version);
    const routed: RecordData = { ...current };
    const assignment = await applyAssignmentRules({ ...context, transaction }, entity, routed, transaction);
    if (!assignment || assignment.user === current[field]) return { record: withoutHiddenFields(current, access), assignment: assignment ?? null };
    const now = context.now();
    const column = entity.fields.get(field);
    const params = new BindParameters();
    const q = (identifier: string): string => context.database.quote(identifier);
    const sql =
      `UPDATE ${entity.tableSql} SET ${column?.sql ?? q(field)} = ${params.add(assignment.user)}, ${q('version')} = ${q('version')} + 1, ${q('updated_at')} = ${params.add(toSqlDateTime(now))} ` +
      `WHERE ${q('id')} = ${params.add(id)} AND ${q('version')} = ${params.add(current.version)}`;
    if ((await context.database.update(sql, params.values, transaction)) === 0) throw staleVersion(entity, id, current.version);
    await auditRecordWrite(context, transaction, 'ownerChange', entity.name, id, { [field]: { before: current[field] ?? null, after: assignment.user }, assignmentRule: assignment.rule });
    const record: RecordData = { ...current, [field]: assignment.user, version: Number(current.version) + 1, updatedAt: now.toISOString() };
    return { record: withoutHiddenFields(record, access), assignment };
  });
}
