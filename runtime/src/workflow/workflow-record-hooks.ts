// The workflow engine's hooks into the record operations: a create of a process-bound entity
// starts its processes in the create's transaction; neither a create nor a PATCH may put the
// stage anywhere the process did not; an update that moves a date field moves the timers due at
// it; a delete takes the record's process state with it.
import type { RecordHooks } from '../records/record-hooks';
import type { PersistedStep } from './step-persistence';
import { moveFieldTimers } from './field-timer-moves';
import { deleteProcessStateOf } from './record-deletion';
import { enqueueProcessSignals } from './process-signals';
import { prepareProcessStart, stageCreateProblems, stageUpdateProblems } from './process-start';
import type { WorkflowService } from './workflow-service';

export function workflowRecordHooks(service: WorkflowService): RecordHooks {
  return {
    createProblems: (context, entity, values) => stageCreateProblems(service.catalog.of(context.metadata), entity, values),
    updateProblems: (context, entity, values, current) => stageUpdateProblems(service.catalog.of(context.metadata), entity.name, values, current),
    beforeDelete: (context, entity, ids, transaction) => deleteProcessStateOf(context.database, entity.name, ids, transaction),
    async afterUpdate(context, entity, record, changedFields, transaction) {
      const persisted = await moveFieldTimers(service, context, entity, record, changedFields, transaction);
      return persisted.length === 0 ? undefined : () => service.committed(persisted);
    },
    async beforeInsert(context, entity, record, transaction) {
      const start = await prepareProcessStart(
        { stores: service.stores(), processes: service.catalog.of(context.metadata), metadata: context.metadata, actor: context.actor, origin: context.origin, now: context.now() },
        entity,
        record,
        transaction,
      );
      const signals = entity.document.processSignals ?? [];
      if (!start && signals.length === 0) return undefined;
      let persisted: PersistedStep[] = [];
      return {
        inTransaction: async () => {
          if (start) persisted = await start();
          if (signals.length > 0) await enqueueProcessSignals(service.outbox, entity, record, context.now(), transaction);
        },
        afterCommit: () => service.committed(persisted),
      };
    },
  };
}
