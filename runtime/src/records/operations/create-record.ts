// Create operation: access (may create? may write each field?) → read input → owner and partner
// account → defaults → validate → the record-write pipeline (kind `create`: duplicates → lock
// roll-up parents → references → autonumbers → assignment rules → process start → formulas →
// INSERT → roll-ups → overlap rules → links → audit; see records/pipeline) → respond.
import { accessOf, requireOperation } from '../../access/record-access';
import { withoutHiddenFields } from '../../access/visible-entity';
import { needsAssignment } from '../../assignment/assignment-rules';
import { identityWriteProblems } from '../../identity/identity-writes';
import { emptyRollupValues } from '../../rollups/rollup-targets';
import { assignCreatorValues, requireWritableProperties } from '../../access/write-guards';
import { runRecordWrite } from '../pipeline/record-write-pipeline';
import type { RecordWriteContext } from '../pipeline/write-context';
import { entityOf, type RecordContext } from '../record-context';
import { newRecordId } from '../record-id';
import type { RecordData } from '../record-rows';
import { applyDefaults, readWriteInput, validateValues } from '../write-input';

export async function createRecord(context: RecordContext, entityName: string, body: unknown): Promise<RecordData> {
  const entity = entityOf(context, entityName);
  const access = accessOf(context, entity);
  requireOperation(access, 'create');
  requireWritableProperties(entity, access, body);
  const input = readWriteInput(entity, body, 'create');
  // Asked before the creator becomes the default owner: a record sent without one is the rules' to route.
  const routeByRules = needsAssignment(context, entity, input.values);
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

  const write: RecordWriteContext = {
    kind: 'create', operation: context, entity, id: String(record.id), now,
    after: record, fields: Object.keys(input.values), sent: input.values, links: input.links, routeByRules, afterCommit: [],
  };
  await runRecordWrite(write);
  return withoutHiddenFields(write.stored ?? {}, access);
}
