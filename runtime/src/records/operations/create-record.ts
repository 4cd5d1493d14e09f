// Create operation, as a pipeline of named phases: read input → defaults → validate →
// (transaction: check references → autonumbers → formulas → insert → link rows) → respond.
// A create that needs only the INSERT runs it alone: one statement is atomic without BEGIN/COMMIT.
import type { Transaction } from 'sequelize';
import { assignAutonumbers, prepareAutonumbers } from '../autonumbers';
import { computeFormulas } from '../formulas';
import { writeLinks } from '../links';
import { entityOf, type RecordContext } from '../record-context';
import { newRecordId } from '../record-id';
import { encodeValue, storedValue, type RecordData } from '../record-rows';
import { checkReferences, hasReferencesToCheck } from '../reference-checks';
import { asUniqueConflict } from '../unique-conflicts';
import { applyDefaults, readWriteInput, validateValues } from '../write-input';

export async function createRecord(context: RecordContext, entityName: string, body: unknown): Promise<RecordData> {
  const entity = entityOf(context, entityName);
  const input = readWriteInput(entity, body, 'create');
  applyDefaults(entity, input.values);
  validateValues(entity, input, 'create');

  const now = context.now();
  const record: RecordData = {};
  for (const field of entity.fieldList) record[field.name] = field.isSystem ? null : (input.values[field.name] ?? null);
  record.id = newRecordId(now.getTime());
  record.version = 1;
  record.createdAt = now.toISOString();
  record.updatedAt = record.createdAt;

  await prepareAutonumbers(context, entity);
  const write = async (transaction?: Transaction): Promise<void> => {
    if (transaction) {
      await checkReferences(context, entity, input.values, input.links, transaction);
      await assignAutonumbers(context, entity, record, transaction);
    }
    computeFormulas(entity, record, now);
    await context.database.insert(entity.insertSql, entity.fieldList.map((field) => encodeValue(field, record[field.name])), transaction);
    if (transaction) await writeLinks(context, entity, String(record.id), input.links, transaction, false);
  };
  const needsTransaction = entity.autonumbers.length > 0 || hasReferencesToCheck(entity, input.values, input.links);
  try {
    if (needsTransaction) await context.database.transaction(write);
    else await context.database.write(() => write());
  } catch (error) {
    throw asUniqueConflict(entity, error);
  }

  const created: RecordData = {};
  for (const field of entity.fieldList) created[field.name] = storedValue(field, record[field.name]);
  for (const [name, ids] of input.links) created[name] = ids;
  return created;
}
