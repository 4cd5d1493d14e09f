// The reference ticket routing through the API: routed to a queue by category and priority and
// assigned round-robin within it; a 4-business-hour first-response SLA with a reminder at 75 %,
// paused while waiting for the customer, escalating to the queue's supervisor (in-app + e-mail
// through the outbox); resolution required to resolve, auto-close after 3 days.
import { testDialects } from '../support/databases';
import type { TestUser } from './runtime-harness';
import { createRecord, DAY_MS, detailsOf, getRecord, HOUR_MS, processView, sendEvent, startWorkflowRuntime, type WorkflowTestRuntime } from './workflow-harness';

describe.each(testDialects())('ticket routing through the API on %s', (dialect) => {
  let runtime: WorkflowTestRuntime;
  let first: TestUser;
  let second: TestUser;
  let supervisor: TestUser;
  const start = Date.parse('2026-03-02T09:00:00.000Z');
  const at = (hours: number): Date => new Date(start + hours * HOUR_MS);

  beforeAll(async () => {
    runtime = await startWorkflowRuntime(dialect);
    first = await runtime.createUser({ username: 'agent-one', role: 'agent', team: 'billing' });
    second = await runtime.createUser({ username: 'agent-two', role: 'agent', team: 'billing' });
    supervisor = await runtime.createUser({ username: 'billing-lead', role: 'supervisor', team: 'billing' });
    await runtime.api().patch(`/api/records/user/${supervisor.id}`).send({ email: 'lead@example.com' });
  });
  afterAll(async () => runtime?.close());

  it('routes by category and priority and assigns round-robin within the queue', async () => {
    const tickets = [];
    for (let index = 0; index < 4; index += 1) tickets.push(await createRecord(runtime, 'ticket', { subject: `Invoice ${index}`, category: 'billing' }));
    expect(tickets.map((ticket) => ticket.queue)).toEqual(['billing', 'billing', 'billing', 'billing']);
    // The team's members take turns (the supervisor is a member of the billing team too).
    const owners = tickets.map((ticket) => ticket.owner);
    expect(new Set(owners.slice(0, 3))).toEqual(new Set([first.id, second.id, supervisor.id]));
    expect(owners[3]).toBe(owners[0]);
    const urgent = await createRecord(runtime, 'ticket', { subject: 'Down', category: 'technical', priority: 'urgent' });
    // The escalations team has no members yet: the owner stays the creator's default.
    expect(urgent).toMatchObject({ queue: 'escalations', status: 'open', owner: runtime.admin.id });
    // Answering stops their SLA clocks, so the next tests see only their own timers.
    for (const ticket of [...tickets, urgent]) expect((await sendEvent(runtime, 'ticket', ticket.id, { event: 'RESPOND' })).status).toBe(200);
  });

  it('reminds at 75 %, pauses while waiting for the customer, then escalates to the supervisor', async () => {
    runtime.clock.set(at(0));
    const ticket = await createRecord(runtime, 'ticket', { subject: 'Refund', category: 'billing' });
    const timers = (await processView(runtime, 'ticket', ticket.id)).timers;
    expect(Object.fromEntries(timers.map((timer) => [timer.key.split(':').slice(2).join(':'), timer.dueAt]))).toEqual({
      firstResponse: at(4).toISOString(),
      'firstResponse:slaWarning': at(3).toISOString(),
    });

    runtime.clock.set(at(3));
    expect((await runtime.workflow.scheduler.fireDueTimers()).fired).toBe(1);
    await runtime.workflow.outboxWorker.deliverDue();
    const owner = [first, second, supervisor].find((user) => user.id === ticket.owner) ?? first;
    const inbox = await runtime.as(owner.token).get('/api/notifications');
    expect(inbox.body.unread).toBe(1);
    expect(inbox.body.data[0]).toMatchObject({ title: 'Notification', body: expect.stringMatching(/within the hour/), link: `/api/records/ticket/${ticket.id}` });

    runtime.clock.set(at(3.5));
    await sendEvent(runtime, 'ticket', ticket.id, { event: 'WAIT_FOR_CUSTOMER' }, owner);
    expect((await processView(runtime, 'ticket', ticket.id)).timers).toEqual([]);
    // 16:00 in Berlin: the half hour left of the SLA runs until 16:30 (business hours).
    runtime.clock.set(at(6));
    expect((await runtime.workflow.scheduler.fireDueTimers()).fired ?? 0).toBe(0);
    await sendEvent(runtime, 'ticket', ticket.id, { event: 'CUSTOMER_REPLIED' }, owner);
    const resumed = (await processView(runtime, 'ticket', ticket.id)).timers;
    expect(resumed.map((timer) => timer.dueAt)).toEqual([at(6.5).toISOString()]);

    runtime.clock.set(at(6.5));
    expect((await runtime.workflow.scheduler.fireDueTimers()).fired).toBe(1);
    expect(await getRecord(runtime, 'ticket', ticket.id)).toMatchObject({ escalated: true, status: 'open' });
    expect((await processView(runtime, 'ticket', ticket.id)).state).toEqual({ open: { response: 'overdue', work: 'inProgress' } });
    await runtime.workflow.outboxWorker.deliverDue();
    const lead = await runtime.as(supervisor.token).get('/api/notifications?unread=true');
    expect(lead.body.data).toEqual([expect.objectContaining({ title: 'First-response SLA breached' })]);
    const mail = (await runtime.workflow.service.outbox.list({ kind: 'notify', pending: false })).find((row) => JSON.stringify(row.result).includes('lead@example.com'));
    expect(mail?.result).toMatchObject({ mails: [expect.objectContaining({ to: 'lead@example.com', transport: 'log' })] });

    const read = await runtime.as(supervisor.token).post(`/api/notifications/${String(lead.body.data[0].id)}/read`);
    expect(read.status).toBe(204);
    expect((await runtime.as(supervisor.token).get('/api/notifications')).body.unread).toBe(0);
    expect((await runtime.as(owner.token).post(`/api/notifications/${String(lead.body.data[0].id)}/read`)).status).toBe(404);
  });

  it('cancels the SLA on a response, requires a resolution, and auto-closes after three days', async () => {
    runtime.clock.set(at(0));
    const ticket = await createRecord(runtime, 'ticket', { subject: 'Question', category: 'account' });
    runtime.clock.set(at(1));
    expect((await sendEvent(runtime, 'ticket', ticket.id, { event: 'RESPOND' })).body).toMatchObject({ record: { firstResponseAt: at(1).toISOString() } });
    expect((await processView(runtime, 'ticket', ticket.id)).timers).toEqual([]);
    const unresolved = await sendEvent(runtime, 'ticket', ticket.id, { event: 'RESOLVE' });
    expect(unresolved.status).toBe(422);
    expect(detailsOf(unresolved.body)).toEqual([expect.objectContaining({ path: '/resolution' })]);
    expect((await sendEvent(runtime, 'ticket', ticket.id, { event: 'RESOLVE', data: { resolution: 'Explained' } })).body).toMatchObject({ stage: 'resolved' });
    runtime.clock.set(new Date(at(1).getTime() + 3 * DAY_MS));
    await runtime.workflow.scheduler.fireDueTimers();
    expect(await getRecord(runtime, 'ticket', ticket.id)).toMatchObject({ status: 'closed', resolution: 'Explained' });
  });
});
