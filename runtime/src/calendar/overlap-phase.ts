// The overlap-rule capability's write phase: after the row is written, a record whose range,
// scope or filter fields were written is checked against the others of its rule's scope (a new
// record always). Runs for every path that can move a range: API writes and process steps alike.
import type { RecordWritePhase } from '../records/pipeline/write-pipeline';
import { checkOverlapRules, touchesOverlapRules } from './overlap-rules';

export const overlapPhase: RecordWritePhase = {
  name: 'overlapRules',
  async run(context, transaction) {
    const { entity } = context;
    if (!entity.document.overlapRules) return;
    if (context.kind === 'create' || touchesOverlapRules(entity, context.fields)) await checkOverlapRules(context.operation, entity, context.after, transaction);
  },
};
