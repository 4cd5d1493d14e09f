// Timers due at a date field move when the field changes: re-armed with a new generation (the old
// firing becomes stale), cancelled when the field is emptied, untouched when another field changes
// or the clock is paused.
import type { ProcessDocument } from '../../model/process';
import { compileProcess } from '../compile/compile-process';
import { createProcessRegistry } from '../registry/create-registry';
import { ProcessDriver, succeeded } from '../testing/steps';
import { REP, workflowsBundle } from '../testing/workflows-pack';
import { retimeFieldTimers, timerDateFields } from './field-timers';
import type { ProcessSnapshot } from './process-snapshot';

const MAIN = 'collection:prospecting:overdue';
const REMINDER = 'collection:prospecting:overdue:nudge';
const COLLECTION: ProcessDocument = {
  kind: 'process', name: 'collection', entity: 'opportunity', stageField: 'stage', initial: 'prospecting',
  states: {
    prospecting: {
      initial: 'invoiced',
      states: { invoiced: { on: { DISPUTE: { target: 'disputed' } } }, disputed: { on: { SETTLE: { target: 'invoiced' } } } },
      after: [{
        name: 'overdue', delay: { field: 'closeDate', offset: 'P1D' }, target: 'negotiation', pausedIn: ['disputed'],
        reminders: [{ name: 'nudge', percent: 50, actions: [{ name: 'notify', params: { to: 'owner', message: 'Half way' } }] }],
      }],
      on: { PAY: { target: 'closedWon' } },
    },
    negotiation: { on: { PAY: { target: 'closedWon' } } },
    closedWon: { type: 'final' },
  },
};

const compiled = compileProcess(COLLECTION, createProcessRegistry(), { bundle: workflowsBundle() });
const started = (): ProcessDriver => new ProcessDriver(compiled, { id: 'o-1', closeDate: '2026-06-30' }, REP, '2026-06-10T00:00:00.000Z');
const at = (now: string, record: Record<string, unknown>) => ({ record: { id: 'o-1', ...record }, user: REP, now });

describe('retimeFieldTimers', () => {
  it('names the date fields timers are due at', () => {
    expect([...timerDateFields(compiled)]).toEqual(['closeDate']);
  });

  it('moves a running clock and its reminder to the new date, with new generations', () => {
    const driver = started();
    const before = driver.snapshot as ProcessSnapshot;
    expect(before.timers[MAIN]?.dueAt).toBe('2026-07-01T00:00:00.000Z');
    const moved = retimeFieldTimers(compiled, driver.snapshot, new Set(['closeDate']), at('2026-06-20T00:00:00.000Z', { closeDate: '2026-07-20' }));
    expect(moved?.timers.arm.map(({ key, dueAt }) => ({ key, dueAt }))).toEqual([
      { key: MAIN, dueAt: '2026-07-21T00:00:00.000Z' },
      // Half of the span that is left from the change to the new due time.
      { key: REMINDER, dueAt: '2026-07-05T12:00:00.000Z' },
    ]);
    expect(moved?.timers.cancel).toEqual([]);
    const generations = Object.values(moved?.snapshot.timers ?? {}).map((clock) => clock.generation);
    expect(Math.min(...generations)).toBeGreaterThan(Math.max(...Object.values(before.timers).map((clock) => clock.generation)));
    expect(moved?.snapshot.timerSequence).toBe(before.timerSequence + 2);
    expect(moved?.snapshot.value).toEqual(before.value);
  });

  it('re-arms a reminder that already fired when the date moves', () => {
    const driver = started();
    succeeded(driver.fire(REMINDER));
    expect(Object.keys(driver.timers)).toEqual([MAIN]);
    const moved = retimeFieldTimers(compiled, driver.snapshot, new Set(['closeDate']), at('2026-06-25T00:00:00.000Z', { closeDate: '2026-08-01' }));
    expect(moved?.timers.arm.map((timer) => timer.key).sort()).toEqual([MAIN, REMINDER]);
  });

  it('cancels the clock when the date is emptied', () => {
    const moved = retimeFieldTimers(compiled, started().snapshot, new Set(['closeDate']), at('2026-06-20T00:00:00.000Z', { closeDate: null }));
    expect(moved?.timers.cancel.sort()).toEqual([MAIN, REMINDER]);
    expect(moved?.timers.skipped.map((skip) => skip.reason)).toContain('the field "closeDate" holds no date');
    expect(moved?.snapshot.timers).toEqual({});
  });

  it('leaves clocks alone when another field changes, when paused, and when the process is done', () => {
    const driver = started();
    expect(retimeFieldTimers(compiled, driver.snapshot, new Set(['amount']), at('2026-06-20T00:00:00.000Z', { closeDate: '2026-07-20', amount: 3 }))).toBeUndefined();
    succeeded(driver.send({ type: 'DISPUTE' }, '2026-06-15T00:00:00.000Z'));
    expect(driver.timers[MAIN]?.remainingMs).toBeGreaterThan(0);
    expect(retimeFieldTimers(compiled, driver.snapshot, new Set(['closeDate']), at('2026-06-20T00:00:00.000Z', { closeDate: '2026-07-20' }))).toBeUndefined();
    succeeded(driver.send({ type: 'PAY' }, '2026-06-16T00:00:00.000Z'));
    expect(retimeFieldTimers(compiled, driver.snapshot, new Set(['closeDate']), at('2026-06-20T00:00:00.000Z', { closeDate: '2026-07-20' }))).toBeUndefined();
  });

  it('moves a clock to the past when the date is moved back, so it fires at once', () => {
    const moved = retimeFieldTimers(compiled, started().snapshot, new Set(['closeDate']), at('2026-06-20T00:00:00.000Z', { closeDate: '2026-06-01' }));
    expect(moved?.timers.arm.find((timer) => timer.key === MAIN)?.dueAt).toBe('2026-06-02T00:00:00.000Z');
  });
});
