// The SFA pack: it loads with the identity pack (every document valid, every cross-reference
// resolved), publishes on SQLite, serves its entities and the sales method, and every report it
// ships runs for a manager and a rep through the report API.
import path from 'node:path';
import { loadPacks } from '@stagecraft/metadata';
import { withIdentityPack } from '@stagecraft/runtime';
import { createThroughApi, startTestRuntime, type TestRuntime, type TestUser } from './runtime-harness';

const SFA_PACK = path.resolve(__dirname, '../../packs/sfa');
const REPORTS = ['activitiesByRep', 'forecastByMonth', 'pipelineByStage', 'receivablesDue', 'salesFunnel', 'winRateByRep'];

describe('the SFA pack', () => {
  let runtime: TestRuntime;
  let manager: TestUser;
  let rep: TestUser;

  beforeAll(async () => {
    const { bundle } = await loadPacks(withIdentityPack([SFA_PACK]));
    runtime = await startTestRuntime('sqlite', { bundle });
    await runtime.ensureRole('salesManager', 'admin');
    await runtime.ensureRole('salesRep', 'salesManager');
    manager = await runtime.createUser({ username: 'manager', role: 'salesManager', team: 'Sales' });
    rep = await runtime.createUser({ username: 'rep1', role: 'salesRep', parentRole: 'salesManager', team: 'Sales' });
  });
  afterAll(async () => {
    await runtime.close();
  });

  it('loads with the identity pack, with English and Chinese labels on every entity', async () => {
    const { bundle } = await loadPacks(withIdentityPack([SFA_PACK]));
    expect(bundle.packs.map((pack) => pack.name)).toEqual(['identity', 'sfa']);
    expect(Object.keys(bundle.entities).sort()).toEqual(
      ['account', 'activity', 'contact', 'lead', 'opportunity', 'paymentMilestone', 'priceBookEntry', 'product', 'quote', 'quoteLine', 'role', 'team', 'territory', 'user'],
    );
    expect(Object.keys(bundle.reports ?? {}).sort()).toEqual(REPORTS);
    for (const name of ['account', 'contact', 'lead', 'opportunity', 'activity', 'product', 'priceBookEntry', 'quote', 'quoteLine', 'territory', 'paymentMilestone']) {
      expect(bundle.entities[name]?.label).toEqual({ en: expect.any(String), 'zh-CN': expect.any(String) });
    }
  });

  it('drives an opportunity through the sales method, refusing stages whose required facts are missing', async () => {
    const account = await createThroughApi(runtime, 'account', { name: 'Acme', owner: rep.id });
    const contact = await createThroughApi(runtime, 'contact', { lastName: 'Chen', account: account.id, owner: rep.id });
    const deal = await runtime.as(rep.token).post('/api/records/opportunity').send({ name: 'Acme rollout', account: account.id }).expect(201);
    expect(deal.body).toMatchObject({ stage: 'prospecting', probability: 10, forecastCategory: 'pipeline', owner: rep.id });
    const move = (event: string, data?: Record<string, unknown>) => runtime.as(rep.token).post(`/api/records/opportunity/${deal.body.id as string}/transitions`).send(data ? { event, data } : { event });
    expect((await move('QUALIFY')).status).toBe(422);
    expect((await move('QUALIFY', { contact: contact.id })).status).toBe(200);
    expect((await move('PROPOSE')).status).toBe(422);
    expect((await move('PROPOSE', { amount: 50000, closeDate: '2026-03-31' })).status).toBe(200);
    const proposal = await runtime.as(rep.token).get(`/api/records/opportunity/${deal.body.id as string}`).expect(200);
    expect(proposal.body).toMatchObject({ stage: 'proposal', probability: 50, forecastCategory: 'bestCase', weightedAmount: 25000 });
    expect((await move('LOSE')).status).toBe(422);
    expect((await move('LOSE', { lostReason: 'price' })).status).toBe(200);
  });

  it('lists every report for a manager and a rep, and each one runs', async () => {
    for (const user of [manager, rep, runtime.admin]) {
      const list = await runtime.as(user.token).get('/api/reports').expect(200);
      expect((list.body.data as Array<{ name: string }>).map((report) => report.name)).toEqual(REPORTS);
      for (const name of REPORTS) {
        const result = await runtime.as(user.token).get(`/api/reports/${name}`);
        expect({ name, status: result.status }).toEqual({ name, status: 200 });
        expect(result.body).toMatchObject({ report: name, columns: expect.any(Array), rows: expect.any(Array), chart: { type: expect.any(String) } });
      }
    }
    const chinese = await runtime.as(manager.token).get('/api/reports/salesFunnel?locale=zh-CN').expect(200);
    expect(chinese.body.label).toBe('销售漏斗');
    expect(chinese.body.rows.map((row: { stage: string }) => row.stage)).toEqual(['prospecting', 'qualification', 'proposal', 'negotiation', 'closedWon']);
  });
});
