// The phases through which services beside the record layer (the workflow engine) take part in
// a write, through the record context's hooks or the path's own step: process start around a
// create's INSERT, a process step's persistence, timers following a date field that changed.
// The record layer still knows nothing of processes.
import type { RecordWritePhase } from './write-pipeline';
import { writtenColumns } from './versioned-update';

export const hookPhases: readonly RecordWritePhase[] = [
  {
    name: 'prepareProcesses',
    async run(context, transaction) {
      // Sets the stage and entry fields before the INSERT; the rest follows it (startProcesses).
      context.started = await context.operation.hooks?.beforeInsert?.(context.operation, context.entity, context.after, transaction);
    },
  },
  {
    name: 'startProcesses',
    async run(context) {
      const started = context.started;
      if (!started) return;
      await started.inTransaction();
      context.afterCommit.push(() => started.afterCommit());
    },
  },
  {
    name: 'persistStep',
    async run(context, transaction) {
      await context.persistStep?.(transaction);
    },
  },
  {
    name: 'moveFieldTimers',
    async run(context, transaction) {
      const names = writtenColumns(context.entity, context.fields).map((field) => field.name);
      const afterCommit = await context.operation.hooks?.afterUpdate?.(context.operation, context.entity, context.after, names, transaction);
      if (afterCommit) context.afterCommit.push(afterCommit);
    },
  },
];
