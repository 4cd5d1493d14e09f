// Reassignment, the "seamless handover": a manager hands rep A's account to rep B; its contacts
// and open opportunities move with it in one transaction, each with an ownerChange audit row,
// and access moves with them — rep B now reads them, rep A no longer does.
import { SYSTEM_ACTOR } from '@stagecraft/runtime';
import { testDialects } from '../support/databases';
import { buildCompany, type Company, type Person } from './permissions-fixture';
import { startTestRuntime, type TestRuntime } from './runtime-harness';

describe.each(testDialects())('reassignment on %s', (dialect) => {
  let runtime: TestRuntime;
  let company: Company;
  const id = (key: string): string => company.ids[key] ?? `missing:${key}`;
  const as = (person: Person) => runtime.as(company.users[person].token);
  const statusesFor = async (person: Person, records: ReadonlyArray<readonly [string, string]>): Promise<Record<string, number>> => {
    const statuses: Record<string, number> = {};
    for (const [entity, key] of records) statuses[key] = (await as(person).get(`/api/records/${entity}/${id(key)}`)).status;
    return statuses;
  };
  const HANDED: ReadonlyArray<readonly [string, string]> = [['account', 'accountA'], ['contact', 'contactA1'], ['opportunity', 'oppA1'], ['opportunity', 'oppA2']];

  beforeAll(async () => {
    runtime = await startTestRuntime(dialect);
    company = await buildCompany(runtime);
  });
  afterAll(async () => {
    await runtime.close();
  });

  it.each<[string, Person, string, object, number]>([
    ['a rep without the privilege to assign owners', 'repA', 'accountA', { owner: 'placeholder:repB' }, 403],
    ['someone who cannot read the record', 'repB', 'accountA', { owner: 'placeholder:repB' }, 404],
    ['someone who may read but not change it', 'agent', 'accountB', { owner: 'placeholder:agent' }, 403],
    ['a new owner who is no user', 'manager', 'accountA', { owner: '0190a4d2-7a7e-7000-8000-00000000dead' }, 422],
    ['a body that is not a reassignment', 'manager', 'accountA', { owner: 'placeholder:repB', notify: true }, 422],
  ])('refuses %s', async (_case, person, key, template, status) => {
    const body = JSON.parse(JSON.stringify(template).replace(/placeholder:(\w+)/g, (_match, name: string) => company.users[name as Person].id)) as object;
    const ownerNow = async (): Promise<unknown> => (await runtime.api().get(`/api/records/account/${id(key)}`)).body.owner;
    const before = await ownerNow();
    const response = await as(person).post(`/api/records/account/${id(key)}/reassign`).send(body);
    expect(response.status).toBe(status);
    expect(await ownerNow()).toBe(before);
  });

  it('moves the account, its contacts and its open opportunities to the new owner, and access with them', async () => {
    expect(await statusesFor('repA', HANDED)).toEqual({ accountA: 200, contactA1: 200, oppA1: 200, oppA2: 200 });
    expect(await statusesFor('repB', HANDED)).toEqual({ accountA: 404, contactA1: 404, oppA1: 404, oppA2: 404 });

    const response = await as('manager').post(`/api/records/account/${id('accountA')}/reassign`).send({ owner: company.users.repB.id });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ id: id('accountA'), owner: company.users.repB.id, annualRevenue: expect.any(Number) });
    expect(response.headers.etag).toBe(`"${String(response.body.data.version)}"`);
    // contactA2 already belonged to rep B; the lost opportunity stays where it was.
    expect(response.body.carried).toEqual([
      { relation: 'contacts', entity: 'contact', ids: [id('contactA1')] },
      { relation: 'opportunities', entity: 'opportunity', ids: [id('oppA1')] },
    ]);

    expect(await statusesFor('repB', HANDED)).toEqual({ accountA: 200, contactA1: 200, oppA1: 200, oppA2: 404 });
    expect(await statusesFor('repA', HANDED)).toEqual({ accountA: 404, contactA1: 404, oppA1: 404, oppA2: 200 });
    const owners = await Promise.all(HANDED.map(async ([entity, key]) => (await runtime.api().get(`/api/records/${entity}/${id(key)}`)).body.owner as string));
    expect(owners).toEqual([company.users.repB.id, company.users.repB.id, company.users.repB.id, company.users.repA.id]);

    const audit = await runtime.api().get('/api/audit?action=ownerChange&pageSize=10');
    const rows = (audit.body.data as Array<{ entity: string; recordId: string; actorUsername: string; changes: { owner: { before: string; after: string } } }>)
      .map((row) => [row.entity, company.keyOf(row.recordId), row.actorUsername, row.changes.owner.before, row.changes.owner.after]);
    expect(rows.sort()).toEqual([
      ['account', 'accountA', 'manager', company.users.repA.id, company.users.repB.id],
      ['contact', 'contactA1', 'manager', company.users.repA.id, company.users.repB.id],
      ['opportunity', 'oppA1', 'manager', company.users.repA.id, company.users.repB.id],
    ]);
  });

  it('reassigns only the record with carry: false, and honours If-Match', async () => {
    const stale = await as('manager').post(`/api/records/account/${id('accountB')}/reassign`).set('If-Match', '"99"').send({ owner: company.users.repA.id });
    expect(stale.status).toBe(409);
    const response = await as('manager').post(`/api/records/account/${id('accountB')}/reassign`).send({ owner: company.users.repA.id, carry: false });
    expect(response.status).toBe(200);
    expect(response.body.carried).toEqual([]);
    expect((await runtime.api().get(`/api/records/contact/${id('contactB1')}`)).body.owner).toBe(company.users.repB.id);
    expect((await runtime.api().get(`/api/records/opportunity/${id('oppB1')}`)).body.owner).toBe(company.users.repB.id);
    expect((await as('repB').get(`/api/records/account/${id('accountB')}`)).status).toBe(404);
    // Rep A's team now reaches it.
    expect((await as('repA').get(`/api/records/account/${id('accountB')}`)).status).toBe(200);
  });

  it('leaves related records the caller may not change with their owners (and out of the answer)', async () => {
    const agentsContact = await runtime.records.create('contact', { lastName: 'Agent kept', account: id('accountM'), owner: company.users.agent.id }, SYSTEM_ACTOR);
    const response = await as('manager').post(`/api/records/account/${id('accountM')}/reassign`).send({ owner: company.users.repB.id });
    expect(response.status).toBe(200);
    expect(response.body.carried).toEqual([
      { relation: 'contacts', entity: 'contact', ids: [id('contactM1')] },
      { relation: 'opportunities', entity: 'opportunity', ids: [id('oppM1')] },
    ]);
    expect((await runtime.api().get(`/api/records/contact/${String(agentsContact.id)}`)).body.owner).toBe(company.users.agent.id);
    expect((await runtime.api().get(`/api/records/contact/${id('contactM1')}`)).body.owner).toBe(company.users.repB.id);
  });
});
