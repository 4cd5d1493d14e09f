// Reference process 1: the sales pipeline, driven through the pure engine.
import { availableTransitions } from './available-transitions';
import { compileWorkflow, MANAGER, REP } from '../testing/workflows-pack';
import { failed, ProcessDriver, succeeded } from '../testing/steps';

const STALE = (state: string): string => `salesPipeline:${state}:staleDeal`;
const DEAL = { id: 'opp-1', name: 'Acme renewal', owner: 'user-rep' };
const START = '2026-03-02T09:00:00.000Z';

function pipeline(): ProcessDriver {
  return new ProcessDriver(compileWorkflow('salesPipeline'), DEAL, REP, START);
}

describe('the sales pipeline', () => {
  it('starts in prospecting with its probability and a 14-day stale-deal timer', () => {
    const deal = pipeline();
    expect(deal.last.stage).toBe('prospecting');
    expect(deal.last.effects).toEqual([expect.objectContaining({ name: 'setFields', params: { values: { probability: 10 } }, phase: 'entry', state: 'prospecting' })]);
    expect(deal.record['probability']).toBe(10);
    expect(deal.last.timers.arm).toEqual([{ key: STALE('prospecting'), state: 'prospecting', timer: 'staleDeal', dueAt: '2026-03-16T09:00:00.000Z', generation: 1 }]);
  });

  it('restarts the stale-deal timer on activity, so the old firing is stale', () => {
    const deal = pipeline();
    const activity = succeeded(deal.send({ type: 'ACTIVITY' }, '2026-03-07T10:00:00.000Z'));
    expect(activity.stage).toBe('prospecting');
    expect(activity.effects).toEqual([]);
    expect(activity.timers.arm).toEqual([expect.objectContaining({ key: STALE('prospecting'), dueAt: '2026-03-21T10:00:00.000Z', generation: 2 })]);
    const oldFiring = succeeded(deal.send({ type: 'stagecraft.timer', timer: STALE('prospecting'), generation: 1 }, '2026-03-16T09:00:00.000Z'));
    expect(oldFiring.timer).toEqual({ key: STALE('prospecting'), outcome: 'stale' });
    expect(oldFiring.timers.cancel).toEqual([]);
  });

  it('creates a follow-up task for the owner when the deal goes stale, once', () => {
    const deal = pipeline();
    const stale = succeeded(deal.fire(STALE('prospecting')));
    expect(stale.timer?.outcome).toBe('fired');
    expect(stale.stage).toBe('prospecting');
    expect(stale.effects).toEqual([{
      name: 'createRecord', delivery: 'transaction', state: 'prospecting', phase: 'transition', call: '/states/prospecting/after/0/actions/0',
      params: { entity: 'task', values: { type: 'todo', relatedEntity: 'opportunity', title: 'Stale deal: Acme renewal', assignee: 'user-rep', relatedId: 'opp-1', dueDate: '2026-03-17' } },
    }]);
    expect(stale.timers.cancel).toEqual([STALE('prospecting')]);
    expect(deal.timers).toEqual({});
    expect(succeeded(deal.fire(STALE('prospecting'), '2026-03-20T00:00:00Z')).timer).toEqual({ key: STALE('prospecting'), outcome: 'inactive' });
  });

  it('requires amount and close date to enter Proposal, with localised reasons', () => {
    const deal = pipeline();
    succeeded(deal.send({ type: 'QUALIFY' }, '2026-03-03T09:00:00Z'));
    const blocked = failed(deal.send({ type: 'PROPOSE' }, '2026-03-04T09:00:00Z'));
    expect(blocked.error).toBe('guardFailed');
    expect(blocked.reasons.map((reason) => [reason.path, reason.code, reason.message])).toEqual([
      ['/amount', 'requiredToEnter', 'Amount is required to enter Proposal'],
      ['/closeDate', 'requiredToEnter', 'Close date is required to enter Proposal'],
    ]);
    expect(blocked.reasons[1]?.text).toEqual({ en: 'Close date is required to enter Proposal', 'zh-CN': '进入“方案报价”前必须填写“预计成交日期”' });
    const proposal = succeeded(deal.send({ type: 'PROPOSE' }, '2026-03-04T09:00:00Z', { amount: 50_000, closeDate: '2026-06-30' }));
    expect(proposal.stage).toBe('proposal');
    expect(proposal.record['probability']).toBe(60);
    expect(proposal.timers.cancel).toEqual([STALE('qualification')]);
    expect(proposal.timers.arm.map((timer) => timer.key)).toEqual([STALE('proposal')]);
  });

  it('negotiates in nested states, and only a manager closes a deal over 100,000', () => {
    const deal = pipeline();
    succeeded(deal.send({ type: 'QUALIFY' }, '2026-03-03T09:00:00Z'));
    succeeded(deal.send({ type: 'PROPOSE' }, '2026-03-04T09:00:00Z', { amount: 250_000, closeDate: '2026-06-30' }));
    const negotiation = succeeded(deal.send({ type: 'NEGOTIATE' }, '2026-03-05T09:00:00Z'));
    expect(negotiation.stateValue).toEqual({ negotiation: 'terms' });
    expect(negotiation.stage).toBe('negotiation');
    expect(failed(deal.send({ type: 'WIN' }, '2026-03-06T09:00:00Z'))).toMatchObject({ error: 'notAllowed', allowedEvents: ['TERMS_AGREED'] });

    const legal = succeeded(deal.send({ type: 'TERMS_AGREED' }, '2026-03-06T09:00:00Z'));
    expect(legal.stateValue).toEqual({ negotiation: 'legalReview' });
    expect(legal.timers).toEqual({ arm: [], cancel: [], pause: [], resume: [], skipped: [] });

    const byRep = failed(deal.send({ type: 'WIN' }, '2026-03-07T09:00:00Z'));
    expect(byRep.error).toBe('guardFailed');
    expect(byRep.reasons.map((reason) => reason.message)).toEqual(['Deals over 100,000 need a sales manager to close', 'Only a user with the role salesManager may do this']);

    const won = succeeded(deal.send({ type: 'WIN' }, '2026-03-07T09:00:00Z', {}, MANAGER));
    expect(won).toMatchObject({ stage: 'closedWon', done: true, previousStateValue: { negotiation: 'legalReview' } });
    expect(won.record['probability']).toBe(100);
    expect(won.effects.map((effect) => [effect.name, effect.delivery, effect.phase])).toEqual([['setFields', 'transaction', 'entry'], ['notify', 'outbox', 'entry']]);
    expect(won.effects[1]?.params).toEqual({ to: [{ role: 'salesManager' }], message: { en: 'A deal was won.', 'zh-CN': '赢得一笔商机。' }, channels: ['inApp'] });
    expect(won.timers.cancel).toEqual([STALE('negotiation')]);
    expect(failed(deal.send({ type: 'LOSE' }, '2026-03-08T09:00:00Z', { lostReason: 'x' }))).toMatchObject({ error: 'notAllowed', allowedEvents: [] });
  });

  it('needs a lost reason to close lost', () => {
    const deal = pipeline();
    const blocked = failed(deal.send({ type: 'LOSE' }, '2026-03-03T09:00:00Z'));
    expect(blocked.reasons).toEqual([expect.objectContaining({ path: '/lostReason', message: 'Lost reason is required to enter Closed lost', guard: 'requiredFields' })]);
    const lost = succeeded(deal.send({ type: 'LOSE' }, '2026-03-03T09:00:00Z', { lostReason: 'Budget cut' }));
    expect(lost).toMatchObject({ stage: 'closedLost', done: true });
    expect(lost.record).toMatchObject({ lostReason: 'Budget cut', probability: 0 });
  });

  it('lists the transitions a user may take now, with the reasons for the others', () => {
    const deal = pipeline();
    const input = { record: deal.record, user: REP, now: '2026-03-03T09:00:00Z', locale: 'zh-CN' };
    expect(availableTransitions(deal.compiled, deal.snapshot, input)).toEqual([
      { event: 'QUALIFY', label: '确认资格', labelText: { en: 'Qualify', 'zh-CN': '确认资格' }, target: 'qualification', allowed: true, reasons: [] },
      {
        event: 'LOSE', label: '标记输单', labelText: { en: 'Mark lost', 'zh-CN': '标记输单' }, target: 'closedLost', allowed: false,
        reasons: [expect.objectContaining({ path: '/lostReason', message: '进入“输单”前必须填写“输单原因”' })],
      },
    ]);
  });
});
