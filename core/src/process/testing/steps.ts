// Test support: drive a compiled process step by step, failing loudly when a step that should
// succeed does not, and round-tripping every snapshot through JSON as the runtime stores it.
import type { CompiledProcess } from '../compile/compiled-process';
import type { ProcessRecord, ProcessUser } from '../registry/registry-types';
import type { ProcessSnapshot } from '../engine/process-snapshot';
import { startProcess } from '../engine/start-process';
import type { ProcessEvent } from '../engine/step-input';
import { stepProcess, type TimerFiredEvent } from '../engine/step-process';
import type { StepFailure, StepResult, StepSuccess } from '../engine/step-result';

export function succeeded(result: StepResult): StepSuccess {
  if (!result.ok) throw new Error(`expected success, got ${result.error}: ${JSON.stringify(result.reasons)}`);
  return result;
}

export function failed(result: StepResult): StepFailure {
  if (result.ok) throw new Error(`expected a failure, got the state ${JSON.stringify(result.stateValue)}`);
  return result;
}

/** Persist → JSON.stringify → parse, as a database column would. */
export function stored(snapshot: ProcessSnapshot): unknown {
  return JSON.parse(JSON.stringify(snapshot));
}

/** A record under a process: each step reloads the snapshot from JSON and keeps setFields results. */
export class ProcessDriver {
  snapshot: unknown;
  record: ProcessRecord;
  last: StepSuccess;

  constructor(readonly compiled: CompiledProcess, record: ProcessRecord, readonly user: ProcessUser, now: string) {
    this.last = succeeded(startProcess(compiled, { record, user, now }));
    this.snapshot = stored(this.last.snapshot);
    this.record = this.last.record;
  }

  /** Sends an event; on success keeps the new snapshot and record. */
  send(event: ProcessEvent | TimerFiredEvent, now: string, changes: ProcessRecord = {}, user: ProcessUser = this.user): StepResult {
    const result = stepProcess(this.compiled, this.snapshot, event, { record: { ...this.record, ...changes }, user, now });
    if (result.ok) {
      this.last = result;
      this.snapshot = stored(result.snapshot);
      this.record = result.record;
    }
    return result;
  }

  /** Fires a timer by key at its due time (or `now`), as the scheduler would. */
  fire(key: string, now?: string): StepResult {
    const due = (this.snapshot as ProcessSnapshot).timers[key]?.dueAt;
    return this.send({ type: 'stagecraft.timer', timer: key }, now ?? due ?? '2100-01-01T00:00:00Z');
  }

  get timers(): ProcessSnapshot['timers'] {
    return (this.snapshot as ProcessSnapshot).timers;
  }
}
