// The duplicate check of a create: a new record matching readable records on the entity's
// duplicate rules is refused (409 `duplicate`) unless the writer confirmed it (?confirm=duplicate).
// It is advice, not a constraint: two creates racing may both pass, and merge cleans up after.
import type { Transaction } from 'sequelize';
import type { CompiledEntity } from '../live/compiled-types';
import type { RecordContext } from '../records/record-context';
import type { RecordData } from '../records/record-rows';
import { DuplicateRecordError } from './duplicate-error';
import { findDuplicateCandidates } from './duplicate-matching';

export async function requireNoDuplicates(context: RecordContext, entity: CompiledEntity, record: RecordData, transaction?: Transaction): Promise<void> {
  const candidates = await findDuplicateCandidates(context, entity, record, undefined, transaction);
  if (candidates.length > 0) throw new DuplicateRecordError(entity.name, candidates);
}
