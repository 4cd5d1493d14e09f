// The effects of a step that change the record itself, run in the step's transaction before the
// record is written: setFields (already applied by the engine to `step.record`), assignOwner
// (a member picked from a team now) and the stage column. The changed values are validated like
// a PATCH of those fields, so a process cannot write what a user could not, and a user field it
// sets must name an existing user.
import { ValidationError, type AssignOwnerEffect, type CompiledProcess, type Effect, type Problem, type StepSuccess } from '@stagecraft/core';
import { findUser } from '../identity/identity-entities';
import type { CompiledEntity } from '../live/compiled-types';
import { checkEffectReferences } from '../records/reference-checks';
import type { RecordData } from '../records/record-rows';
import { validateValues } from '../records/write-input';
import { leastLoaded, nextInTurn, teamMembers, type AssignmentScope } from './team-assignment';

/** The record as the step leaves it: engine-applied setFields, owners assigned, the stage column set. */
export async function recordAfterStep(scope: AssignmentScope, entity: CompiledEntity, compiled: CompiledProcess, step: StepSuccess, before: RecordData): Promise<RecordData> {
  const record: RecordData = { ...before, ...step.record };
  for (const effect of step.effects) {
    if (effect.name !== 'assignOwner' || effect.delivery !== 'transaction') continue;
    const owner = await assignedOwner(scope, entity, compiled, effect);
    if (owner !== undefined) record[ownerFieldOf(effect)] = owner;
  }
  record[compiled.document.stageField] = step.stage;
  return record;
}

function ownerFieldOf(effect: Effect): string {
  return typeof effect.params['field'] === 'string' ? effect.params['field'] : 'owner';
}

async function assignedOwner(scope: AssignmentScope, entity: CompiledEntity, compiled: CompiledProcess, effect: Effect): Promise<string | undefined> {
  const params = effect.params as AssignOwnerEffect;
  if (params.strategy === 'none') return undefined;
  // A fixed user may be named by username or id, as in assignment rules; an unknown one stays as
  // written and fails the user check (actionFailed).
  if (params.strategy === 'user') return (await findUser(scope.database, scope.metadata, 'username', params.user, scope.transaction))?.id ?? params.user;
  const members = await teamMembers(scope, params.team);
  if (params.strategy === 'roundRobin') return nextInTurn(scope, params.team, members);
  const finalStages = compiled.tree.topLevel.filter((node) => node.kind === 'final').map((node) => node.name);
  return leastLoaded(scope, entity, params.field, members, { field: compiled.document.stageField, finalStages });
}

/** Field names whose value the step changed (system fields excluded). */
export function changedFieldNames(entity: CompiledEntity, before: RecordData, after: RecordData): string[] {
  return entity.fieldList
    .filter((field) => !field.isSystem && field.name in after && JSON.stringify(after[field.name] ?? null) !== JSON.stringify(before[field.name] ?? null))
    .map((field) => field.name);
}

/** validateEffectValues, then that the references and user fields the effects set name existing records (a query per changed one). */
export async function validateEffects(scope: AssignmentScope, entity: CompiledEntity, record: RecordData, names: readonly string[], processName: string): Promise<void> {
  validateEffectValues(entity, record, names, processName);
  await checkEffectReferences(scope, entity, record, names, processName, scope.transaction);
}

/** Validates what the process's effects write; a problem here is the process's fault, reported as actionFailed. */
export function validateEffectValues(entity: CompiledEntity, record: RecordData, names: readonly string[], processName: string): void {
  const values: Record<string, unknown> = {};
  for (const name of names) if (entity.fields.get(name)?.isWritable) values[name] = record[name];
  try {
    validateValues(entity, { values, links: new Map(), problems: [] }, 'update');
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const details: Problem[] = error.details.map((problem) => ({ ...problem, code: 'actionFailed', message: `the process ${processName} would set it to a value that ${problem.message}` }));
    throw new ValidationError(`The process "${processName}" would leave the ${entity.name} record invalid`, details);
  }
}
