// stepProcess: one event against a persisted snapshot — load, decide, compute; the runtime
// persists. A user event not handled in the current state is notAllowed; one whose every
// candidate is blocked is guardFailed with the reasons. A timer firing acts only if its clock is
// still armed, of the same generation, running and due — otherwise it is a no-op.
import type { AnyMachineSnapshot } from 'xstate';
import { isReservedEventName } from '../../validate/process-timer-checks';
import type { CompiledProcess } from '../compile/compiled-process';
import { TIMER_EVENT_TYPE, timerMachineEventOf, type TimerKey } from '../compile/timer-keys';
import type { StepContext } from '../registry/registry-types';
import { completeStep, runTransition } from './apply-transition';
import { allowedEventsOf, candidateTransitions, judgeAll, reasonsOf } from './candidates';
import type { MachineEvent } from './machine-event';
import { activeStatePaths, machineSnapshotOf, parseProcessSnapshot, snapshotOf, stageOf, type ProcessSnapshot } from './process-snapshot';
import { stepContextOf, type ProcessEvent, type StepInput } from './step-input';
import type { StepResult, StepSuccess, TimerOutcome } from './step-result';
import { closeLedger, consumeTimer, openLedger } from './timer-ledger';

/** How the runtime delivers a due timer. `generation` (from the armed row) makes a stale row a no-op. */
export interface TimerFiredEvent {
  type: typeof TIMER_EVENT_TYPE;
  timer: TimerKey;
  generation?: number;
}

export function isTimerFiredEvent(event: ProcessEvent | TimerFiredEvent): event is TimerFiredEvent {
  return event.type === TIMER_EVENT_TYPE && 'timer' in event && typeof event.timer === 'string';
}

export function stepProcess(compiled: CompiledProcess, persisted: unknown, event: ProcessEvent | TimerFiredEvent, input: StepInput): StepResult {
  const snapshot = parseProcessSnapshot(persisted, compiled);
  const machineSnapshot = machineSnapshotOf(compiled, snapshot.value);
  const active = activeStatePaths(snapshot.value);
  if (isTimerFiredEvent(event)) return fireTimer(compiled, snapshot, machineSnapshot, event, stepContextOf(compiled, input, { type: event.type }), input);

  const context = stepContextOf(compiled, input, event);
  const candidates = snapshot.status === 'done' || isReservedEventName(event.type) ? [] : candidateTransitions(compiled, machineSnapshot, ['event', 'restart'], event.type);
  if (candidates.length === 0) {
    return { ok: false, error: 'notAllowed', event: event.type, allowedEvents: allowedEventsOf(compiled, machineSnapshot, context, active), reasons: [] };
  }
  const judged = judgeAll(compiled, candidates, context, active, input.locale);
  if (!judged.some(({ verdict }) => verdict.allowed)) {
    return { ok: false, error: 'guardFailed', event: event.type, allowedEvents: allowedEventsOf(compiled, machineSnapshot, context, active), reasons: reasonsOf(judged) };
  }
  const machineEvent: MachineEvent = { type: event.type, ...(event.data ? { data: event.data } : {}), step: context, active };
  return completeStep(compiled, runTransition(compiled, machineSnapshot, machineEvent), context, openLedger(snapshot.timers, snapshot.timerSequence), event.type);
}

function fireTimer(compiled: CompiledProcess, snapshot: ProcessSnapshot, machineSnapshot: AnyMachineSnapshot, event: TimerFiredEvent, context: StepContext, input: StepInput): StepResult {
  const key = event.timer;
  const clock = snapshot.timers[key];
  const active = activeStatePaths(snapshot.value);
  const unchanged = (outcome: TimerOutcome, cancel: TimerKey[]): StepSuccess => ({
    ok: true, snapshot, stage: stageOf(snapshot.value), stateValue: snapshot.value, previousStateValue: snapshot.value,
    effects: [], record: context.record, done: snapshot.status === 'done',
    timers: { arm: [], cancel, pause: [], resume: [], skipped: [] },
    timer: { key, outcome },
  });
  if (!clock) return unchanged('inactive', [key]);
  if (event.generation !== undefined && event.generation !== clock.generation) return unchanged('stale', []);
  if (clock.dueAt === undefined) return unchanged('paused', [key]);
  if (context.now.getTime() < Date.parse(clock.dueAt)) return unchanged('notDue', []);

  const candidates = candidateTransitions(compiled, machineSnapshot, ['timer', 'reminder'], timerMachineEventOf(key));
  if (candidates.length === 0) return unchanged('inactive', [key]);
  const ledger = openLedger(snapshot.timers, snapshot.timerSequence);
  consumeTimer(ledger, key);
  const judged = judgeAll(compiled, candidates, context, active, input.locale);
  if (!judged.some(({ verdict }) => verdict.allowed)) {
    const timers = closeLedger(ledger, compiled, new Set(active), context.now);
    return { ...unchanged('blocked', []), snapshot: snapshotOf(compiled, machineSnapshot, ledger.clocks, ledger.sequence), timers, timer: { key, outcome: 'blocked', reasons: reasonsOf(judged) } };
  }
  const machineEvent: MachineEvent = { type: timerMachineEventOf(key), step: context, active };
  const result = completeStep(compiled, runTransition(compiled, machineSnapshot, machineEvent), context, ledger, event.type);
  return result.ok ? { ...result, timer: { key, outcome: 'fired' } } : result;
}
