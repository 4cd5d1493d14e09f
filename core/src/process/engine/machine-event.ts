// The event the compiled machine receives: the caller's event plus the step's facts (record, user,
// clock) and the active states. The facts ride on the event rather than in the machine's context
// so they are read by guards during one pure transition and never land in the persisted snapshot.
import type { StepContext } from '../registry/registry-types';

export interface MachineEvent {
  type: string;
  data?: Readonly<Record<string, unknown>>;
  step?: StepContext;
  /** Paths of the active states before the step (for "required to leave" checks). */
  active?: readonly string[];
}

/** Where an action's effect comes from; carried as the XState action's params. */
export type EffectPhase = 'entry' | 'exit' | 'transition';

export interface ActionSource {
  /** JSON Pointer of the action in the process document. */
  call: string;
  params: Record<string, unknown>;
  /** Path of the state whose entry/exit ran it, or the transition's source state. */
  state: string;
  phase: EffectPhase;
}

/** Bookkeeping actions the compiler adds; the engine turns them into timer instructions. */
export const ARM_TIMERS_ACTION = 'stagecraft.armTimers';
export const CANCEL_TIMERS_ACTION = 'stagecraft.cancelTimers';
export const RESTART_TIMERS_ACTION = 'stagecraft.restartTimers';
/** The implicit guard that checks `requiredFields.enter` / `leave`. */
export const REQUIRED_FIELDS_GUARD = 'stagecraft.requiredFields';
