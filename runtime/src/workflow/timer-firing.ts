// Fires one claimed timer row, in one transaction with everything it causes: the row is deleted
// (only if this worker's lease still holds it), the engine decides with the record's snapshot
// whether the timer still counts (same generation, still armed, running, due), and a firing is
// written like a transition by the system actor. A committed firing can never fire again (its row
// is gone in the same commit); a crash before the commit leaves the row for the next lease.
import { StagecraftError, stepProcess, TIMER_EVENT_TYPE, type CompiledProcess, type StepSuccess, type TimerOutcome } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import { changedFields } from '../audit/record-changes';
import { SYSTEM_ACTOR, NO_ORIGIN } from '../identity/actor';
import { recordWritePipeline } from '../records/pipeline/record-write-pipeline';
import type { RecordWriteContext } from '../records/pipeline/write-context';
import { processIn } from './process-catalog';
import { readInstances, updateInstance } from './process-instances';
import { processUserOf } from './process-start';
import { changedFieldNames, recordAfterStep, validateEffectValues } from './record-effects';
import { readRecordRow } from './record-row';
import { persistStep, type PersistedStep } from './step-persistence';
import type { TimerRow } from './timer-rows';
import { recordContextOf, type WorkflowService } from './workflow-service';

/** lost: another worker's lease took the row over; failed: the firing's actions failed (retried later). */
export type TimerFiringOutcome = TimerOutcome | 'lost' | 'gone' | 'failed';

export interface TimerFiring {
  outcome: TimerFiringOutcome;
  error?: string;
}

/** An action of a firing failed: roll back and let the row be retried. */
class TimerActionFailed extends Error {}

export async function fireClaimedTimer(service: WorkflowService, timer: TimerRow, token: string, now: Date): Promise<TimerFiring> {
  const metadata = service.metadata();
  const database = service.database;
  const work = async (transaction: Transaction): Promise<{ outcome: TimerFiringOutcome; persisted?: PersistedStep }> => {
    if (!(await service.timers.consume(timer, token, transaction))) return { outcome: 'lost' };
    const entity = metadata.entities.get(timer.entity);
    if (!entity) return { outcome: 'gone' };
    const context = recordContextOf(database, metadata, SYSTEM_ACTOR, NO_ORIGIN, now);
    let outcome: TimerFiringOutcome = 'gone';
    let persisted: PersistedStep | undefined;
    let decided: { step: StepSuccess; compiled: CompiledProcess; metadataVersion: number } | undefined;
    // The record-write pipeline, kind `timer`: lock roll-up parents → load (the locked read and the
    // engine's decision; most firings stop here) → references → formulas → UPDATE … WHERE version →
    // roll-ups → the step's rows → overlap rules → permission audit → credentials.
    const write: RecordWriteContext = {
      kind: 'timer', operation: context, entity, id: timer.recordId, now, after: {}, fields: [], sent: {}, links: new Map(), deferWrite: true, afterCommit: [],
      load: async () => {
        const record = await readRecordRow(database, entity, timer.recordId, transaction, true);
        const instance = record ? (await readInstances(database, timer.entity, timer.recordId, transaction, true)).find((candidate) => candidate.process === timer.process) : undefined;
        if (!record || !instance) return false;
        const compiled = processIn(await service.catalog.forVersion(instance.metadataVersion), instance.process);
        const step = stepProcess(compiled, instance.snapshot, { type: TIMER_EVENT_TYPE, timer: timer.key, generation: timer.generation }, { record, user: processUserOf(SYSTEM_ACTOR), now });
        if (!step.ok) throw new TimerActionFailed(step.reasons.map((reason) => reason.message).join('; ') || step.error);
        outcome = step.timer?.outcome ?? 'fired';
        const owner = { entity: timer.entity, recordId: timer.recordId, process: timer.process };
        if (outcome === 'notDue') {
          // Early (a queue delivered before the clock's due time): put the row back at its due time.
          const dueAt = step.snapshot.timers[timer.key]?.dueAt ?? timer.dueAt;
          await service.timers.apply(owner, { arm: [{ key: timer.key, state: timer.state, timer: timer.key, dueAt, generation: timer.generation }], cancel: [], pause: [], resume: [], skipped: [] }, transaction);
          return false;
        }
        if (outcome !== 'fired') {
          if (outcome === 'blocked') await updateInstance(database, { ...owner, metadataVersion: instance.metadataVersion, snapshot: step.snapshot }, now, transaction);
          await service.timers.apply(owner, step.timers, transaction);
          return false;
        }
        const after = await recordAfterStep({ database, metadata, transaction }, entity, compiled, step, record);
        const names = changedFieldNames(entity, record, after);
        validateEffectValues(entity, after, names, compiled.name);
        Object.assign(write, { before: record, after, fields: names, effects: { names, process: compiled.name } });
        decided = { step, compiled, metadataVersion: instance.metadataVersion };
        return true;
      },
      persistStep: async () => {
        if (!decided || !write.before || !write.stored) return;
        persisted = await persistStep(service.stores(), {
          entity: entity.name, record: write.stored, compiled: decided.compiled, metadataVersion: decided.metadataVersion, step: decided.step,
          event: `${TIMER_EVENT_TYPE}:${timer.key}`, payload: { timer: timer.key, generation: timer.generation },
          actor: SYSTEM_ACTOR, origin: NO_ORIGIN, now, isStart: false, auditChanges: changedFields(write.before, write.stored, write.fields),
        }, transaction);
      },
    };
    await recordWritePipeline.run(write, transaction);
    return persisted ? { outcome, persisted } : { outcome };
  };
  try {
    const result = await database.transaction(work);
    if (result.persisted) service.committed([result.persisted]);
    return { outcome: result.outcome };
  } catch (error) {
    if (error instanceof TimerActionFailed || error instanceof StagecraftError) return { outcome: 'failed', error: error.message };
    throw error;
  }
}
