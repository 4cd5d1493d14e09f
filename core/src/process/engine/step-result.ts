// What every engine step returns. On success the runtime writes, in one transaction: the snapshot,
// the stage column, the audit row, the effects with delivery "transaction", the timer instructions
// and an outbox row per "outbox" effect. On failure it writes nothing and answers 409 (notAllowed)
// or 422 (guardFailed, actionFailed) with the reasons.
import type { TimerKey } from '../compile/timer-keys';
import type { ProcessRecord } from '../registry/registry-types';
import type { Effect } from './effects';
import type { TransitionReason } from './guard-evaluation';
import type { ProcessSnapshot, ProcessStateValue } from './process-snapshot';
import type { TimerInstructions } from './timer-ledger';

/**
 * What a timer firing did. fired: its transition ran. blocked: its guards said no (the timer is
 * used up). inactive: its state was left (or it already fired). stale: an earlier arming.
 * paused: its clock is stopped. notDue: it came early (re-deliver at its due time).
 */
export type TimerOutcome = 'fired' | 'blocked' | 'inactive' | 'stale' | 'paused' | 'notDue';

export interface StepSuccess {
  ok: true;
  snapshot: ProcessSnapshot;
  /** The top-level state, for the record's stage column. */
  stage: string;
  stateValue: ProcessStateValue;
  /** The state value before the step (null when the process starts). */
  previousStateValue: ProcessStateValue | null;
  effects: Effect[];
  /** The record as the step's record-changing effects (setFields) leave it. */
  record: ProcessRecord;
  timers: TimerInstructions;
  /** True once the process reached a top-level final state. */
  done: boolean;
  /** Set when the event was a timer firing. Anything but "fired" ran no actions. */
  timer?: { key: TimerKey; outcome: TimerOutcome; reasons?: TransitionReason[] };
}

export type StepError = 'notAllowed' | 'guardFailed' | 'actionFailed';

export interface StepFailure {
  ok: false;
  /** notAllowed → 409, guardFailed / actionFailed → 422. */
  error: StepError;
  event: string;
  /** The user events allowed now (guards passing), for the 409 answer. */
  allowedEvents: string[];
  reasons: TransitionReason[];
}

export type StepResult = StepSuccess | StepFailure;
