// Timers due at a date field follow the field. When a write changes a date field that a running
// clock was armed from ("at the due date plus one day"), the clock and its reminders are armed
// again from the new value (a new generation, so a firing of the old arming is stale), or
// cancelled when the field was emptied. Paused clocks keep their remaining time untouched.
import type { TimerKey } from '../compile/timer-keys';
import type { CompiledProcess } from '../compile/compiled-process';
import { activeStatePaths, parseProcessSnapshot, type ProcessSnapshot } from './process-snapshot';
import { stepContextOf, type StepInput } from './step-input';
import { armTimers, closeLedger, openLedger, type TimerInstructions } from './timer-ledger';

export interface RetimedTimers {
  snapshot: ProcessSnapshot;
  timers: TimerInstructions;
}

/** The date fields the process's timers are due at (empty when none is). */
export function timerDateFields(compiled: CompiledProcess): Set<string> {
  const fields = new Set<string>();
  for (const timer of compiled.timers.values()) if ('field' in timer.delay) fields.add(timer.delay.field);
  return fields;
}

/**
 * The snapshot and timer changes after `changedFields` of `input.record` were written; undefined
 * when no running clock depends on them (nothing to write).
 */
export function retimeFieldTimers(compiled: CompiledProcess, storedSnapshot: unknown, changedFields: ReadonlySet<string>, input: StepInput): RetimedTimers | undefined {
  const snapshot = parseProcessSnapshot(storedSnapshot, compiled);
  if (snapshot.status === 'done') return undefined;
  const moved = new Set<TimerKey>();
  for (const [key, clock] of Object.entries(snapshot.timers)) {
    const timer = compiled.timers.get(key);
    if (!timer || clock.dueAt === undefined || !('field' in timer.delay) || !changedFields.has(timer.delay.field)) continue;
    // A reminder's clock moves with its timer's; a paused main clock keeps both where they are.
    if (snapshot.timers[timer.mainKey]?.dueAt === undefined) continue;
    moved.add(timer.mainKey);
  }
  if (moved.size === 0) return undefined;
  const keys = [...compiled.timers.values()].filter((timer) => moved.has(timer.mainKey)).map((timer) => timer.key);
  const context = stepContextOf(compiled, input);
  const ledger = openLedger(snapshot.timers, snapshot.timerSequence);
  armTimers(ledger, compiled, keys, context);
  const timers = closeLedger(ledger, compiled, new Set(activeStatePaths(snapshot.value)), context.now);
  return { snapshot: { ...snapshot, timers: ledger.clocks, timerSequence: ledger.sequence }, timers };
}
