// stepProcess rules beyond the reference processes: date-field timers, blocked timers, required
// fields to leave nested states, failing actions, reserved events and bad snapshots.
import { BadRequestError } from '../../model/problem';
import type { ProcessDocument } from '../../model/process';
import { compileProcess } from '../compile/compile-process';
import { createProcessRegistry } from '../registry/create-registry';
import { failed, ProcessDriver, stored, succeeded } from '../testing/steps';
import { REP, workflowsBundle } from '../testing/workflows-pack';
import { startProcess } from './start-process';
import { stepProcess } from './step-process';

const CLOSING = 'dealDesk:prospecting:closingSoon';
const DEAL_DESK: ProcessDocument = {
  kind: 'process', name: 'dealDesk', entity: 'opportunity', stageField: 'stage', initial: 'prospecting',
  states: {
    prospecting: {
      requiredFields: { leave: ['owner'] },
      on: {
        QUALIFY: { target: 'qualification' },
        RECALCULATE: { actions: [{ name: 'setFields', params: { expressions: { probability: "amount * 'many'" } } }] },
      },
      after: [{
        name: 'closingSoon', delay: { field: 'closeDate', offset: '-P3D' },
        guards: [{ name: 'expression', params: { expression: 'amount > 0' } }],
        actions: [{ name: 'notify', params: { to: 'owner', message: 'Closing in three days' } }],
      }],
    },
    qualification: {
      initial: 'discovery',
      states: { discovery: { requiredFields: { leave: ['amount'] }, on: { NEXT: { target: 'demo' } } }, demo: {} },
      on: { PROPOSE: { target: 'proposal' } },
    },
    proposal: { type: 'final' },
  },
};

function deal(record: Record<string, unknown>): ProcessDriver {
  const compiled = compileProcess(DEAL_DESK, createProcessRegistry(), { bundle: workflowsBundle() });
  return new ProcessDriver(compiled, { id: 'o-1', ...record }, REP, '2026-06-01T12:00:00.000Z');
}

