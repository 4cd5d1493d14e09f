// The audit log on real SQLite and MariaDB: record writes append their row in the write's own
// transaction (create: values; update: before/after of changed fields only; delete: the values
// it had, cascades included); logins and failed logins are recorded; GET /api/audit is for
// administrators; a record's history is readable by those who can read the record.
import { testDialects } from '../support/databases';
import { createThroughApi, startTestRuntime, type TestRuntime, type TestUser } from './runtime-harness';

interface AuditRow {
  action: string;
  entity: string | null;
  recordId: string | null;
  actorId: string | null;
  actorUsername: string;
  requestId: string | null;
  changes: Record<string, unknown> | null;
  ip: string | null;
}

describe.each(testDialects())('audit log on %s', (dialect) => {
  let runtime: TestRuntime;
  let rep: TestUser;
  beforeAll(async () => {
    runtime = await startTestRuntime(dialect);
    rep = await runtime.createUser({ username: 'auditedrep', role: 'salesRep', password: 'audited password' });
  });
  afterAll(async () => runtime?.close());

  const audit = async (query: string): Promise<AuditRow[]> => {
    const response = await runtime.api().get(`/api/audit?${query}`);
    expect(response.status).toBe(200);
    return response.body.data as AuditRow[];
  };
  const auditCount = async (): Promise<number> => {
    const rows = await runtime.system.database.select(`SELECT COUNT(*) AS ${runtime.system.database.quote('n')} FROM ${runtime.system.database.quote('stagecraft_audit')}`, []);
    return Number(rows[0]?.n);
  };

  it('records a create with the actor, request id, address and the values written', async () => {
    const created = await runtime.as(rep.token).post('/api/records/account').set('X-Request-Id', 'req-create-1').send({ name: 'Audited', employees: 5 });
    expect(created.status).toBe(201);
    const [row] = await audit(`entity=account&id=${created.body.id}`);
    expect(row).toMatchObject({ action: 'create', entity: 'account', recordId: created.body.id, actorId: rep.id, actorUsername: 'auditedrep', requestId: 'req-create-1' });
    expect(row?.ip).toMatch(/127\.0\.0\.1|::1/);
    expect(row?.changes).toMatchObject({ name: { before: null, after: 'Audited' }, employees: { before: null, after: 5 }, tier: { before: null, after: 'standard' } });
    expect(row?.changes).not.toHaveProperty('version');
    expect(row?.changes).not.toHaveProperty('description');
  });

  it('records only the fields an update changed, with before and after', async () => {
    const account = await createThroughApi(runtime, 'account', { name: 'Before', employees: 10, industry: 'retail' });
    const tag = await createThroughApi(runtime, 'tag', { name: 'audit-tag' });
    const updated = await runtime.api().patch(`/api/records/account/${account.id}`).send({ name: 'After', employees: 10, industry: 'retail', tags: [tag.id] });
    expect(updated.status).toBe(200);
    const rows = await audit(`entity=account&id=${account.id}&action=update`);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.changes).toEqual({ name: { before: 'Before', after: 'After' }, tags: { before: [], after: [tag.id] } });
    expect(rows[0]?.actorUsername).toBe('admin');
  });

  it('records a delete with the values the record had, and each record a cascade removed', async () => {
    const account = await createThroughApi(runtime, 'account', { name: 'Doomed' });
    const contact = await createThroughApi(runtime, 'contact', { lastName: 'Gone', account: account.id });
    expect((await runtime.api().delete(`/api/records/account/${account.id}`)).status).toBe(204);
    const [deleted] = await audit(`entity=account&id=${account.id}&action=delete`);
    expect(deleted?.changes).toMatchObject({ name: { before: 'Doomed', after: null } });
    const [cascaded] = await audit(`entity=contact&id=${contact.id}&action=delete`);
    expect(cascaded?.changes).toEqual({ cascadedFrom: { entity: 'account', id: account.id } });
  });

  it('writes the audit row in the same transaction: a failed write leaves no row, a failed audit write no record', async () => {
    await createThroughApi(runtime, 'tag', { name: 'unique-once' });
    const before = await auditCount();
    expect((await runtime.api().post('/api/records/tag').send({ name: 'unique-once' })).status).toBe(409);
    expect(await auditCount()).toBe(before);

    const q = (name: string): string => runtime.system.database.quote(name);
    await runtime.system.database.execute(`ALTER TABLE ${q('stagecraft_audit')} RENAME TO ${q('stagecraft_audit_away')}`);
    try {
      expect((await runtime.api().post('/api/records/tag').send({ name: 'never-audited' })).status).toBe(500);
    } finally {
      await runtime.system.database.execute(`ALTER TABLE ${q('stagecraft_audit_away')} RENAME TO ${q('stagecraft_audit')}`);
    }
    expect((await runtime.api().get('/api/records/tag?filter[name]=never-audited')).body.data).toEqual([]);
  });

  it('records logins, failed logins and logouts', async () => {
    expect((await runtime.anonymous().post('/api/auth/login').send({ username: 'auditedrep', password: 'wrong password' })).status).toBe(401);
    expect((await runtime.anonymous().post('/api/auth/login').send({ username: 'ghost', password: 'whatever' })).status).toBe(401);
    const login = await runtime.anonymous().post('/api/auth/login').send({ username: 'auditedrep', password: 'audited password', token: true });
    expect(login.status).toBe(200);
    expect((await runtime.as(login.body.token).post('/api/auth/logout')).status).toBe(204);
    const failed = await audit('action=loginFailed');
    expect(failed.map((row) => [row.actorUsername, row.actorId, row.changes?.reason])).toEqual([
      ['ghost', null, 'unknownUser'],
      ['auditedrep', rep.id, 'wrongPassword'],
    ]);
    const [logout, loginRow] = await audit('actor=auditedrep&entity=user');
    expect(logout).toMatchObject({ action: 'logout', actorId: rep.id });
    expect(loginRow).toMatchObject({ action: 'login', actorId: rep.id, changes: { method: 'bearer' } });
  });

  it('serves /api/audit to administrators only, newest first and paged; there is no way to change a row', async () => {
    expect((await runtime.as(rep.token).get('/api/audit')).status).toBe(403);
    const page = await runtime.api().get('/api/audit?pageSize=2&page=1');
    expect(page.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(page.body.data).toHaveLength(2);
    const next = await runtime.api().get('/api/audit?pageSize=2&page=2');
    expect(next.body.data[0].id).not.toBe(page.body.data[1].id);
    expect(page.body.data[0].at >= page.body.data[1].at).toBe(true);
    expect((await runtime.api().get('/api/audit?colour=red')).status).toBe(400);
    const id = String(page.body.data[0].id);
    for (const method of ['patch', 'put', 'delete'] as const) expect((await runtime.api()[method](`/api/audit/${id}`).send({})).status).toBe(404);
  });

  it('serves a record\'s history, oldest first or newest first by page, to anyone signed in; 404 for a record that does not exist', async () => {
    // The rep owns it: a history is for those who may read the record.
    const account = await createThroughApi(runtime, 'account', { name: 'Storied', owner: rep.id });
    await runtime.api().patch(`/api/records/account/${account.id}`).send({ name: 'Storied II' }).expect(200);
    const history = await runtime.as(rep.token).get(`/api/records/account/${account.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.data.map((row: AuditRow) => row.action)).toEqual(['create', 'update']);
    expect(history.body.data[1].changes).toEqual({ name: { before: 'Storied', after: 'Storied II' } });
    // Newest first, a page at a time (how the timeline pages backwards).
    await runtime.api().patch(`/api/records/account/${account.id}`).send({ name: 'Storied III' }).expect(200);
    const newest = await runtime.as(rep.token).get(`/api/records/account/${account.id}/history?order=newestFirst&pageSize=2`);
    expect(newest.body.data.map((row: AuditRow) => (row.changes as { name?: { after?: unknown } } | null)?.name?.after)).toEqual(['Storied III', 'Storied II']);
    const older = await runtime.as(rep.token).get(`/api/records/account/${account.id}/history?order=newestFirst&pageSize=2&page=2`);
    expect(older.body.data.map((row: AuditRow) => row.action)).toEqual(['create']);
    const wrong = await runtime.as(rep.token).get(`/api/records/account/${account.id}/history?order=sideways`);
    expect([wrong.status, wrong.body.error.details]).toEqual([400, [expect.objectContaining({ path: '/order' })]]);
    expect((await runtime.as(rep.token).get('/api/records/account/0190a4d2-7a7e-7000-8000-000000000009/history')).status).toBe(404);
    expect((await runtime.anonymous().get(`/api/records/account/${account.id}/history`)).status).toBe(401);
  });
});
