// Starting the processes of a record that already exists: one created before its entity's process
// was published (its create started nothing), or the target of another process's startProcess
// action. One transaction like a transition: lock the record and its instances, start each bound
// process it does not run yet (or the named one), write the record (stage, owner, fields the
// entry actions set) with version + 1, and persist each start with its log row, audit row, timers
// and outbox rows. A process the record already runs is a 409, so a redelivered start acts once.
import { ConflictError, NotFoundError, START_EVENT, startProcess, type CompiledProcess, type StepSuccess } from '@stagecraft/core';
import { accessOf, requireOperation, requireRecordAccess } from '../access/record-access';
import { withoutHiddenFields } from '../access/visible-entity';
import { changedFields } from '../audit/record-changes';
import type { Actor, RequestOrigin } from '../identity/actor';
import { recordNotFound } from '../records/operations/get-record';
import { recordWritePipeline } from '../records/pipeline/record-write-pipeline';
import type { RecordWriteContext } from '../records/pipeline/write-context';
import type { RecordData } from '../records/record-rows';
import { readInstances } from './process-instances';
import { boundProcesses, processUserOf } from './process-start';
import { changedFieldNames, recordAfterStep, validateEffectValues } from './record-effects';
import { readRecordRow } from './record-row';
import { stepFailureError } from './step-errors';
import { persistStep, type PersistedStep } from './step-persistence';
import { entityIn, recordContextOf, type WorkflowService } from './workflow-service';

export interface StartedProcesses {
  record: RecordData;
  started: Array<{ process: string; metadataVersion: number; stage: string }>;
}

/** Starts the record's bound processes it does not run yet (only `processName` when given). */
export async function startRecordProcesses(service: WorkflowService, entityName: string, id: string, processName: string | undefined, actor: Actor, origin: RequestOrigin): Promise<StartedProcesses> {
  const metadata = service.metadata();
  const entity = entityIn(metadata, entityName);
  const now = service.now();
  const context = recordContextOf(service.database, metadata, actor, origin, now);
  const access = accessOf(context, entity);
  requireOperation(access, 'transition');
  await requireRecordAccess(context, entity, id, 'transition', () => recordNotFound(entity, id));
  const version = metadata.version;
  const bound = boundProcesses(service.catalog.of(metadata), entity.name);
  const wanted = processName === undefined ? bound : bound.filter((compiled) => compiled.name === processName);
  if (version === null || wanted.length === 0) {
    throw new NotFoundError(processName === undefined ? `No process is bound to ${entity.name} records` : `The process "${processName}" is not bound to ${entity.name} records`);
  }
  const steps: Array<{ compiled: CompiledProcess; step: StepSuccess }> = [];
  const persisted: PersistedStep[] = [];
  // The record-write pipeline, as a transition (a start is a process step): lock roll-up parents →
  // load (the locked read, each start decided) → references → formulas → UPDATE … WHERE version →
  // roll-ups → each start's rows → overlap rules → permission audit → credentials.
  const write: RecordWriteContext = {
    kind: 'transition', operation: context, entity, id, now, after: {}, fields: [], sent: {}, links: new Map(), deferWrite: true, afterCommit: [],
    load: async (transaction) => {
      const record = await readRecordRow(service.database, entity, id, transaction, true);
      if (!record) throw recordNotFound(entity, id);
      const running = new Set((await readInstances(service.database, entity.name, id, transaction, true)).map((instance) => instance.process));
      const toStart = wanted.filter((compiled) => !running.has(compiled.name));
      if (toStart.length === 0) {
        throw new ConflictError(`The ${entity.name} record "${id}" already runs ${wanted.map((compiled) => `"${compiled.name}"`).join(', ')}`, wanted.map((compiled) => ({ path: '/process', message: `already running ${compiled.name}`, code: 'processRunning' })));
      }
      let after: RecordData = { ...record };
      for (const compiled of toStart) {
        const step = startProcess(compiled, { record: after, user: processUserOf(actor), now, locale: actor.locale });
        if (!step.ok) throw stepFailureError(step, compiled.name, `"${compiled.document.initial}"`);
        after = await recordAfterStep({ database: service.database, metadata, transaction }, entity, compiled, step, after);
        steps.push({ compiled, step });
      }
      const names = changedFieldNames(entity, record, after);
      const processNames = toStart.map((compiled) => compiled.name).join(', ');
      validateEffectValues(entity, after, names, processNames);
      Object.assign(write, { before: record, after, fields: names, effects: { names, process: processNames } });
      return true;
    },
    persistStep: async (transaction) => {
      if (!write.before || !write.stored) return;
      for (const { compiled, step } of steps) {
        persisted.push(await persistStep(service.stores(), {
          entity: entity.name, record: write.stored, compiled, metadataVersion: version, step, event: START_EVENT,
          actor, origin, now, isStart: true, auditChanges: changedFields(write.before, write.stored, write.fields),
        }, transaction));
      }
    },
  };
  await service.database.transaction((transaction) => recordWritePipeline.run(write, transaction));
  service.committed(persisted);
  const started = steps.map(({ compiled, step }) => ({ process: compiled.name, metadataVersion: version, stage: step.stage }));
  return { record: withoutHiddenFields({ ...write.stored }, access), started };
}
