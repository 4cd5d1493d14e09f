// simulateProcess: a dry run that applies setFields to the sample record and jumps the clock to timers.
import { compileWorkflow, MANAGER, REP } from '../testing/workflows-pack';
import { simulateProcess } from './simulate-process';

describe('simulateProcess', () => {
  it('walks the sales pipeline, reporting each step, blocked ones included', () => {
    const compiled = compileWorkflow('salesPipeline');
    const simulation = simulateProcess(compiled, { id: 'sample', name: 'Sample deal', owner: 'u1' }, [
      { type: 'QUALIFY' },
      { type: 'PROPOSE' },
      { type: 'PROPOSE', data: {} },
    ], { now: '2026-03-02T09:00:00Z', user: REP });
    expect(simulation.path.map((step) => [step.event, step.from, step.to, step.ok])).toEqual([
      ['stagecraft.start', null, 'prospecting', true],
      ['QUALIFY', 'prospecting', 'qualification', true],
      ['PROPOSE', 'qualification', 'qualification', false],
      ['PROPOSE', 'qualification', 'qualification', false],
    ]);
    expect(simulation.path[2]).toMatchObject({ error: 'guardFailed', stage: 'qualification', reasons: [{ path: '/amount' }, { path: '/closeDate' }] });
    expect(simulation.record['probability']).toBe(25);
  });

  it('lets later guards see fields set by earlier steps, and moves the clock to due timers', () => {
    const compiled = compileWorkflow('salesPipeline', (process) => {
      const qualification = process.states['qualification'];
      if (qualification) qualification.entry = [{ name: 'setFields', params: { values: { probability: 25, amount: 90_000, closeDate: '2026-09-30' } } }];
    });
    const simulation = simulateProcess(compiled, { id: 'sample', name: 'Sample deal', owner: 'u1' }, [
      { type: 'QUALIFY' },
      { type: 'stagecraft.timer', timer: 'salesPipeline:qualification:staleDeal' },
      { type: 'PROPOSE', at: '2026-04-01T00:00:00Z' },
      { type: 'NEGOTIATE' },
      { type: 'TERMS_AGREED' },
      { type: 'WIN' },
    ], { now: '2026-03-02T09:00:00Z', user: MANAGER });
    expect(simulation.path.every((step) => step.ok)).toBe(true);
    expect(simulation.path[2]).toMatchObject({ at: '2026-03-16T09:00:00.000Z', timer: { outcome: 'fired' }, effects: [{ name: 'createRecord' }] });
    expect(simulation.path[3]?.at).toBe('2026-04-01T00:00:00.000Z');
    expect(simulation.path.at(-1)).toMatchObject({ to: 'closedWon', stage: 'closedWon' });
    expect(simulation.record).toMatchObject({ amount: 90_000, probability: 100 });
    expect(simulation.snapshot?.status).toBe('done');
  });

  it('stops when the process cannot start', () => {
    const compiled = compileWorkflow('salesPipeline', (process) => { process.initial = 'proposal'; });
    const simulation = simulateProcess(compiled, {}, [{ type: 'NEGOTIATE' }], { now: '2026-03-02T09:00:00Z', user: REP });
    expect(simulation.path).toEqual([expect.objectContaining({ event: 'stagecraft.start', ok: false, error: 'guardFailed' })]);
    expect(simulation.snapshot).toBeNull();
  });
});
