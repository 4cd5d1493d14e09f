// Reference process 2: ticket routing with a first-response SLA in business hours, a reminder at
// 75 %, escalation, and a clock that pauses while the ticket waits for the customer.
import { compileWorkflow } from '../testing/workflows-pack';
import { failed, ProcessDriver, succeeded } from '../testing/steps';

const AGENT = { id: 'agent-1', roles: ['agent'] };
const SLA = 'ticketRouting:open.response.pending:firstResponse';
const WARNING = `${SLA}:slaWarning`;
const HOUR = 3_600_000;
// Monday 2 March 2026, 10:00 in Berlin (CET, +01:00).
const MONDAY_10 = '2026-03-02T09:00:00.000Z';

function ticket(fields: Record<string, unknown> = {}, now = MONDAY_10): ProcessDriver {
  return new ProcessDriver(compileWorkflow('ticketRouting'), { id: 't-1', subject: 'Invoice wrong', category: 'billing', priority: 'normal', ...fields }, AGENT, now);
}

describe('ticket routing', () => {
  it.each([
    [{ category: 'billing', priority: 'normal' }, 'billing'],
    [{ category: 'technical', priority: 'low' }, 'support'],
    [{ category: 'billing', priority: 'urgent' }, 'escalations'],
  ])('routes %j to the %s queue and assigns round-robin within it', (fields, queue) => {
    const opened = ticket(fields).last;
    expect(opened.stateValue).toEqual({ open: { response: 'pending', work: 'inProgress' } });
    expect(opened.effects.map((effect) => [effect.name, effect.params])).toEqual([
      ['setFields', { values: { queue } }],
      ['assignOwner', { field: 'owner', strategy: 'roundRobin', team: queue }],
    ]);
  });

  it('arms a 4-business-hour SLA and a reminder at 75 %', () => {
    const { arm } = ticket().last.timers;
    expect(arm.map((timer) => [timer.key, timer.dueAt])).toEqual([
      [SLA, '2026-03-02T13:00:00.000Z'],
      [WARNING, '2026-03-02T12:00:00.000Z'],
    ]);
  });

  it('counts business hours over the weekend and the daylight-saving change', () => {
    // Friday 27 March 16:00 CET: 1h on Friday, then Monday 30 March (CEST) 09:00 + 3h = 12:00 = 10:00Z.
    const { arm } = ticket({}, '2026-03-27T15:00:00.000Z').last.timers;
    expect(arm.map((timer) => timer.dueAt)).toEqual(['2026-03-30T10:00:00.000Z', '2026-03-30T09:00:00.000Z']);
  });

  it('reminds the owner at 75 % and escalates to the queue supervisor at 100 %', () => {
    const open = ticket({ owner: 'agent-1' });
    const reminder = succeeded(open.fire(WARNING));
    expect(reminder.timer?.outcome).toBe('fired');
    expect(reminder.stateValue).toEqual({ open: { response: 'pending', work: 'inProgress' } });
    expect(reminder.effects).toEqual([expect.objectContaining({ name: 'notify', delivery: 'outbox', params: expect.objectContaining({ to: [{ user: 'agent-1' }] }) })]);
    expect(reminder.timers.cancel).toEqual([WARNING]);
    expect(Object.keys(open.timers)).toEqual([SLA]);

    const escalation = succeeded(open.fire(SLA));
    expect(escalation.stateValue).toEqual({ open: { response: 'overdue', work: 'inProgress' } });
    expect(escalation.record['escalated']).toBe(true);
    expect(escalation.effects.map((effect) => effect.name)).toEqual(['setFields', 'notify']);
    expect(escalation.effects[1]?.params).toMatchObject({ to: [{ role: 'supervisor', team: 'billing' }], channels: ['inApp', 'email'] });
    expect(escalation.timers.cancel).toEqual([SLA]);
    expect(open.timers).toEqual({});
  });

  it('stops the SLA when the agent responds', () => {
    const open = ticket();
    const responded = succeeded(open.send({ type: 'RESPOND' }, '2026-03-02T10:30:00.000Z'));
    expect(responded.stateValue).toEqual({ open: { response: 'responded', work: 'inProgress' } });
    expect(responded.record['firstResponseAt']).toBe('2026-03-02T10:30:00.000Z');
    expect(responded.timers.cancel.sort()).toEqual([SLA, WARNING]);
    expect(succeeded(open.fire(SLA, '2026-03-02T13:00:00.000Z')).timer?.outcome).toBe('inactive');
  });

  it('pauses the SLA clock while waiting for the customer and resumes it with the business time left', () => {
    const open = ticket();
    // One business hour in: 3h left on the SLA, 2h left before the reminder.
    const waiting = succeeded(open.send({ type: 'WAIT_FOR_CUSTOMER' }, '2026-03-02T10:00:00.000Z'));
    expect(waiting.stateValue).toEqual({ open: { response: 'pending', work: 'waitingForCustomer' } });
    expect(waiting.timers).toMatchObject({ arm: [], cancel: [], resume: [] });
    expect(waiting.timers.pause).toEqual([{ key: SLA, remainingMs: 3 * HOUR }, { key: WARNING, remainingMs: 2 * HOUR }]);

    const firedWhilePaused = succeeded(open.send({ type: 'stagecraft.timer', timer: SLA }, '2026-03-02T13:00:00.000Z'));
    expect(firedWhilePaused.timer?.outcome).toBe('paused');
    expect(firedWhilePaused.effects).toEqual([]);

    // The customer answers on Tuesday at 10:00 CET: the clock runs again from there.
    const replied = succeeded(open.send({ type: 'CUSTOMER_REPLIED' }, '2026-03-03T09:00:00.000Z'));
    expect(replied.timers.pause).toEqual([]);
    expect(replied.timers.resume.map((timer) => [timer.key, timer.dueAt, timer.generation])).toEqual([
      [SLA, '2026-03-03T12:00:00.000Z', 1],
      [WARNING, '2026-03-03T11:00:00.000Z', 2],
    ]);
  });

  it('measures a pause over the evening in business time', () => {
    const open = ticket({}, '2026-03-02T14:00:00.000Z'); // 15:00 CET: due Tuesday 11:00 CET
    const waiting = succeeded(open.send({ type: 'WAIT_FOR_CUSTOMER' }, '2026-03-02T15:30:00.000Z')); // 16:30 CET
    expect(waiting.timers.pause.find((pause) => pause.key === SLA)?.remainingMs).toBe(2.5 * HOUR);
  });

  it('needs a resolution to resolve, cancels the open timers, and auto-closes after three days', () => {
    const open = ticket();
    succeeded(open.send({ type: 'WAIT_FOR_CUSTOMER' }, '2026-03-02T10:00:00.000Z'));
    expect(failed(open.send({ type: 'RESOLVE' }, '2026-03-02T11:00:00.000Z')).reasons).toEqual([
      expect.objectContaining({ path: '/resolution', message: 'Resolution is required to enter Resolved' }),
    ]);
    const resolved = succeeded(open.send({ type: 'RESOLVE' }, '2026-03-02T11:00:00.000Z', { resolution: 'Credit note sent' }));
    expect(resolved.stage).toBe('resolved');
    expect(resolved.timers.cancel.sort()).toEqual([SLA, WARNING]);
    expect(resolved.timers.arm).toEqual([expect.objectContaining({ key: 'ticketRouting:resolved:autoClose', dueAt: '2026-03-05T11:00:00.000Z' })]);
    const closed = succeeded(open.fire('ticketRouting:resolved:autoClose'));
    expect(closed).toMatchObject({ stage: 'closed', done: true });
  });

  it('routes again and re-arms the SLA when a ticket is reopened', () => {
    const open = ticket();
    succeeded(open.send({ type: 'RESOLVE' }, '2026-03-02T11:00:00.000Z', { resolution: 'Done' }));
    const reopened = succeeded(open.send({ type: 'REOPEN' }, '2026-03-04T09:00:00.000Z', { priority: 'urgent' }));
    expect(reopened.effects[0]?.params).toEqual({ values: { queue: 'escalations' } });
    expect(reopened.timers.cancel).toEqual(['ticketRouting:resolved:autoClose']);
    expect(reopened.timers.arm.map((timer) => [timer.key, timer.generation])).toEqual([[SLA, 4], [WARNING, 5]]);
  });
});
