// The common tail of every step: XState's pure transition (or initial transition), then effects,
// timer bookkeeping and the new snapshot. Nothing here runs an action.
import { transition, type AnyMachineSnapshot } from 'xstate';
import type { CompiledProcess } from '../compile/compiled-process';
import type { StepContext } from '../registry/registry-types';
import { ActionPreparationError, effectsOf, type SelectedAction } from './effects';
import type { MachineEvent } from './machine-event';
import { activeStatePaths, snapshotOf, stageOf, type ProcessStateValue } from './process-snapshot';
import type { StepFailure, StepSuccess } from './step-result';
import { closeLedger, type TimerLedger } from './timer-ledger';

export interface MachineStep {
  next: AnyMachineSnapshot;
  actions: readonly SelectedAction[];
  previousStateValue: ProcessStateValue | null;
}

export function runTransition(compiled: CompiledProcess, machineSnapshot: AnyMachineSnapshot, event: MachineEvent): MachineStep {
  const [next, actions] = transition(compiled.machine, machineSnapshot, event);
  return { next, actions, previousStateValue: machineSnapshot.value as ProcessStateValue };
}

/** Effects and timers of a machine step; an expression failing in an action's params fails the step. */
export function completeStep(compiled: CompiledProcess, step: MachineStep, context: StepContext, ledger: TimerLedger, eventType: string): StepSuccess | StepFailure {
  let outcome: ReturnType<typeof effectsOf>;
  const value = step.next.value as ProcessStateValue;
  try {
    outcome = effectsOf(step.actions, compiled, context, ledger, stageOf(value));
  } catch (error) {
    if (!(error instanceof ActionPreparationError)) throw error;
    const reason = { path: error.call, message: error.message, code: error.cause.code, text: error.message, action: error.action };
    return { ok: false, error: 'actionFailed', event: eventType, allowedEvents: [], reasons: [reason] };
  }
  const timers = closeLedger(ledger, compiled, new Set(activeStatePaths(value)), context.now);
  return {
    ok: true,
    snapshot: snapshotOf(compiled, step.next, ledger.clocks, ledger.sequence),
    stage: stageOf(value),
    stateValue: value,
    previousStateValue: step.previousStateValue,
    effects: outcome.effects,
    record: outcome.record,
    timers,
    done: step.next.status === 'done',
  };
}
