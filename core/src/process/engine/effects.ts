// Turns the actions XState selected for a step — in its order: exits, transition, entries — into
// effects for the runtime and timer bookkeeping. Each effect's params are resolved against the
// record as earlier effects of the same step left it, so "set the queue, then assign within the
// queue" works in one step. Exit and transition actions see the stage being left; entry actions
// see the stage being entered (a "Deal {name} is now {stage}" notification says the new stage).
import { ExpressionError } from '../../expr/expression-error';
import type { CompiledProcess } from '../compile/compiled-process';
import type { ActionDefinition, EffectDelivery, ProcessRecord, StepContext } from '../registry/registry-types';
import { ARM_TIMERS_ACTION, CANCEL_TIMERS_ACTION, RESTART_TIMERS_ACTION, type ActionSource, type EffectPhase } from './machine-event';
import { armStateTimers, armTimers, cancelStateTimers, type TimerLedger } from './timer-ledger';

/** A side effect for the runtime: run in the transition's transaction or through the outbox. */
export interface Effect {
  /** Registry key of the action, e.g. "setFields", "notify". */
  name: string;
  /** Resolved params: expressions evaluated, record fields read. */
  params: Record<string, unknown>;
  delivery: EffectDelivery;
  /** Path of the state whose entry/exit ran it, or the transition's source state. */
  state: string;
  phase: EffectPhase;
  /** JSON Pointer of the action in the process document (for the audit log). */
  call: string;
}

/** An action as XState's pure transition returns it. */
export interface SelectedAction {
  type: string;
  params?: unknown;
}

export interface EffectsOfStep {
  effects: Effect[];
  /** The record after the step's record-changing effects. */
  record: ProcessRecord;
}

export function effectsOf(actions: readonly SelectedAction[], compiled: CompiledProcess, context: StepContext, ledger: TimerLedger, enteredStage?: string): EffectsOfStep {
  const effects: Effect[] = [];
  let current = context;
  let isEntering = false;
  for (const action of actions) {
    const params = isObject(action.params) ? action.params : {};
    if (!isEntering && enteredStage !== undefined && params['phase'] === 'entry') {
      isEntering = true;
      current = { ...current, record: { ...current.record, [compiled.document.stageField]: enteredStage } };
    }
    if (action.type === ARM_TIMERS_ACTION) armStateTimers(ledger, compiled, String(params['state']), current);
    else if (action.type === CANCEL_TIMERS_ACTION) cancelStateTimers(ledger, compiled, String(params['state']));
    else if (action.type === RESTART_TIMERS_ACTION) armTimers(ledger, compiled, stringsOf(params['timers']), current);
    else {
      const definition = compiled.registry.actions[action.type];
      if (!definition || !isActionSource(params)) continue;
      const effect = effectOf(action.type, definition, params, current);
      effects.push(effect);
      if (definition.applyToRecord) current = { ...current, record: definition.applyToRecord(effect.params, current.record) };
    }
  }
  return { effects, record: current.record };
}

/** An action whose params could not be resolved (an expression failed on this record). */
export class ActionPreparationError extends Error {
  constructor(readonly action: string, readonly call: string, override readonly cause: ExpressionError) {
    super(`The action "${action}" could not be prepared: ${cause.message}`);
  }
}

function effectOf(name: string, definition: ActionDefinition, source: ActionSource, context: StepContext): Effect {
  return {
    name,
    params: resolvedParams(name, definition, source, context),
    delivery: definition.delivery,
    state: source.state,
    phase: source.phase,
    call: source.call,
  };
}

function resolvedParams(name: string, definition: ActionDefinition, source: ActionSource, context: StepContext): Record<string, unknown> {
  if (!definition.resolveParams) return source.params;
  try {
    return definition.resolveParams(source.params, context);
  } catch (error) {
    if (error instanceof ExpressionError) throw new ActionPreparationError(name, source.call, error);
    throw error;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isActionSource(value: Record<string, unknown>): value is Record<string, unknown> & ActionSource {
  return typeof value['call'] === 'string' && isObject(value['params']) && typeof value['state'] === 'string' && typeof value['phase'] === 'string';
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
