// The assignment capability's write phase: a record created without anyone in the rules' field
// is routed by the entity's assignment rules, inside the create's transaction (round-robin turns
// and workloads are read there).
import type { RecordWritePhase } from '../records/pipeline/write-pipeline';
import { applyAssignmentRules } from './assignment-rules';

export const assignmentPhase: RecordWritePhase = {
  name: 'assignmentRules',
  async run(context, transaction) {
    if (context.routeByRules) await applyAssignmentRules(context.operation, context.entity, context.after, transaction);
  },
};
