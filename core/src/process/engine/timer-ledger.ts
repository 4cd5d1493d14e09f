// Timer bookkeeping for one step. Entering a state arms its timers, leaving cancels them, restart
// events re-arm, a firing consumes its timer; afterwards clocks pause while a paused-in state is
// active and resume after. The instructions the runtime applies come from comparing the clocks
// before and after, so they are the net change however many microsteps the step took.
import type { CompiledProcess } from '../compile/compiled-process';
import type { TimerKey } from '../compile/timer-keys';
import type { StepContext } from '../registry/registry-types';
import type { TimerClock } from './process-snapshot';
import { dueAfterResume, dueTimeOf, remainingMsAt } from './timer-clock';

/** A durable timer row to create or replace (arming is an upsert by key). */
export interface TimerToArm {
  key: TimerKey;
  /** Path of the state that armed it; the timer acts only while that state is active. */
  state: string;
  timer: string;
  reminder?: string;
  dueAt: string;
  generation: number;
}

/** A clock that stopped: delete its row; the snapshot keeps the time left. */
export interface TimerPause {
  key: TimerKey;
  remainingMs: number;
}

export interface TimerInstructions {
  arm: TimerToArm[];
  /** Rows to delete (idempotent: a key without a row is fine). */
  cancel: TimerKey[];
  pause: TimerPause[];
  /** Paused clocks running again: rows to create with the new due time. */
  resume: TimerToArm[];
  /** Timers that could not be armed (an empty date field), with the reason. */
  skipped: Array<{ key: TimerKey; reason: string }>;
}

export interface TimerLedger {
  readonly before: Readonly<Record<TimerKey, TimerClock>>;
  clocks: Record<TimerKey, TimerClock>;
  sequence: number;
  skipped: Array<{ key: TimerKey; reason: string }>;
}

export function openLedger(before: Readonly<Record<TimerKey, TimerClock>>, sequence: number): TimerLedger {
  return { before, clocks: { ...before }, sequence, skipped: [] };
}

export function armStateTimers(ledger: TimerLedger, compiled: CompiledProcess, state: string, context: StepContext): void {
  armTimers(ledger, compiled, (compiled.timersByState.get(state) ?? []).map((timer) => timer.key), context);
}

export function armTimers(ledger: TimerLedger, compiled: CompiledProcess, keys: readonly TimerKey[], context: StepContext): void {
  for (const key of keys) {
    const timer = compiled.timers.get(key);
    if (!timer) continue;
    const due = dueTimeOf(timer, context);
    delete ledger.clocks[key];
    if ('skipped' in due) { ledger.skipped.push({ key, reason: due.skipped }); continue; }
    ledger.sequence += 1;
    ledger.clocks[key] = { generation: ledger.sequence, dueAt: due.dueAt.toISOString() };
  }
}

export function cancelStateTimers(ledger: TimerLedger, compiled: CompiledProcess, state: string): void {
  for (const timer of compiled.timersByState.get(state) ?? []) delete ledger.clocks[timer.key];
}

export function consumeTimer(ledger: TimerLedger, key: TimerKey): void {
  delete ledger.clocks[key];
}

/** Applies pauses and resumes for the states active after the step, then derives the instructions. */
export function closeLedger(ledger: TimerLedger, compiled: CompiledProcess, active: ReadonlySet<string>, now: Date): TimerInstructions {
  for (const [key, clock] of Object.entries(ledger.clocks)) {
    const timer = compiled.timers.get(key);
    if (!timer) continue;
    const shouldPause = timer.pausedIn.some((state) => active.has(state));
    if (shouldPause && clock.dueAt !== undefined) {
      ledger.clocks[key] = { generation: clock.generation, remainingMs: remainingMsAt(timer, new Date(clock.dueAt), now) };
    } else if (!shouldPause && clock.remainingMs !== undefined) {
      ledger.clocks[key] = { generation: clock.generation, dueAt: dueAfterResume(timer, clock.remainingMs, now).toISOString() };
    }
  }
  return instructionsOf(ledger, compiled);
}

function instructionsOf(ledger: TimerLedger, compiled: CompiledProcess): TimerInstructions {
  const instructions: TimerInstructions = { arm: [], cancel: [], pause: [], resume: [], skipped: ledger.skipped };
  for (const key of Object.keys(ledger.before)) if (!(key in ledger.clocks)) instructions.cancel.push(key);
  for (const [key, after] of Object.entries(ledger.clocks)) {
    const before = ledger.before[key];
    const row = rowOf(compiled, key, after);
    const isNewArming = before?.generation !== after.generation;
    if (after.remainingMs !== undefined) {
      if (isNewArming || before?.dueAt !== undefined) instructions.pause.push({ key, remainingMs: after.remainingMs });
    } else if (row) {
      if (isNewArming) instructions.arm.push(row);
      else if (before?.remainingMs !== undefined) instructions.resume.push(row);
    }
  }
  return instructions;
}

function rowOf(compiled: CompiledProcess, key: TimerKey, clock: TimerClock): TimerToArm | undefined {
  const timer = compiled.timers.get(key);
  if (!timer || clock.dueAt === undefined) return undefined;
  return { key, state: timer.state, timer: timer.timer, ...(timer.reminder === undefined ? {} : { reminder: timer.reminder }), dueAt: clock.dueAt, generation: clock.generation };
}
