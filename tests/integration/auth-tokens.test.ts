// Personal API tokens and instant revocation on real SQLite and MariaDB: tokens are shown once,
// listed without secrets, revoked by id; a disabled user's sessions and tokens stop working on
// the very next request, and stay dead when the user is enabled again.
import { testDialects } from '../support/databases';
import { startTestRuntime, type TestRuntime, type TestUser } from './runtime-harness';

const PASSWORD = 'token test password';

describe.each(testDialects())('tokens and revocation on %s', (dialect) => {
  let runtime: TestRuntime;
  let user: TestUser;
  beforeAll(async () => {
    runtime = await startTestRuntime(dialect);
    user = await runtime.createUser({ username: 'tokenholder', role: 'salesRep', password: PASSWORD });
  });
  afterAll(async () => runtime?.close());

  it('creates a personal token once, lists it without the secret, and revokes it at once', async () => {
    const created = await runtime.as(user.token).post('/api/auth/tokens').send({ name: 'CI export', expiresAt: '2999-01-01T00:00:00Z' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), name: 'CI export', token: expect.stringMatching(/^sc_/), expiresAt: '2999-01-01T00:00:00.000Z' });
    const token = created.body.token as string;
    expect((await runtime.as(token).get('/api/records/account')).status).toBe(200);

    const listed = await runtime.as(token).get('/api/auth/tokens');
    expect(listed.body.data).toEqual([{ id: created.body.id, name: 'CI export', createdAt: expect.any(String), expiresAt: '2999-01-01T00:00:00.000Z' }]);
    expect(JSON.stringify(listed.body)).not.toContain(token.slice(3));
    // Someone else's list does not show it, and they cannot revoke it.
    expect((await runtime.api().get('/api/auth/tokens')).body.data).toEqual([]);
    expect((await runtime.api().delete(`/api/auth/tokens/${created.body.id}`)).status).toBe(404);

    expect((await runtime.as(user.token).delete(`/api/auth/tokens/${created.body.id}`)).status).toBe(204);
    expect((await runtime.as(token).get('/api/records/account')).status).toBe(401);
    expect((await runtime.as(user.token).get('/api/auth/tokens')).body.data).toEqual([]);
  });

  it('refuses a token without a name or with a past expiry', async () => {
    const bad = await runtime.as(user.token).post('/api/auth/tokens').send({ expiresAt: '2001-01-01T00:00:00Z' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['/expiresAt', '/name']);
  });

  it('stops a disabled user\'s session, login token and personal token on the next request, for good', async () => {
    const login = await runtime.anonymous().post('/api/auth/login').send({ username: 'tokenholder', password: PASSWORD });
    const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    const personal = (await runtime.as(user.token).post('/api/auth/tokens').send({ name: 'laptop' })).body.token as string;
    expect((await runtime.anonymous().get('/api/auth/me').set('Cookie', cookie)).status).toBe(200);
    expect((await runtime.as(personal).get('/api/auth/me')).status).toBe(200);

    const record = (await runtime.api().get(`/api/records/user/${user.id}`)).body;
    expect((await runtime.api().patch(`/api/records/user/${user.id}`).send({ active: false, version: record.version })).status).toBe(200);
    expect((await runtime.anonymous().get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
    expect((await runtime.as(personal).get('/api/records/account')).status).toBe(401);
    expect((await runtime.as(user.token).get('/api/auth/me')).status).toBe(401);
    expect((await runtime.anonymous().post('/api/auth/login').send({ username: 'tokenholder', password: PASSWORD })).status).toBe(401);

    expect((await runtime.api().patch(`/api/records/user/${user.id}`).send({ active: true })).status).toBe(200);
    expect((await runtime.as(personal).get('/api/auth/me')).status).toBe(401);
    expect((await runtime.anonymous().get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
    expect((await runtime.as(user.token).get('/api/auth/me')).status).toBe(401);
    expect((await runtime.anonymous().post('/api/auth/login').send({ username: 'tokenholder', password: PASSWORD })).status).toBe(200);
  });
});
