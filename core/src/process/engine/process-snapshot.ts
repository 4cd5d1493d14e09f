// The persisted process state of one record: the statechart's state value and the clocks of its
// durable timers. It never holds the record (the record's table is the truth), so it stays small,
// and it is plain JSON the runtime stores as is.
import type { AnyMachineSnapshot } from 'xstate';
import { BadRequestError } from '../../model/problem';
import type { CompiledProcess } from '../compile/compiled-process';
import type { TimerKey } from '../compile/timer-keys';

/** XState's state value: "proposal", { open: "triage" }, { work: { billing: "a", shipping: "b" } }. */
export type ProcessStateValue = string | { [state: string]: ProcessStateValue };

/** One armed timer: running (dueAt) or paused (remainingMs). */
export interface TimerClock {
  /** Changes on every arming, so a firing from an earlier arming is recognised as stale. */
  generation: number;
  dueAt?: string;
  remainingMs?: number;
}

export interface ProcessSnapshot {
  process: string;
  value: ProcessStateValue;
  status: 'active' | 'done';
  timers: Record<TimerKey, TimerClock>;
  /** The last generation handed out. */
  timerSequence: number;
}

/** Paths of every active state, parents before children: { open: "triage" } → ["open", "open.triage"]. */
export function activeStatePaths(value: ProcessStateValue, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix + value];
  return Object.entries(value).flatMap(([name, child]) => [prefix + name, ...activeStatePaths(child, `${prefix}${name}.`)]);
}

/** The top-level state, mirrored in the record's stage column. */
export function stageOf(value: ProcessStateValue): string {
  return typeof value === 'string' ? value : Object.keys(value)[0] ?? '';
}

/** Checks a snapshot read from storage belongs to this process and names real states. */
export function parseProcessSnapshot(input: unknown, compiled: CompiledProcess): ProcessSnapshot {
  const problem = (message: string): BadRequestError => new BadRequestError(`Invalid process snapshot: ${message}`, [{ path: '', message, code: 'invalidSnapshot' }]);
  if (typeof input !== 'object' || input === null) throw problem('must be an object');
  const candidate = input as Partial<ProcessSnapshot>;
  if (candidate.process !== compiled.name) throw problem(`belongs to the process "${String(candidate.process)}", not "${compiled.name}"`);
  if (!isStateValue(candidate.value)) throw problem('has no valid state value');
  for (const path of activeStatePaths(candidate.value)) {
    if (!compiled.tree.byPath.has(path)) throw problem(`names the state "${path}", which the process does not have`);
  }
  if (typeof candidate.timers !== 'object' || candidate.timers === null || typeof candidate.timerSequence !== 'number') throw problem('has no timer clocks');
  return { process: candidate.process, value: candidate.value, status: candidate.status === 'done' ? 'done' : 'active', timers: candidate.timers, timerSequence: candidate.timerSequence };
}

function isStateValue(value: unknown): value is ProcessStateValue {
  if (typeof value === 'string') return true;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(isStateValue);
}

/** The XState snapshot for a state value (history and context are not used, so the value is all it needs). */
export function machineSnapshotOf(compiled: CompiledProcess, value: ProcessStateValue): AnyMachineSnapshot {
  return compiled.machine.resolveState({ value, context: {} });
}

export function snapshotOf(compiled: CompiledProcess, machineSnapshot: AnyMachineSnapshot, timers: Record<TimerKey, TimerClock>, timerSequence: number): ProcessSnapshot {
  return {
    process: compiled.name,
    value: machineSnapshot.value as ProcessStateValue,
    status: machineSnapshot.status === 'done' ? 'done' : 'active',
    timers,
    timerSequence,
  };
}
