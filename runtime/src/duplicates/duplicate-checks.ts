// The duplicate check of a create: a new record matching readable records on the entity's
// duplicate rules is refused (409 `duplicate`) unless the writer confirmed it (?confirm=duplicate).
// It holds under concurrency: the check runs inside the create's transaction after taking the
// write locks of the record's rule values (see db/write-locks), so of two creates racing with the
// same e-mail the second waits for the first to commit and then finds it. SQLite's writes are
// serial already. On MySQL a caller's transaction (an import, a conversion) may have read before
// the lock was taken, so its snapshot is older than the lock: there the committed rows are
// checked too, outside it, besides the transaction's own.
import type { Transaction } from 'sequelize';
import { prepareWriteLocks, takeWriteLocks, writeLockKey } from '../db/write-locks';
import type { CompiledEntity } from '../live/compiled-types';
import type { RecordContext } from '../records/record-context';
import type { RecordData } from '../records/record-rows';
import { DuplicateRecordError } from './duplicate-error';
import { duplicateKeysOf, findDuplicateCandidates } from './duplicate-matching';

/** The write locks the check of `record` takes; their rows are created here, before any transaction. */
export async function prepareDuplicateCheck(context: RecordContext, entity: CompiledEntity, record: RecordData): Promise<string[]> {
  const locks = duplicateKeysOf(entity, record).map((key) => writeLockKey(entity.name, key));
  await prepareWriteLocks(context.database, locks, context.knownSequences);
  return locks;
}

/** Inside the create's transaction, before its INSERT: takes the locks, then looks for candidates. */
export async function requireNoDuplicates(context: RecordContext, entity: CompiledEntity, record: RecordData, locks: readonly string[], transaction: Transaction): Promise<void> {
  await takeWriteLocks(context.database, transaction, locks);
  let candidates = await findDuplicateCandidates(context, entity, record, undefined, transaction);
  if (candidates.length === 0 && context.transaction !== undefined && context.database.dialect === 'mysql' && locks.length > 0) {
    candidates = await findDuplicateCandidates(context, entity, record, undefined);
  }
  if (candidates.length > 0) throw new DuplicateRecordError(entity.name, candidates);
}
