// Starting a record's processes as part of its create, in the create's transaction: before the
// INSERT the engine's initial step sets the record's fields (entry actions, owner, stage column);
// after it the instance, the log row, related records, timers and outbox rows are written. Also
// the stage-field rules: a create starts in the initial stage, and a PATCH never moves the stage.
import { startProcess, START_EVENT, ValidationError, type CompiledProcess, type Problem, type ProcessUser, type StepSuccess } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import type { Actor, RequestOrigin } from '../identity/actor';
import type { CompiledEntity, CompiledMetadata } from '../live/compiled-types';
import type { RecordData } from '../records/record-rows';
import { pointerSegment } from '../records/validation-problems';
import { processIn, type ProcessSet } from './process-catalog';
import { changedFieldNames, recordAfterStep, validateEffects } from './record-effects';
import { stepFailureError } from './step-errors';
import { persistStep, type PersistedStep, type StepStores } from './step-persistence';

export function processUserOf(actor: Actor): ProcessUser {
  return { id: actor.userId ?? actor.username, roles: actor.roles };
}

/** The processes bound to an entity in a version (compile errors surface here, when they matter). */
export function boundProcesses(processes: ProcessSet, entity: string): CompiledProcess[] {
  return (processes.namesByEntity.get(entity) ?? []).map((name) => processIn(processes, name));
}

/** A create may leave the stage empty (the process sets it) or name the initial stage, nothing else. */
export function stageCreateProblems(processes: ProcessSet, entity: CompiledEntity, values: Readonly<Record<string, unknown>>): Problem[] {
  return boundProcesses(processes, entity.name).flatMap((compiled) => {
    const { stageField, initial } = compiled.document;
    const value = values[stageField];
    if (value === undefined || value === null || value === initial) return [];
    // A value that is no stage at all is the validator's to report (with the options).
    if (typeof value !== 'string' || entity.fields.get(stageField)?.enumValues?.has(value) === false) return [];
    return [{ path: `/${pointerSegment(stageField)}`, message: `a new record starts in "${initial}"; change the stage with a transition`, code: 'stageByTransition' }];
  });
}

/** A PATCH may repeat the current stage (forms send it back) but never change it. */
export function stageUpdateProblems(processes: ProcessSet, entity: string, values: Readonly<Record<string, unknown>>, current: RecordData): Problem[] {
  return boundProcesses(processes, entity).flatMap((compiled) => {
    const { stageField, name } = compiled.document;
    if (!(stageField in values) || values[stageField] === current[stageField]) return [];
    return [{ path: `/${pointerSegment(stageField)}`, message: `is moved by the process "${name}": change it with a transition (POST …/transitions)`, code: 'stageByTransition' }];
  });
}

export interface StartContext {
  stores: StepStores;
  processes: ProcessSet;
  metadata: CompiledMetadata;
  actor: Actor;
  origin: RequestOrigin;
  now: Date;
}

/**
 * Runs before the INSERT: computes each bound process's start and applies its record changes to
 * `record` (mutated in place). Returns what to run after the INSERT, or undefined without processes.
 */
export async function prepareProcessStart(context: StartContext, entity: CompiledEntity, record: RecordData, transaction: Transaction): Promise<(() => Promise<PersistedStep[]>) | undefined> {
  const processes = boundProcesses(context.processes, entity.name);
  if (processes.length === 0) return undefined;
  const version = context.metadata.version;
  if (version === null) return undefined;
  const starts: Array<{ compiled: CompiledProcess; step: StepSuccess }> = [];
  for (const compiled of processes) {
    const step = startProcess(compiled, { record, user: processUserOf(context.actor), now: context.now, locale: context.actor.locale });
    if (!step.ok) throw stepFailureError(step, compiled.name, `"${compiled.document.initial}"`);
    const scope = { database: context.stores.database, metadata: context.metadata, transaction };
    const after = await recordAfterStep(scope, entity, compiled, step, record);
    await validateEffects(scope, entity, after, changedFieldNames(entity, record, after), compiled.name);
    Object.assign(record, after);
    starts.push({ compiled, step });
  }
  return async () => {
    const persisted: PersistedStep[] = [];
    for (const { compiled, step } of starts) {
      persisted.push(await persistStep(context.stores, {
        entity: entity.name, record, compiled, metadataVersion: version, step, event: START_EVENT,
        actor: context.actor, origin: context.origin, now: context.now, isStart: true,
      }, transaction));
    }
    return persisted;
  };
}

export function assertNoProblems(entity: string, problems: Problem[]): void {
  if (problems.length > 0) throw new ValidationError(`The ${entity} record is not valid`, problems);
}
