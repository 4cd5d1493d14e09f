// Starting the processes of a record that already exists: one created before its entity's process
// was published (its create started nothing), or the target of another process's startProcess
// action. One transaction like a transition: lock the record and its instances, start each bound
// process it does not run yet (or the named one), write the record (stage, owner, fields the
// entry actions set) with version + 1, and persist each start with its log row, audit row, timers
// and outbox rows. A process the record already runs is a 409, so a redelivered start acts once.
import { ConflictError, NotFoundError, START_EVENT, startProcess, type CompiledProcess, type StepSuccess } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import { accessOf, requireOperation, requireRecordAccess } from '../access/record-access';
import { withoutHiddenFields } from '../access/visible-entity';
import { changedFields } from '../audit/record-changes';
import type { Actor, RequestOrigin } from '../identity/actor';
import { recordNotFound } from '../records/operations/get-record';
import type { RecordData } from '../records/record-rows';
import { readInstances } from './process-instances';
import { boundProcesses, processUserOf } from './process-start';
import { changedFieldNames, recordAfterStep, validateEffects } from './record-effects';
import { readRecordRow, writeRecordRow } from './record-row';
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
  const work = async (transaction: Transaction): Promise<{ written: RecordData; persisted: PersistedStep[]; started: StartedProcesses['started'] }> => {
    const record = await readRecordRow(service.database, entity, id, transaction, true);
    if (!record) throw recordNotFound(entity, id);
    const running = new Set((await readInstances(service.database, entity.name, id, transaction, true)).map((instance) => instance.process));
    const toStart = wanted.filter((compiled) => !running.has(compiled.name));
    if (toStart.length === 0) {
      throw new ConflictError(`The ${entity.name} record "${id}" already runs ${wanted.map((compiled) => `"${compiled.name}"`).join(', ')}`, wanted.map((compiled) => ({ path: '/process', message: `already running ${compiled.name}`, code: 'processRunning' })));
    }
    let after: RecordData = { ...record };
    const steps: Array<{ compiled: CompiledProcess; step: StepSuccess }> = [];
    for (const compiled of toStart) {
      const step = startProcess(compiled, { record: after, user: processUserOf(actor), now, locale: actor.locale });
      if (!step.ok) throw stepFailureError(step, compiled.name, `"${compiled.document.initial}"`);
      after = await recordAfterStep({ database: service.database, metadata, transaction }, entity, compiled, step, after);
      steps.push({ compiled, step });
    }
    const names = changedFieldNames(entity, record, after);
    await validateEffects({ database: service.database, metadata, transaction }, entity, after, names, toStart.map((compiled) => compiled.name).join(', '));
    const written = await writeRecordRow(service.database, entity, record, after, names, now, transaction);
    const persisted: PersistedStep[] = [];
    for (const { compiled, step } of steps) {
      persisted.push(await persistStep(service.stores(), {
        entity: entity.name, record: written, compiled, metadataVersion: version, step, event: START_EVENT,
        actor, origin, now, isStart: true, auditChanges: changedFields(record, written, names),
      }, transaction));
    }
    return { written, persisted, started: steps.map(({ compiled, step }) => ({ process: compiled.name, metadataVersion: version, stage: step.stage })) };
  };
  const done = await service.database.transaction(work);
  service.committed(done.persisted);
  return { record: withoutHiddenFields({ ...done.written }, access), started: done.started };
}
