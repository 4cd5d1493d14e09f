// The permission-audit capability's write phase: a write that changes an access-deciding field
// of a user or role (role, team, partner account, active; a role's name or parent) gets its own
// `permissionChange` row — whether a PATCH, a process step or a merge changed it.
import { fieldChangesOf } from '../records/pipeline/record-phases';
import type { RecordWritePhase } from '../records/pipeline/write-pipeline';
import { auditMembershipChange } from './permission-audit';

export const membershipAuditPhase: RecordWritePhase = {
  name: 'membershipAudit',
  async run(context, transaction) {
    const { operation } = context;
    const scope = { database: operation.database, actor: operation.actor, origin: operation.origin, at: operation.now() };
    await auditMembershipChange(scope, context.entity.name, context.id, fieldChangesOf(context), transaction);
  },
};
