// Create operation, as a pipeline of named phases: access (may create? may write each field?) →
// read input → owner and partner account → defaults → validate →
// (transaction: duplicates → check references → autonumbers → formulas → insert → link rows → audit) → respond.
import type { Transaction } from 'sequelize';
import { accessOf, requireOperation } from '../../access/record-access';
import { checkOverlapRules } from '../../calendar/overlap-rules';
import { withoutHiddenFields } from '../../access/visible-entity';
import { applyAssignmentRules, needsAssignment } from '../../assignment/assignment-rules';
import { DUPLICATE_CONFIRMATION } from '../../duplicates/duplicate-error';
import { prepareDuplicateCheck, requireNoDuplicates } from '../../duplicates/duplicate-checks';
import { identityWriteProblems } from '../../identity/identity-writes';
import { feedsRollups, lockRollupParents, refreshRollups } from '../../rollups/rollup-maintenance';
import { emptyRollupValues } from '../../rollups/rollup-targets';
import { assignCreatorValues, requireWritableProperties } from '../../access/write-guards';
import { changedFields } from '../../audit/record-changes';
import { auditRecordWrite } from '../../audit/record-audit';
import { assignAutonumbers, prepareAutonumbers } from '../autonumbers';
import { computeFormulas } from '../formulas';
import { writeLinks } from '../links';
import { entityOf, type RecordContext } from '../record-context';
import type { AfterInsert } from '../record-hooks';
import { newRecordId } from '../record-id';
import { encodeValue, storedValue, type RecordData } from '../record-rows';
import { checkReferences, hasReferencesToCheck } from '../reference-checks';
import { asUniqueConflict } from '../unique-conflicts';
import { applyDefaults, readWriteInput, validateValues } from '../write-input';

export async function createRecord(context: RecordContext, entityName: string, body: unknown): Promise<RecordData> {
  const entity = entityOf(context, entityName);
  const access = accessOf(context, entity);
  requireOperation(access, 'create');
  requireWritableProperties(entity, access, body);
  const input = readWriteInput(entity, body, 'create');
  // Asked before the creator becomes the default owner: a record sent without one is the rules' to route.
  const isForAssignmentRules = needsAssignment(context, entity, input.values);
  assignCreatorValues(context.actor, access, input.values);
  input.problems.push(...(context.hooks?.createProblems?.(context, entity, input.values) ?? []));
  input.problems.push(...identityWriteProblems(entity.name, input.values));
  applyDefaults(entity, input.values);
  validateValues(entity, input, 'create');

  const now = context.now();
  const record: RecordData = {};
  for (const field of entity.fieldList) record[field.name] = field.isSystem ? null : (input.values[field.name] ?? null);
  record.id = newRecordId(now.getTime());
  record.version = 1;
  record.createdAt = now.toISOString();
  record.updatedAt = record.createdAt;
  for (const [name, value] of emptyRollupValues(entity)) record[name] = value;
  const isDuplicateChecked = entity.document.duplicates !== undefined && !context.confirmed?.has(DUPLICATE_CONFIRMATION);
  const duplicateLocks = isDuplicateChecked ? await prepareDuplicateCheck(context, entity, record) : [];

  await prepareAutonumbers(context, entity);
  const created: RecordData = {};
  let afterInsert: AfterInsert | undefined;
  const write = async (transaction: Transaction): Promise<void> => {
    // First in the transaction: the check must read after its locks are granted (see duplicate-checks).
    if (isDuplicateChecked) await requireNoDuplicates(context, entity, record, duplicateLocks, transaction);
    // Roll-up parents are locked before anything reads them (the reference check's shared lock would deadlock on upgrade).
    const isRollupChild = feedsRollups(context, entity);
    if (isRollupChild) await lockRollupParents(context, entity, [record], transaction);
    if (hasReferencesToCheck(entity, input.values, input.links)) await checkReferences(context, entity, input.values, input.links, transaction);
    await assignAutonumbers(context, entity, record, transaction);
    if (isForAssignmentRules) await applyAssignmentRules(context, entity, record, transaction);
    // The workflow engine starts the record's processes here: it sets the stage and entry fields before the INSERT.
    afterInsert = await context.hooks?.beforeInsert?.(context, entity, record, transaction);
    computeFormulas(entity, record, now);
    await context.database.insert(entity.insertSql, entity.fieldList.map((field) => encodeValue(field, record[field.name])), transaction);
    await afterInsert?.inTransaction();
    if (isRollupChild) await refreshRollups(context, entity, [record], transaction);
    if (entity.document.overlapRules) await checkOverlapRules(context, entity, record, transaction);
    await writeLinks(context, entity, String(record.id), input.links, transaction, false);
    for (const field of entity.fieldList) created[field.name] = storedValue(field, record[field.name]);
    for (const [name, ids] of input.links) created[name] = ids;
    await auditRecordWrite(context, transaction, 'create', entity.name, String(record.id), changedFields({}, created, Object.keys(created)));
  };
  try {
    if (context.transaction) await write(context.transaction);
    else await context.database.transaction(write);
  } catch (error) {
    throw asUniqueConflict(entity, error);
  }
  // Inside a caller's transaction nothing is committed yet; its own commit (or the sweeper) follows.
  if (!context.transaction) afterInsert?.afterCommit();
  return withoutHiddenFields(created, access);
}
