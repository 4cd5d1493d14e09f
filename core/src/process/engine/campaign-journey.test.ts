// Reference process 3: a campaign journey — send, wait three days, branch on whether the member
// responded (a guard on the timer's branches), then a follow-up call task or a reminder.
import { compileWorkflow } from '../testing/workflows-pack';
import { failed, ProcessDriver, succeeded } from '../testing/steps';

const SYSTEM = { id: 'system', roles: [] };
const WINDOW = 'campaignJourney:invited:responseWindow';
const LAST_CHANCE = 'campaignJourney:reminded:lastChance';

function member(): ProcessDriver {
  return new ProcessDriver(compileWorkflow('campaignJourney'), { id: 'm-1', name: 'Wei Zhang', email: 'wei@example.com', leadOwner: 'rep-7', responded: false }, SYSTEM, '2026-05-04T08:00:00.000Z');
}

describe('the campaign journey', () => {
  it('sends the invitation and waits three days', () => {
    const invited = member().last;
    expect(invited.stage).toBe('invited');
    expect(invited.effects.map((effect) => [effect.name, effect.delivery])).toEqual([['webhook', 'outbox'], ['setFields', 'transaction']]);
    expect(invited.effects[0]?.params).toMatchObject({ url: 'https://mail.example.com/send', payload: { template: 'invitation', record: { email: 'wei@example.com' } } });
    expect(invited.record['sentAt']).toBe('2026-05-04T08:00:00.000Z');
    expect(invited.timers.arm).toEqual([expect.objectContaining({ key: WINDOW, dueAt: '2026-05-07T08:00:00.000Z' })]);
  });

  it('creates a follow-up call task for the lead owner when the member responded', () => {
    const journey = member();
    const followUp = succeeded(journey.send({ type: 'stagecraft.timer', timer: WINDOW }, '2026-05-07T08:00:00.000Z', { responded: true }));
    expect(followUp).toMatchObject({ stage: 'followUp', done: true, timer: { key: WINDOW, outcome: 'fired' } });
    expect(followUp.effects).toEqual([expect.objectContaining({
      name: 'createRecord',
      params: { entity: 'task', values: { type: 'call', relatedEntity: 'campaignMember', title: 'Call Wei Zhang', assignee: 'rep-7', relatedId: 'm-1', dueDate: '2026-05-08' } },
    })]);
  });

  it('sends a reminder when the member did not respond, then gives up after three more days', () => {
    const journey = member();
    const reminded = succeeded(journey.fire(WINDOW));
    expect(reminded.stage).toBe('reminded');
    expect(reminded.effects[0]?.params).toMatchObject({ payload: { template: 'reminder' } });
    expect(reminded.record['reminderCount']).toBe(1);
    expect(reminded.timers).toMatchObject({ cancel: [WINDOW], arm: [expect.objectContaining({ key: LAST_CHANCE, dueAt: '2026-05-10T08:00:00.000Z' })] });
    expect(succeeded(journey.fire(LAST_CHANCE))).toMatchObject({ stage: 'noResponse', done: true });
  });

  it('does not fire the wait early, and lets the member opt out', () => {
    const journey = member();
    const early = succeeded(journey.send({ type: 'stagecraft.timer', timer: WINDOW }, '2026-05-06T08:00:00.000Z'));
    expect(early.timer?.outcome).toBe('notDue');
    expect(early.timers.cancel).toEqual([]);
    expect(succeeded(journey.send({ type: 'UNSUBSCRIBE' }, '2026-05-06T09:00:00.000Z'))).toMatchObject({ stage: 'optedOut', done: true, timers: { cancel: [WINDOW] } });
    expect(failed(journey.send({ type: 'UNSUBSCRIBE' }, '2026-05-06T09:00:00.000Z')).error).toBe('notAllowed');
  });
});
