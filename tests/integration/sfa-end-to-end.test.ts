// The SFA pack end to end through the generic API only, as the demo reps and their manager: a
// lead is captured and auto-assigned, converted, its deal driven through the sales method
// (refused while required facts are missing), quoted (line roll-up), given a payment milestone
// and won; an idle deal gets its stale-deal task; a handover carries an account's open records
// to another rep; the reports answer exact figures for the data built here; and each rep sees
// only their own deals unless a sharing rule shares them, while the manager sees all.
import type { PermissionSetDocument } from '@stagecraft/core';
import { testDialects } from '../support/databases';
import type { TestUser } from './runtime-harness';
import { createAs, DAY_MS, listAll, startSfaRuntime, type SfaTestRuntime } from './sfa-harness';

type Body = Record<string, unknown>;

describe.each(testDialects())('the SFA pack end to end on %s', (dialect) => {
  let runtime: SfaTestRuntime;
  let manager: TestUser;
  let rep1: TestUser;
  let rep2: TestUser;
  // Built up by the steps, in order.
  let lead: Body & { id: string };
  let account: string;
  let contact: string;
  let won: string;
  let idle: string;
  let zeta: string;
  let big: string;
  let followUp: string;

  const as = (user: TestUser) => runtime.as(user.token);
  const move = (user: TestUser, id: string, event: string, data?: Body) => as(user).post(`/api/records/opportunity/${id}/transitions`).send(data ? { event, data } : { event });
  const paths = (body: Body) => ((body.error as { details: Array<{ path: string }> }).details).map((detail) => detail.path).sort();
  const tick = async (): Promise<void> => {
    await runtime.workflow.outboxWorker.deliverDue();
    await runtime.workflow.scheduler.fireDueTimers();
    await runtime.workflow.outboxWorker.deliverDue();
  };
  const report = async (user: TestUser, name: string): Promise<Body[]> => (await as(user).get(`/api/reports/${name}`).expect(200)).body.rows;

  beforeAll(async () => {
    runtime = await startSfaRuntime(dialect, '2026-11-02T09:00:00.000Z', (bundle) => {
      // Deals of a million or more are shared with every rep (read only), so reps can help on them.
      const reps = bundle.permissions?.sfaSalesRep as PermissionSetDocument;
      reps.sharingRules = [{ name: 'bigDeals', entity: 'opportunity', access: 'read', where: [{ field: 'amount', op: 'gte', value: 1000000 }] }];
    });
    ({ manager, rep1, rep2 } = runtime.users);
  }, 120_000);
  afterAll(async () => {
    await runtime?.close();
  });

  it('captures a lead and assigns it to a member of the sales team', async () => {
    lead = await createAs(runtime, manager, 'lead', { firstName: 'Ada', lastName: 'Byron', company: 'Orbit Labs', email: 'ada@orbitlabs.example', source: 'web', status: 'qualified' });
    const salesTeam = [manager, runtime.users.rep1, runtime.users.rep2, runtime.users.rep3].map((user) => user.id);
    expect(salesTeam).toContain(lead.owner);
    // The manager hands it to rep1 (the assignment privilege); rep2 cannot see it.
    if (lead.owner !== rep1.id) await as(manager).post(`/api/records/lead/${lead.id}/reassign`).send({ owner: rep1.id }).expect(200);
    await as(rep1).get(`/api/records/lead/${lead.id}`).expect(200);
    await as(rep2).get(`/api/records/lead/${lead.id}`).expect(404);
  });

  it('converts the lead once into an account, a contact and a deal', async () => {
    const converted = await as(rep1).post(`/api/records/lead/${lead.id}/convert`).send({ targets: { opportunity: { create: true } } }).expect(200);
    const targets = converted.body.targets as Record<string, { id: string; created: boolean }>;
    account = String(targets.account?.id);
    contact = String(targets.contact?.id);
    won = String(targets.opportunity?.id);
    expect(converted.body.data).toMatchObject({ status: 'converted', convertedAccount: account, convertedContact: contact, convertedOpportunity: won });
    expect((await as(rep1).get(`/api/records/opportunity/${won}`).expect(200)).body).toMatchObject({ name: 'Orbit Labs', account, contact, stage: 'prospecting', owner: rep1.id });
    expect((await as(rep1).post(`/api/records/lead/${lead.id}/convert`).send({})).status).toBe(409);
  });

  it('drives the deal through the sales method, refusing stages while their facts are missing', async () => {
    expect((await move(rep1, won, 'QUALIFY').expect(200)).body).toMatchObject({ stage: 'qualification', record: { probability: 25 } });
    const noFacts = await move(rep1, won, 'PROPOSE').expect(422);
    expect(paths(noFacts.body)).toEqual(['/amount', '/closeDate']);
    await move(rep1, won, 'PROPOSE', { amount: 48000, closeDate: '2026-12-15' }).expect(200);
    expect(paths((await move(rep1, won, 'NEGOTIATE').expect(422)).body)).toEqual(['/nextStep']);
    const negotiation = await move(rep1, won, 'NEGOTIATE', { nextStep: 'Legal review' }).expect(200);
    expect(negotiation.body.record).toMatchObject({ stage: 'negotiation', probability: 75, forecastCategory: 'commit', weightedAmount: 36000 });
    // A rep moves only their own deals.
    await move(rep2, won, 'WIN').expect(404);
  });

  it('quotes the deal with lines whose totals roll up, plans a payment and closes it won', async () => {
    const quote = await createAs(runtime, rep1, 'quote', { name: 'Orbit Labs — Quote 1', opportunity: won });
    await createAs(runtime, rep1, 'quoteLine', { quote: quote.id, product: (await createAs(runtime, manager, 'product', { name: 'CRM Enterprise', code: 'CRM-ENT', listPrice: 1200 })).id, quantity: 10, unitPrice: 1200 });
    await createAs(runtime, rep1, 'quoteLine', { quote: quote.id, product: (await createAs(runtime, manager, 'product', { name: 'Implementation', code: 'SRV-IMP', listPrice: 15000 })).id, quantity: 2, unitPrice: 15000, discount: 10 });
    expect((await as(rep1).get(`/api/records/quote/${quote.id}`).expect(200)).body).toMatchObject({ subtotal: 39000, total: 39000 });
    const milestone = await createAs(runtime, rep1, 'paymentMilestone', { name: 'Signing', opportunity: won, dueDate: '2026-12-31', amount: 24000 });
    expect(milestone).toMatchObject({ status: 'open', received: false, owner: rep1.id });
    await move(rep1, won, 'WIN').expect(200);
    await tick();
    const told = (await as(manager).get('/api/notifications?limit=50').expect(200)).body.data as Array<{ recordId: string }>;
    expect(told.map((note) => note.recordId)).toContain(won);
  });

  it('files a follow-up task when a deal sits idle for two weeks', async () => {
    idle = String((await createAs(runtime, rep1, 'opportunity', { name: 'Orbit Labs — Expansion', account, contact, amount: 20000, closeDate: '2027-01-31' })).id);
    zeta = String((await createAs(runtime, rep2, 'opportunity', { name: 'Zeta rollout', account: String((await createAs(runtime, rep2, 'account', { name: 'Zeta GmbH' })).id), amount: 30000, closeDate: '2027-02-28' })).id);
    big = String((await createAs(runtime, rep2, 'opportunity', { name: 'Mega platform deal', account, amount: 1500000, closeDate: '2027-03-31' })).id);
    runtime.clock.advance(14 * DAY_MS);
    await tick();
    const tasks = await listAll(runtime, 'activity', `&filter[opportunity][eq]=${idle}`);
    expect(tasks).toEqual([expect.objectContaining({ type: 'task', owner: rep1.id, done: false, account, subject: 'Follow up on stale deal: Orbit Labs — Expansion' })]);
    followUp = String(tasks[0]?.id);
    expect(await listAll(runtime, 'activity', `&filter[opportunity][eq]=${won}`)).toEqual([]);
  });

  it('hands an account over with its contacts, open deals and open activities', async () => {
    const handover = await as(manager).post(`/api/records/account/${account}/reassign`).send({ owner: rep2.id }).expect(200);
    const carried = Object.fromEntries((handover.body.carried as Array<{ relation: string; ids: string[] }>).map((entry) => [entry.relation, [...entry.ids].sort()]));
    // Only what the old owner held moves (the big deal is already rep2's).
    expect(carried).toMatchObject({ contacts: [contact], opportunities: [idle], activities: [followUp] });
    expect((await as(rep2).get(`/api/records/activity/${followUp}`).expect(200)).body.owner).toBe(rep2.id);
    expect((await as(rep2).get(`/api/records/opportunity/${idle}`).expect(200)).body.owner).toBe(rep2.id);
    expect((await as(rep2).get(`/api/records/contact/${contact}`).expect(200)).body.owner).toBe(rep2.id);
    // The won deal stays with the rep who won it.
    expect((await as(rep1).get(`/api/records/opportunity/${won}`).expect(200)).body.owner).toBe(rep1.id);
    await as(rep1).get(`/api/records/opportunity/${idle}`).expect(404);
  });

  it('shows each rep only their own deals, or shared ones; the manager sees all', async () => {
    await as(rep2).get(`/api/records/opportunity/${won}`).expect(404);
    await as(rep1).get(`/api/records/opportunity/${zeta}`).expect(404);
    // Shared by the big-deal rule: readable, not movable.
    await as(rep1).get(`/api/records/opportunity/${big}`).expect(200);
    await move(rep1, big, 'LOSE', { lostReason: 'price' }).expect(403);
    for (const id of [won, idle, zeta, big]) await as(manager).get(`/api/records/opportunity/${id}`).expect(200);
    const listed = async (user: TestUser) => ((await as(user).get('/api/records/opportunity?sort=name').expect(200)).body.data as Body[]).map((deal) => deal.name);
    expect(await listed(rep1)).toEqual(['Mega platform deal', 'Orbit Labs']);
    expect(await listed(rep2)).toEqual(['Mega platform deal', 'Orbit Labs — Expansion', 'Zeta rollout']);
    expect(await listed(manager)).toEqual(['Mega platform deal', 'Orbit Labs', 'Orbit Labs — Expansion', 'Zeta rollout']);
  });

  it('reports exact figures, within what each reader may see', async () => {
    const pipeline = (rows: Body[]) => rows.map((row) => [row.stage, Number(row.count), Number(row.amount), Number(row.weightedAmount)]);
    expect(pipeline(await report(manager, 'pipelineByStage'))).toEqual([['prospecting', 3, 1550000, 155000]]);
    expect(pipeline(await report(rep2, 'pipelineByStage'))).toEqual([['prospecting', 3, 1550000, 155000]]);
    expect(pipeline(await report(rep1, 'pipelineByStage'))).toEqual([['prospecting', 1, 1500000, 150000]]);
    const winRates = (await report(manager, 'winRateByRep')).map((row) => [row.owner, Number(row.closed), Number(row.won), Number(row.winRate), Number(row.wonAmount)]);
    expect(winRates).toEqual([[rep1.id, 1, 1, 100, 48000]]);
    expect(await report(rep2, 'winRateByRep')).toEqual([]);
  });
});
