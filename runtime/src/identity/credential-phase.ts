// The identity capability's write phase: a user whose `active` flag a write changes loses every
// session and token, in the write's transaction, whichever path changed the flag.
import { beforeOf } from '../records/pipeline/record-phases';
import type { RecordWritePhase } from '../records/pipeline/write-pipeline';
import { endCredentialsOnActiveChange } from './identity-writes';

export const credentialPhase: RecordWritePhase = {
  name: 'endCredentials',
  async run(context, transaction) {
    await endCredentialsOnActiveChange(context.operation.database, context.entity.name, context.id, beforeOf(context), context.after, transaction);
  },
};
