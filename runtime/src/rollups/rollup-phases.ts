// The roll-up capability's write phases: a write of a child locks its parents before anything
// reads them (the reference check's shared lock could not be upgraded without deadlocks), and
// recomputes the parents' aggregates once the row is written — for a delete, those of every
// record the cascade removed.
import type { RecordWriteContext } from '../records/pipeline/write-context';
import type { RecordWritePhase } from '../records/pipeline/write-pipeline';
import type { RecordData } from '../records/record-rows';
import { feedsRollups, lockRollupParents, lockRollupParentsOf, refreshRollups } from './rollup-maintenance';

/** The rows whose parent keys matter: the new record, or the record before and after. */
function rowsOf(context: RecordWriteContext): RecordData[] {
  return context.before ? [context.before, context.after] : [context.after];
}

export const rollupPhases: readonly RecordWritePhase[] = [
  {
    name: 'lockRollupParents',
    async run(context, transaction) {
      const { operation, entity } = context;
      if (!feedsRollups(operation, entity)) return;
      // A path that reads the row in its transaction has not read it yet: the parents are found from the stored keys.
      if (context.kind !== 'create' && !context.before) await lockRollupParentsOf(operation, entity, context.id, transaction);
      else await lockRollupParents(operation, entity, rowsOf(context), transaction);
    },
  },
  {
    name: 'refreshRollups',
    async run(context, transaction) {
      const { operation, entity } = context;
      if (context.deletedRollupRows) {
        for (const [child, rows] of context.deletedRollupRows) await refreshRollups(operation, child, rows, transaction);
      } else if (feedsRollups(operation, entity)) {
        await refreshRollups(operation, entity, rowsOf(context), transaction);
      }
    },
  },
];
