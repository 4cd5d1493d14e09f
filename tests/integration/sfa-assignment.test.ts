// Assignment rules (the lead's `assignment` metadata): a lead captured without an owner goes to
// the Sales team's active members in turn — fairly, also under concurrent captures, through the
// cursor row the workflow's assignOwner shares — or to its territory's team; an owner named in the
// request is kept; re-running the rules needs the privilege to assign owners.
import { loadPacks } from '@stagecraft/metadata';
import { SYSTEM_ACTOR, withIdentityPack } from '@stagecraft/runtime';
import { testDialects } from '../support/databases';
import { createThroughApi, startTestRuntime, type TestRuntime, type TestUser } from './runtime-harness';
import { createAs, SFA_PACK, startSfaRuntime, type SfaTestRuntime } from './sfa-harness';

const SALES = ['manager', 'rep1', 'rep2', 'rep3'] as const;

describe.each(testDialects())('lead assignment rules on %s', (dialect) => {
  let runtime: SfaTestRuntime;
  let counter = 0;
  const lead = (extra: Record<string, unknown> = {}) => ({ lastName: `Lead ${++counter}`, company: `Company ${counter}`, source: 'web', ...extra });
  const usernameOf = (id: unknown): string => Object.values(runtime.users).find((user) => user.id === id)?.username ?? `unknown:${String(id)}`;

  beforeAll(async () => {
    runtime = await startSfaRuntime(dialect);
  });
  afterAll(async () => {
    await runtime.close();
  });

  let turnOrder: string[] = [];
  const nextAfter = (username: string): string => turnOrder[(turnOrder.indexOf(username) + 1) % turnOrder.length] ?? '';

  it('deals unowned leads to the Sales team in turn, each member once per round', async () => {
    const owners: string[] = [];
    for (let index = 0; index < 8; index += 1) owners.push(usernameOf((await createAs(runtime, runtime.admin, 'lead', lead())).owner));
    expect([...owners.slice(0, 4)].sort()).toEqual([...SALES]);
    expect(owners.slice(4)).toEqual(owners.slice(0, 4));
    turnOrder = owners.slice(0, 4);
  });

  it('keeps an owner named in the request', async () => {
    const created = await createAs(runtime, runtime.admin, 'lead', lead({ owner: runtime.users.rep2.id }));
    expect(created.owner).toBe(runtime.users.rep2.id);
  });

  it('routes a lead a rep captures without an owner too, taking the next turn', async () => {
    const before = await createAs(runtime, runtime.admin, 'lead', lead());
    const byRep = await runtime.as(runtime.users.rep1.token).post('/api/records/lead').send(lead()).expect(201);
    expect(usernameOf(byRep.body.owner)).toBe(nextAfter(usernameOf(before.owner)));
  });

  it('gives leads of a territory to that territory\'s team', async () => {
    const enterprise = await runtime.createUser({ username: 'enterprise1', role: 'salesRep', parentRole: 'salesManager', team: 'Enterprise' });
    const teams = await runtime.records.list('team', { filters: [{ field: 'name', op: 'eq', value: 'Enterprise' }], sort: [], page: 1, pageSize: 1, expand: [], withTotal: false }, SYSTEM_ACTOR);
    const territory = await createAs(runtime, runtime.admin, 'territory', { name: 'Benelux', team: teams.data[0]?.id });
    for (let index = 0; index < 2; index += 1) {
      expect((await createAs(runtime, runtime.admin, 'lead', lead({ territory: territory.id }))).owner).toBe(enterprise.id);
    }
    const partnerLead = await createAs(runtime, runtime.admin, 'lead', lead({ territory: territory.id, source: 'partner' }));
    expect(SALES).toContain(usernameOf(partnerLead.owner));
  });

  it('is fair under concurrent captures: 12 at once, 3 each', async () => {
    const created = await Promise.all(Array.from({ length: 12 }, () => createAs(runtime, runtime.admin, 'lead', lead())));
    const counts: Record<string, number> = {};
    for (const record of created) counts[usernameOf(record.owner)] = (counts[usernameOf(record.owner)] ?? 0) + 1;
    expect(counts).toEqual({ manager: 3, rep1: 3, rep2: 3, rep3: 3 });
  });

  it('skips inactive members', async () => {
    await runtime.api().patch(`/api/records/user/${runtime.users.rep3.id}`).send({ active: false }).expect(200);
    try {
      const owners = new Set<string>();
      for (let index = 0; index < 6; index += 1) owners.add(usernameOf((await createAs(runtime, runtime.admin, 'lead', lead())).owner));
      expect([...owners].sort()).toEqual(['manager', 'rep1', 'rep2']);
    } finally {
      await runtime.api().patch(`/api/records/user/${runtime.users.rep3.id}`).send({ active: true }).expect(200);
    }
  });

  it('re-runs the rules on request for those who may assign owners', async () => {
    const created = await createAs(runtime, runtime.admin, 'lead', lead({ owner: runtime.users.rep1.id }));
    const forbidden = await runtime.as(runtime.users.rep1.token).post(`/api/records/lead/${created.id}/assign`);
    expect(forbidden.status).toBe(403);
    const hidden = await runtime.as(runtime.users.rep2.token).post(`/api/records/lead/${created.id}/assign`);
    expect(hidden.status).toBe(404);
    const stale = await runtime.as(runtime.users.manager.token).post(`/api/records/lead/${created.id}/assign`).set('If-Match', '"7"');
    expect(stale.status).toBe(409);
    const assigned = await runtime.as(runtime.users.manager.token).post(`/api/records/lead/${created.id}/assign`).expect(200);
    expect(assigned.body.assignment).toMatchObject({ field: 'owner', rule: 'salesTeam' });
    expect(assigned.body.data.owner).toBe(assigned.body.assignment.user);
    const history = await runtime.api().get(`/api/records/lead/${created.id}/history`).expect(200);
    const rows = history.body.data as Array<{ action: string; changes: Record<string, unknown> }>;
    if (assigned.body.assignment.user !== runtime.users.rep1.id) expect(rows.at(-1)).toMatchObject({ action: 'ownerChange', changes: { assignmentRule: 'salesTeam' } });
    const account = await createAs(runtime, runtime.admin, 'account', { name: `No rules ${counter}` });
    expect((await runtime.api().post(`/api/records/account/${account.id}/assign`)).status).toBe(404);
  });
});

