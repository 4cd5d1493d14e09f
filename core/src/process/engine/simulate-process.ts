// simulateProcess: a dry run of a sequence of events against a sample record — nothing is written.
// setFields effects change the simulated record, so later guards see them. A timer event moves the
// simulated clock to the timer's due time when that is later, as if the wait had passed.
import type { Locale } from '../../model/label';
import type { CompiledProcess } from '../compile/compiled-process';
import type { ProcessRecord, ProcessUser } from '../registry/registry-types';
import type { Effect } from './effects';
import type { TransitionReason } from './guard-evaluation';
import { stageOf, type ProcessSnapshot, type ProcessStateValue } from './process-snapshot';
import { START_EVENT, startProcess } from './start-process';
import type { ProcessEvent } from './step-input';
import { isTimerFiredEvent, stepProcess, type TimerFiredEvent } from './step-process';
import type { StepResult, TimerOutcome } from './step-result';

/** An event of the dry run; `at` moves the simulated clock forward first. */
export type SimulatedEvent = (ProcessEvent | TimerFiredEvent) & { at?: string };

export interface SimulationOptions {
  now: Date | string;
  user: ProcessUser;
  locale?: Locale;
}

export interface SimulatedStep {
  event: string;
  /** The simulated time of the step. */
  at: string;
  from: ProcessStateValue | null;
  to: ProcessStateValue | null;
  stage: string | null;
  ok: boolean;
  error?: string;
  reasons?: TransitionReason[];
  effects: Effect[];
  timer?: { key: string; outcome: TimerOutcome };
}

export interface Simulation {
  path: SimulatedStep[];
  record: ProcessRecord;
  snapshot: ProcessSnapshot | null;
}

export function simulateProcess(compiled: CompiledProcess, record: ProcessRecord, events: readonly SimulatedEvent[], options: SimulationOptions): Simulation {
  let now = new Date(options.now);
  let current = record;
  const path: SimulatedStep[] = [];
  const started = startProcess(compiled, { record: current, user: options.user, now, ...(options.locale ? { locale: options.locale } : {}) });
  path.push(stepOf(START_EVENT, now, null, started));
  let snapshot = started.ok ? started.snapshot : null;
  if (started.ok) current = started.record;
  for (const event of events) {
    if (!snapshot) break;
    if (event.at !== undefined && Date.parse(event.at) > now.getTime()) now = new Date(event.at);
    const dueAt = isTimerFiredEvent(event) ? snapshot.timers[event.timer]?.dueAt : undefined;
    if (dueAt !== undefined && Date.parse(dueAt) > now.getTime()) now = new Date(dueAt);
    const result = stepProcess(compiled, snapshot, event, { record: current, user: options.user, now, ...(options.locale ? { locale: options.locale } : {}) });
    path.push(stepOf(event.type, now, snapshot.value, result));
    if (result.ok) {
      snapshot = result.snapshot;
      current = result.record;
    }
  }
  return { path, record: current, snapshot };
}

function stepOf(event: string, at: Date, from: ProcessStateValue | null, result: StepResult): SimulatedStep {
  if (!result.ok) return { event, at: at.toISOString(), from, to: from, stage: from === null ? null : stageOf(from), ok: false, error: result.error, reasons: result.reasons, effects: [] };
  return {
    event, at: at.toISOString(), from, to: result.stateValue, stage: result.stage, ok: true, effects: result.effects,
    ...(result.timer ? { timer: { key: result.timer.key, outcome: result.timer.outcome } } : {}),
  };
}
