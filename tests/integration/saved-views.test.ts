// Saved list views (/api/views) on SQLite and MariaDB: a user saves, lists, renames, redefines
// and deletes their own views per entity; another user neither sees nor touches them (404);
// an entity the user may not see is a 404, a hidden field in a filter or sort is refused like
// an unknown one, and bad input is a 422 naming each problem by its JSON path.
import { testDialects } from '../support/databases';
import { startTestRuntime, type TestRuntime, type TestUser } from './runtime-harness';

describe.each(testDialects())('saved list views on %s', (dialect) => {
  let runtime: TestRuntime;
  let rep: TestUser;
  let other: TestUser;
  let agent: TestUser;

  beforeAll(async () => {
    runtime = await startTestRuntime(dialect);
    rep = await runtime.createUser({ username: 'view-rep', role: 'salesRep', parentRole: 'salesManager' });
    other = await runtime.createUser({ username: 'view-rep2', role: 'salesRep', parentRole: 'salesManager' });
    agent = await runtime.createUser({ username: 'view-agent', role: 'supportAgent' });
  });
  afterAll(async () => runtime?.close());

  const openDeals = { filters: [{ field: 'stage', op: 'in', value: ['prospecting', 'proposal'] }, { field: 'amount', op: 'gte', value: 1000 }], sort: '-amount,name', q: 'acme', pageSize: 50 };

  it('keeps a user\'s views per entity, sorted by name, through rename, redefinition and deletion', async () => {
    const created = await runtime.as(rep.token).post('/api/views').send({ entity: 'opportunity', name: '  Big open deals ', definition: openDeals });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ entity: 'opportunity', name: 'Big open deals', definition: openDeals, id: expect.any(String) });
    await runtime.as(rep.token).post('/api/views').send({ entity: 'opportunity', name: 'All deals', definition: { filters: [], sort: '' } }).expect(201);
    await runtime.as(rep.token).post('/api/views').send({ entity: 'account', name: 'Accounts', definition: { filters: [], sort: 'name' } }).expect(201);

    const listed = await runtime.as(rep.token).get('/api/views?entity=opportunity').expect(200);
    expect((listed.body.data as Array<{ name: string }>).map((view) => view.name)).toEqual(['All deals', 'Big open deals']);

    const renamed = await runtime.as(rep.token).patch(`/api/views/${created.body.id as string}`).send({ name: 'Large deals', definition: { filters: [], sort: 'closeDate' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Large deals', definition: { filters: [], sort: 'closeDate' } });
    const fetched = await runtime.as(rep.token).get('/api/views?entity=opportunity').expect(200);
    expect((fetched.body.data as Array<{ name: string; definition: unknown }>).find((view) => view.name === 'Large deals')?.definition).toEqual({ filters: [], sort: 'closeDate' });

    await runtime.as(rep.token).delete(`/api/views/${created.body.id as string}`).expect(204);
    const after = await runtime.as(rep.token).get('/api/views?entity=opportunity').expect(200);
    expect((after.body.data as Array<{ name: string }>).map((view) => view.name)).toEqual(['All deals']);
  });

  it('shows no one another user\'s views, and answers 404 when they try to change or delete one', async () => {
    const mine = await runtime.as(rep.token).post('/api/views').send({ entity: 'contact', name: 'Mine', definition: { filters: [], sort: '' } }).expect(201);
    expect((await runtime.as(other.token).get('/api/views?entity=contact').expect(200)).body.data).toEqual([]);
    const patched = await runtime.as(other.token).patch(`/api/views/${mine.body.id as string}`).send({ name: 'Taken' });
    expect(patched.status).toBe(404);
    expect(patched.body.error.code).toBe('notFound');
    expect((await runtime.as(other.token).delete(`/api/views/${mine.body.id as string}`)).status).toBe(404);
    const still = await runtime.as(rep.token).get('/api/views?entity=contact').expect(200);
    expect(still.body.data).toEqual([expect.objectContaining({ id: mine.body.id, name: 'Mine' })]);
  });

  it('answers 404 for an entity the user may not see, and refuses a hidden field like an unknown one', async () => {
    const unseen = await runtime.as(agent.token).get('/api/views?entity=opportunity');
    const unknown = await runtime.as(agent.token).get('/api/views?entity=nosuchentity');
    expect([unseen.status, unknown.status]).toEqual([404, 404]);
    expect(unseen.body.error.code).toBe(unknown.body.error.code);

    const hidden = await runtime.as(rep.token).post('/api/views').send({ entity: 'account', name: 'Rich', definition: { filters: [{ field: 'annualRevenue', op: 'gte', value: 1 }], sort: '-annualRevenue' } });
    const missing = await runtime.as(rep.token).post('/api/views').send({ entity: 'account', name: 'Rich', definition: { filters: [{ field: 'noSuchField', op: 'gte', value: 1 }], sort: '-noSuchField' } });
    expect([hidden.status, missing.status]).toEqual([422, 422]);
    expect(hidden.body.error.details.map((detail: { path: string; code: string }) => [detail.path, detail.code])).toEqual([
      ['/definition/filters/0/field', 'unknownField'],
      ['/definition/sort', 'unknownField'],
    ]);
    expect(hidden.body.error.details.map((detail: { code: string }) => detail.code)).toEqual(missing.body.error.details.map((detail: { code: string }) => detail.code));
  });

  it('names every problem of a bad view by its JSON path and stores nothing', async () => {
    const bad = await runtime.as(rep.token).post('/api/views').send({ entity: 'opportunity', name: ' ', color: 'red', definition: { filters: [{ field: 'stage', op: 'like', value: 'x' }, 'stage'], sort: 5, pageSize: 1000, extra: true } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('validationFailed');
    expect(bad.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(
      ['/color', '/name', '/definition/extra', '/definition/filters/0/op', '/definition/filters/1', '/definition/sort', '/definition/pageSize'].sort(),
    );
    const missingEntity = await runtime.as(rep.token).get('/api/views');
    expect(missingEntity.status).toBe(400);
    expect(missingEntity.body.error.details).toEqual([expect.objectContaining({ path: '/entity' })]);
    const unknownEntity = await runtime.as(rep.token).post('/api/views').send({ entity: 'lead', name: 'x', definition: {} });
    expect(unknownEntity.status).toBe(404);
    const listed = await runtime.as(rep.token).get('/api/views?entity=opportunity').expect(200);
    expect((listed.body.data as Array<{ name: string }>).some((view) => view.name.trim() === '')).toBe(false);
  });
});