describe('stepProcess', () => {
  it('arms a timer at a date field minus an offset, and skips it while the field is empty', () => {
    expect(deal({ closeDate: '2026-06-30' }).last.timers.arm).toEqual([expect.objectContaining({ key: CLOSING, dueAt: '2026-06-27T00:00:00.000Z' })]);
    const withoutDate = deal({}).last;
    expect(withoutDate.timers.arm).toEqual([]);
    expect(withoutDate.timers.skipped).toEqual([{ key: CLOSING, reason: 'the field "closeDate" holds no date' }]);
  });

  it('uses up a timer whose guard says no, with the reasons', () => {
    const driver = deal({ closeDate: '2026-06-30', amount: 0 });
    const blocked = succeeded(driver.fire(CLOSING));
    expect(blocked.timer).toMatchObject({ key: CLOSING, outcome: 'blocked', reasons: [expect.objectContaining({ guard: 'expression' })] });
    expect(blocked.effects).toEqual([]);
    expect(blocked.timers.cancel).toEqual([CLOSING]);
    expect(driver.timers).toEqual({});
  });

  it('checks the fields required to leave the active states, nested ones included', () => {
    const driver = deal({});
    expect(failed(driver.send({ type: 'QUALIFY' }, '2026-06-02T00:00:00Z')).reasons.map((reason) => reason.message)).toEqual(['Owner is required to leave prospecting']);
    succeeded(driver.send({ type: 'QUALIFY' }, '2026-06-02T00:00:00Z', { owner: 'user-rep' }));
    expect(failed(driver.send({ type: 'PROPOSE' }, '2026-06-03T00:00:00Z'))).toMatchObject({ error: 'guardFailed', reasons: [{ path: '/amount', code: 'requiredToLeave' }] });
    expect(failed(driver.send({ type: 'NEXT' }, '2026-06-03T00:00:00Z')).reasons[0]?.message).toBe('Amount is required to leave discovery');
    succeeded(driver.send({ type: 'NEXT' }, '2026-06-03T00:00:00Z', { amount: 5 }));
    expect(succeeded(driver.send({ type: 'PROPOSE' }, '2026-06-03T00:00:00Z'))).toMatchObject({ stage: 'proposal', done: true });
  });

  it('fails the step when an action cannot be prepared, and changes nothing', () => {
    const driver = deal({ amount: 10 });
    const before = driver.snapshot;
    expect(failed(driver.send({ type: 'RECALCULATE' }, '2026-06-02T00:00:00Z'))).toMatchObject({ error: 'actionFailed', reasons: [{ path: '/states/prospecting/on/RECALCULATE/actions/0', code: 'expressionEvaluation', action: 'setFields' }] });
    expect(driver.snapshot).toBe(before);
  });

  it.each(['xstate.init', `stagecraft.timer:${CLOSING}`, 'NOT_AN_EVENT'])('does not accept the event "%s" from a user', (type) => {
    const driver = deal({ closeDate: '2026-06-30', amount: 5, owner: 'user-rep' });
    expect(failed(driver.send({ type }, '2026-06-29T00:00:00Z'))).toMatchObject({ error: 'notAllowed', allowedEvents: ['QUALIFY', 'RECALCULATE'], reasons: [] });
  });

  it('continues from a snapshot that went through JSON, and leaves the input snapshot untouched', () => {
    const compiled = compileProcess(DEAL_DESK, createProcessRegistry(), { bundle: workflowsBundle() });
    const input = { record: { owner: 'u', closeDate: '2026-06-30' }, user: REP, now: '2026-06-01T00:00:00Z' };
    const started = succeeded(startProcess(compiled, input));
    const json = JSON.stringify(started.snapshot);
    const next = succeeded(stepProcess(compiled, JSON.parse(json), { type: 'QUALIFY' }, input));
    expect(JSON.stringify(started.snapshot)).toBe(json);
    expect(stored(next.snapshot)).toEqual(next.snapshot);
    expect(next.snapshot).toEqual({ process: 'dealDesk', value: { qualification: 'discovery' }, status: 'active', timers: {}, timerSequence: 1 });
  });

  it.each<[string, unknown]>([
    ['not an object', 'prospecting'],
    ['another process', { process: 'salesPipeline', value: 'prospecting', status: 'active', timers: {}, timerSequence: 0 }],
    ['an unknown state', { process: 'dealDesk', value: 'negotiation', status: 'active', timers: {}, timerSequence: 0 }],
    ['no timer clocks', { process: 'dealDesk', value: 'prospecting', status: 'active' }],
  ])('refuses a snapshot that is %s', (_case, snapshot) => {
    const compiled = compileProcess(DEAL_DESK, createProcessRegistry(), { bundle: workflowsBundle() });
    expect(() => stepProcess(compiled, snapshot, { type: 'QUALIFY' }, { record: {}, user: REP, now: '2026-06-01T00:00:00Z' })).toThrow(BadRequestError);
  });

  it('starts a state over when its timer targets it, so the timer repeats', () => {
    const repeating: ProcessDocument = {
      ...DEAL_DESK,
      states: { ...DEAL_DESK.states, prospecting: { entry: [{ name: 'setFields', params: { expressions: { probability: 'coalesce(probability, 0) + 1' } } }], after: [{ name: 'nudge', delay: { duration: 'P1D' }, target: 'prospecting' }] } },
    };
    const compiled = compileProcess(repeating, createProcessRegistry(), { bundle: workflowsBundle() });
    const driver = new ProcessDriver(compiled, { id: 'o-1' }, REP, '2026-06-01T12:00:00.000Z');
    const again = succeeded(driver.fire('dealDesk:prospecting:nudge'));
    expect(again.record['probability']).toBe(2);
    expect(again.timers).toMatchObject({ cancel: [], arm: [{ key: 'dealDesk:prospecting:nudge', dueAt: '2026-06-03T12:00:00.000Z', generation: 2 }] });
  });

  it('refuses a clock that is not a date', () => {
    const compiled = compileProcess(DEAL_DESK, createProcessRegistry(), { bundle: workflowsBundle() });
    expect(() => startProcess(compiled, { record: {}, user: REP, now: 'yesterday' })).toThrow(BadRequestError);
  });
});
