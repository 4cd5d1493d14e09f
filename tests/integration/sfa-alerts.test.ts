// The SFA pack's alerts, driven by the injected clock (no sleeps): a deal with no activity for N
// days in its stage gets a follow-up task and its owner a notification (the sales method's
// `staleDeal` timers, restarted by the ACTIVITY signal every new activity sends — entity metadata
// `processSignals`); an unpaid payment milestone becomes overdue the day after its due date and
// its owner and finance are told (the `receivableCollection` process's date-field timer).
import { testDialects } from '../support/databases';
import { countQueries, type TestUser } from './runtime-harness';
import { createAs, DAY_MS, listAll, startSfaRuntime, type SfaTestRuntime } from './sfa-harness';

type Body = Record<string, unknown>;
const START = '2026-11-02T09:00:00.000Z';

describe.each(testDialects())('SFA alerts on %s', (dialect) => {
  let runtime: SfaTestRuntime;
  let rep1: TestUser;
  let finance: TestUser;
  let account: Body & { id: string };
  let contact: Body & { id: string };

  const tick = async (): Promise<void> => {
    // Deliver what is pending (signals restart timers), fire due timers, deliver what they sent.
    await runtime.workflow.outboxWorker.deliverDue();
    await runtime.workflow.scheduler.fireDueTimers();
    await runtime.workflow.outboxWorker.deliverDue();
  };
  const advanceDays = async (days: number): Promise<void> => {
    runtime.clock.advance(days * DAY_MS);
    await tick();
  };
  const staleTasks = (dealId: string) => listAll(runtime, 'activity', `&filter[opportunity][eq]=${dealId}&filter[type][eq]=task`);
  const notifications = async (user: TestUser): Promise<Array<{ body: string; recordId: string }>> =>
    (await runtime.as(user.token).get('/api/notifications?limit=100').expect(200)).body.data;
  const staleTimer = async (dealId: string): Promise<string | undefined> => {
    const view = await runtime.api().get(`/api/records/opportunity/${dealId}/process`).expect(200);
    return (view.body.data[0].timers as Array<{ key: string; dueAt: string }>).find((timer) => timer.key.endsWith(':staleDeal'))?.dueAt;
  };

  beforeAll(async () => {
    runtime = await startSfaRuntime(dialect, START);
    ({ rep1, finance1: finance } = runtime.users);
    account = await createAs(runtime, rep1, 'account', { name: 'Stale Corp' });
    contact = await createAs(runtime, rep1, 'contact', { lastName: 'Quiet', account: account.id });
  }, 120_000);
  afterAll(async () => {
    await runtime?.close();
  });

  it('creates a follow-up task and tells the owner when a deal sits idle in its stage', async () => {
    const deal = await createAs(runtime, rep1, 'opportunity', { name: 'Idle deal', account: account.id, contact: contact.id });
    expect(await staleTimer(deal.id)).toBe('2026-11-16T09:00:00.000Z');

    // An activity on day 10 restarts the 14-day clock: nothing fires on day 15.
    await advanceDays(10);
    await createAs(runtime, rep1, 'activity', { subject: 'Intro call', type: 'call', opportunity: deal.id, done: true });
    await tick();
    expect(await staleTimer(deal.id)).toBe('2026-11-26T09:00:00.000Z');
    await advanceDays(5);
    expect(await staleTasks(deal.id)).toEqual([]);
    expect((await notifications(rep1)).filter((note) => note.recordId === deal.id)).toEqual([]);

    // Day 24 (14 days after the call): the task and the notification.
    await advanceDays(9);
    const tasks = await staleTasks(deal.id);
    expect(tasks).toEqual([expect.objectContaining({ subject: 'Follow up on stale deal: Idle deal', owner: rep1.id, type: 'task', priority: 'high', done: false, dueDate: '2026-11-26', account: account.id, contact: contact.id })]);
    const told = (await notifications(rep1)).filter((note) => note.recordId === deal.id);
    expect(told).toEqual([expect.objectContaining({ body: 'Deal Idle deal has had no activity for 14 days in its stage; a follow-up task was created.' })]);
    // The task is an activity too: the clock starts again from it, so one alert per idle spell.
    expect(await staleTimer(deal.id)).toBe('2026-12-10T09:00:00.000Z');
    await advanceDays(1);
    expect(await staleTasks(deal.id)).toHaveLength(1);
  });

  it('counts the days in the current stage, with the stage\'s own limit, and stops at a close', async () => {
    const deal = await createAs(runtime, rep1, 'opportunity', { name: 'Moving deal', account: account.id, contact: contact.id, amount: 1000, closeDate: '2027-01-31', nextStep: 'Sign' });
    const move = (event: string, data?: Body) => runtime.as(rep1.token).post(`/api/records/opportunity/${deal.id}/transitions`).send(data ? { event, data } : { event }).expect(200);
    await move('QUALIFY');
    await move('PROPOSE');
    // Proposal waits 10 days.
    expect(Date.parse(String(await staleTimer(deal.id))) - runtime.clock.now().getTime()).toBe(10 * DAY_MS);
    await move('NEGOTIATE');
    expect(Date.parse(String(await staleTimer(deal.id))) - runtime.clock.now().getTime()).toBe(7 * DAY_MS);
    await move('WIN');
    expect(await staleTimer(deal.id)).toBeUndefined();
    await advanceDays(30);
    expect(await staleTasks(deal.id)).toEqual([]);
    // A follow-up call logged on the won deal still signals ACTIVITY: the closed process refuses it,
    // which is its answer (delivered, refusal recorded), not a failed delivery.
    await runtime.workflow.outboxWorker.deliverDue();
    await createAs(runtime, rep1, 'activity', { subject: 'Thank-you call', type: 'call', opportunity: deal.id, dueDate: runtime.clock.now().toISOString().slice(0, 10) });
    expect(await runtime.workflow.outboxWorker.deliverDue()).toEqual({ delivered: 1, retried: 0, failed: 0 });
  });

  it('marks an unpaid milestone overdue the day after its due date and tells its owner and finance', async () => {
    const deal = await createAs(runtime, rep1, 'opportunity', { name: 'Paying deal', account: account.id, contact: contact.id });
    const today = runtime.clock.now().toISOString().slice(0, 10);
    const due = new Date(runtime.clock.now().getTime() + 5 * DAY_MS).toISOString().slice(0, 10);
    const unpaid = await createAs(runtime, rep1, 'paymentMilestone', { name: 'Signing payment', opportunity: deal.id, dueDate: due, amount: 5000 });
    const paid = await createAs(runtime, rep1, 'paymentMilestone', { name: 'Delivery payment', opportunity: deal.id, dueDate: due, amount: 3000 });
    expect(unpaid).toMatchObject({ status: 'open', received: false });
    // Paid on time through the process: the clock stops.
    await runtime.as(rep1.token).post(`/api/records/paymentMilestone/${paid.id}/transitions`).send({ event: 'RECEIVE' }).expect(422);
    await runtime.as(rep1.token).post(`/api/records/paymentMilestone/${paid.id}/transitions`).send({ event: 'RECEIVE', data: { receivedDate: today, receivedAmount: 3000 } }).expect(200);

    // On the due date itself nothing is overdue yet.
    await advanceDays(5);
    expect((await runtime.api().get(`/api/records/paymentMilestone/${unpaid.id}`).expect(200)).body.status).toBe('open');
    await advanceDays(1);
    expect((await runtime.api().get(`/api/records/paymentMilestone/${unpaid.id}`).expect(200)).body).toMatchObject({ status: 'overdue', received: false });
    expect((await runtime.api().get(`/api/records/paymentMilestone/${paid.id}`).expect(200)).body).toMatchObject({ status: 'received', received: true, receivedDate: today });
    for (const user of [rep1, finance]) {
      const told = (await notifications(user)).filter((note) => note.recordId === unpaid.id || note.recordId === paid.id);
      expect([user.username, told]).toEqual([user.username, [expect.objectContaining({ recordId: unpaid.id, body: `Payment milestone Signing payment (5,000) was due on ${due} and has not been received.` })]]);
    }
    // Other reps hear nothing of it.
    expect((await notifications(runtime.users.rep2)).filter((note) => note.recordId === unpaid.id)).toEqual([]);
    // Finance collects it.
    const received = await runtime.as(finance.token).post(`/api/records/paymentMilestone/${unpaid.id}/transitions`).send({ event: 'RECEIVE', data: { receivedDate: runtime.clock.now().toISOString().slice(0, 10), receivedAmount: 5000 } }).expect(200);
    expect(received.body.record).toMatchObject({ status: 'received', received: true });
  });

  it('moves the overdue alert when the due date is moved, later or into the past', async () => {
    const deal = await createAs(runtime, rep1, 'opportunity', { name: 'Rescheduled deal', account: account.id, contact: contact.id });
    const day = (days: number): string => new Date(runtime.clock.now().getTime() + days * DAY_MS).toISOString().slice(0, 10);
    const overdueTimer = async (id: string): Promise<{ dueAt: string; generation: number } | undefined> => {
      const view = await runtime.api().get(`/api/records/paymentMilestone/${id}/process`).expect(200);
      return (view.body.data[0].timers as Array<{ key: string; dueAt: string; generation: number }>).find((timer) => timer.key.endsWith(':overdue'));
    };
    const status = async (id: string): Promise<unknown> => (await runtime.api().get(`/api/records/paymentMilestone/${id}`).expect(200)).body.status;
    const moved = await createAs(runtime, rep1, 'paymentMilestone', { name: 'Moved payment', opportunity: deal.id, dueDate: day(3), amount: 1000 });
    const backdated = await createAs(runtime, rep1, 'paymentMilestone', { name: 'Backdated payment', opportunity: deal.id, dueDate: day(3), amount: 2000 });
    const armed = await overdueTimer(moved.id);
    expect(armed?.dueAt).toBe(`${day(4)}T00:00:00.000Z`);

    // The customer gets ten more days: the alert moves with the date (a new arming), it does not fire on day 4.
    const later = day(10);
    await runtime.as(rep1.token).patch(`/api/records/paymentMilestone/${moved.id}`).send({ dueDate: later }).expect(200);
    const rearmed = await overdueTimer(moved.id);
    expect(rearmed?.dueAt).toBe(new Date(Date.parse(`${later}T00:00:00.000Z`) + DAY_MS).toISOString());
    expect(rearmed?.generation).toBeGreaterThan(armed?.generation ?? Infinity);
    // A change of another field leaves the clock as it is, without reading the process state.
    const other = await countQueries(runtime, () => runtime.as(rep1.token).patch(`/api/records/paymentMilestone/${moved.id}`).send({ amount: 1200 }).expect(200));
    expect(other.statements.filter((sql) => sql.includes('stagecraft_process_instances'))).toEqual([]);
    expect(await overdueTimer(moved.id)).toEqual(rearmed);
    // A due date corrected to last week: overdue at the next scheduler round.
    await runtime.as(rep1.token).patch(`/api/records/paymentMilestone/${backdated.id}`).send({ dueDate: day(-7) }).expect(200);
    await tick();
    expect([await status(moved.id), await status(backdated.id)]).toEqual(['open', 'overdue']);

    await advanceDays(5);
    expect(await status(moved.id)).toBe('open');
    await advanceDays(6);
    expect(await status(moved.id)).toBe('overdue');
    const told = (await notifications(rep1)).filter((note) => note.recordId === moved.id);
    expect(told).toEqual([expect.objectContaining({ body: `Payment milestone Moved payment (1,200) was due on ${later} and has not been received.` })]);
  });
});