describe.each(testDialects())('assignment to a fixed user and to the least loaded on %s', (dialect) => {
  let runtime: TestRuntime;
  let rep1: TestUser;
  let rep2: TestUser;
  const lead = (extra: Record<string, unknown> = {}) => ({ lastName: 'Load', company: `Balanced ${Math.random()}`, source: 'web', ...extra });

  beforeAll(async () => {
    const { bundle } = await loadPacks(withIdentityPack([SFA_PACK]));
    const leadEntity = bundle.entities.lead;
    if (!leadEntity) throw new Error('the SFA pack lost its lead');
    leadEntity.assignment = { rules: [
      { name: 'retired', when: 'source == \'partner\'', user: 'retired' },
      { name: 'partners', when: 'source == \'partner\'', user: 'rep1' },
      { name: 'balanced', team: 'Inside', strategy: 'leastLoaded' },
    ] };
    runtime = await startTestRuntime(dialect, { bundle });
    await runtime.createUser({ username: 'retired', role: 'salesRep', team: 'Inside', active: false });
    rep1 = await runtime.createUser({ username: 'rep1', role: 'salesRep', team: 'Inside' });
    rep2 = await runtime.createUser({ username: 'rep2', role: 'salesRep', team: 'Inside' });
  });
  afterAll(async () => {
    await runtime.close();
  });

  it('gives the next lead to whoever holds the fewest, and partner leads to the named active user', async () => {
    for (const owner of [rep1.id, rep1.id, rep1.id, rep2.id]) await createThroughApi(runtime, 'lead', lead({ owner }));
    const first = await createThroughApi(runtime, 'lead', lead());
    const second = await createThroughApi(runtime, 'lead', lead());
    expect([first.owner, second.owner]).toEqual([rep2.id, rep2.id]);
    const partner = await createThroughApi(runtime, 'lead', lead({ source: 'partner' }));
    expect(partner.owner).toBe(rep1.id);
  });
});
