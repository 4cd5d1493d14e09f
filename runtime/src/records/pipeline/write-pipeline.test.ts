// The write pipeline as data: phases run in PHASE_NAMES order, a kind's declared skips are
// honoured, a registered capability phase runs on every kind that does not skip it, `load` can
// end a write early, and the shipped pipeline fills every named slot.
import type { Transaction } from 'sequelize';
import type { CompiledEntity } from '../../live/compiled-types';
import type { RecordContext } from '../record-context';
import { recordWritePipeline } from './record-write-pipeline';
import { isSkipped, SKIPPED_PHASES } from './skipped-phases';
import type { RecordWriteContext } from './write-context';
import { WritePipeline } from './write-pipeline';
import { PHASE_NAMES, WRITE_KINDS, type PhaseName, type WriteKind } from './write-phases';

const TRANSACTION = {} as Transaction;

function writeOf(kind: WriteKind, load?: RecordWriteContext['load']): RecordWriteContext {
  return {
    kind, operation: {} as RecordContext, entity: { name: 'thing' } as CompiledEntity, id: 'r1', now: new Date(0),
    after: {}, fields: [], sent: {}, links: new Map(), afterCommit: [], ...(load ? { load } : {}),
  };
}

/** A pipeline with a recording phase under every name, registered in reverse to show order is the names'. */
function recordingPipeline(ran: PhaseName[]): WritePipeline {
  const pipeline = new WritePipeline();
  for (const name of [...PHASE_NAMES].reverse()) {
    pipeline.register({ name, run: async (context, transaction) => { ran.push(name); if (name === 'load') await context.load?.(transaction); } });
  }
  return pipeline;
}

describe('the record-write pipeline', () => {
  it.each(WRITE_KINDS)('runs a %s write\'s phases in the declared order, leaving out exactly its declared skips', async (kind) => {
    const ran: PhaseName[] = [];
    await recordingPipeline(ran).run(writeOf(kind), TRANSACTION);
    expect(ran).toEqual(PHASE_NAMES.filter((name) => !isSkipped(kind, name)));
  });

  it('runs a registered capability phase on every kind of write that does not skip it', async () => {
    const pipeline = new WritePipeline();
    const kinds: WriteKind[] = [];
    pipeline.register({ name: 'overlapRules', run: async (context) => { kinds.push(context.kind); } });
    for (const kind of WRITE_KINDS) await pipeline.run(writeOf(kind), TRANSACTION);
    expect(kinds).toEqual(WRITE_KINDS.filter((kind) => !isSkipped(kind, 'overlapRules')));
    // The two paths that once missed it now reach it.
    expect(kinds).toEqual(expect.arrayContaining(['transition', 'timer', 'update', 'create']));
  });

  it('honours a declared skip: a transition writes no record audit row of its own, a delete no formulas', () => {
    expect(recordWritePipeline.phasesFor('transition').map((phase) => phase.name)).not.toContain('audit');
    expect(recordWritePipeline.phasesFor('transition').map((phase) => phase.name)).toEqual(expect.arrayContaining(['references', 'overlapRules', 'membershipAudit']));
    expect(recordWritePipeline.phasesFor('timer').map((phase) => phase.name)).toContain('references');
    expect(recordWritePipeline.phasesFor('delete').map((phase) => phase.name)).not.toContain('formulas');
  });

  it('stops before the row is written when load finds nothing to write', async () => {
    const pipeline = new WritePipeline();
    const ran: PhaseName[] = [];
    pipeline.register({ name: 'load', run: async (context, transaction) => { ran.push('load'); if (context.load && !(await context.load(transaction))) context.stopped = true; } });
    pipeline.register({ name: 'write', run: async () => { ran.push('write'); } });
    expect(await pipeline.run(writeOf('assign', async () => false), TRANSACTION)).toBe(false);
    expect(ran).toEqual(['load']);
  });

  it('refuses a second phase under one name', () => {
    const pipeline = new WritePipeline().register({ name: 'audit', run: async () => undefined });
    expect(() => pipeline.register({ name: 'audit', run: async () => undefined })).toThrow('registered twice');
  });

  it('ships a phase for every name, and a reason for every skip', () => {
    const registered = new Set(WRITE_KINDS.flatMap((kind) => recordWritePipeline.phasesFor(kind).map((phase) => phase.name)));
    expect([...registered].sort()).toEqual([...PHASE_NAMES].sort());
    for (const kind of WRITE_KINDS) {
      for (const [phase, reason] of Object.entries(SKIPPED_PHASES[kind])) {
        expect(PHASE_NAMES).toContain(phase);
        expect(reason?.length ?? 0).toBeGreaterThan(10);
      }
    }
  });
});
