// The duplicates capability's write phase: a create of an entity with duplicate rules is refused
// when it matches readable records, unless the writer confirmed it (?confirm=duplicate). The
// rule values' write locks are prepared before the transaction and taken first inside it.
import type { RecordWriteContext } from '../records/pipeline/write-context';
import type { RecordWritePhase } from '../records/pipeline/write-pipeline';
import { prepareDuplicateCheck, requireNoDuplicates } from './duplicate-checks';
import { DUPLICATE_CONFIRMATION } from './duplicate-error';

function isChecked(context: RecordWriteContext): boolean {
  return context.entity.document.duplicates !== undefined && !context.operation.confirmed?.has(DUPLICATE_CONFIRMATION);
}

export const duplicatePhase: RecordWritePhase = {
  name: 'duplicates',
  async prepare(context) {
    if (isChecked(context)) context.duplicateLocks = await prepareDuplicateCheck(context.operation, context.entity, context.after);
  },
  async run(context, transaction) {
    // First in the transaction: the check must read after its locks are granted (see duplicate-checks).
    if (isChecked(context)) await requireNoDuplicates(context.operation, context.entity, context.after, context.duplicateLocks ?? [], transaction);
  },
};
