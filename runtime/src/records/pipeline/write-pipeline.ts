// The ordered registry of record-write phases. Capabilities register `{ name, run }` under one
// of the PHASE_NAMES; a write runs, for its kind, every registered phase its kind does not skip
// (skipped-phases.ts), in PHASE_NAMES order. `prepare` runs before the transaction, for work
// that must not wait inside it (creating counter and lock rows: SQLite has one writer).
import type { Transaction } from 'sequelize';
import type { RecordWriteContext } from './write-context';
import { isSkipped } from './skipped-phases';
import { PHASE_NAMES, type PhaseName, type WriteKind } from './write-phases';

export interface RecordWritePhase {
  readonly name: PhaseName;
  prepare?(context: RecordWriteContext): Promise<void>;
  run(context: RecordWriteContext, transaction: Transaction): Promise<void>;
}

const ORDER: ReadonlyMap<PhaseName, number> = new Map(PHASE_NAMES.map((name, index) => [name, index]));

export class WritePipeline {
  private readonly phases: RecordWritePhase[] = [];
  private readonly byKind = new Map<WriteKind, readonly RecordWritePhase[]>();

  /** Adds a capability's phase; one run per name, so two capabilities cannot fight over a slot. */
  register(phase: RecordWritePhase): this {
    if (this.phases.some((registered) => registered.name === phase.name)) throw new Error(`The write phase "${phase.name}" is registered twice`);
    this.phases.push(phase);
    this.phases.sort((a, b) => (ORDER.get(a.name) ?? 0) - (ORDER.get(b.name) ?? 0));
    this.byKind.clear();
    return this;
  }

  /** The phases a kind of write runs, in order. */
  phasesFor(kind: WriteKind): readonly RecordWritePhase[] {
    let phases = this.byKind.get(kind);
    if (!phases) {
      phases = this.phases.filter((phase) => !isSkipped(kind, phase.name));
      this.byKind.set(kind, phases);
    }
    return phases;
  }

  /** Before the transaction: each phase's preparation. */
  async prepare(context: RecordWriteContext): Promise<void> {
    for (const phase of this.phasesFor(context.kind)) await phase.prepare?.(context);
  }

  /** Inside the transaction: every phase in order; false when a phase stopped the write (`load` found nothing to write). */
  async run(context: RecordWriteContext, transaction: Transaction): Promise<boolean> {
    for (const phase of this.phasesFor(context.kind)) {
      await phase.run(context, transaction);
      if (context.stopped) return false;
    }
    return true;
  }
}
