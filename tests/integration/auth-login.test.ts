// Signing in on real SQLite and MariaDB: a session cookie (HttpOnly, SameSite) whose unsafe
// requests need the CSRF token, or a bearer token that needs none; wrong passwords get 401;
// /me describes the actor; logout ends the session; password changes.
import { testDialects } from '../support/databases';
import { ADMIN_PASSWORD, startTestRuntime, type TestRuntime, type TestUser } from './runtime-harness';

const PASSWORD = 'correct horse battery';

function sessionCookieOf(setCookie: string[] | string | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const cookie = cookies.find((line) => line.startsWith('stagecraft_session='));
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(setCookie)}`);
  return cookie;
}

describe.each(testDialects())('login on %s', (dialect) => {
  let runtime: TestRuntime;
  let rep: TestUser;
  beforeAll(async () => {
    runtime = await startTestRuntime(dialect);
    rep = await runtime.createUser({ username: 'rep1', role: 'salesRep', parentRole: 'salesManager', team: 'Sales', password: PASSWORD });
    await runtime.ensureRole('salesManager');
  });
  afterAll(async () => runtime?.close());

  const login = (body: Record<string, unknown>) => runtime.anonymous().post('/api/auth/login').send(body);

  async function cookieSession(): Promise<{ cookie: string; csrfToken: string; setCookie: string }> {
    const response = await login({ username: 'rep1', password: PASSWORD });
    expect(response.status).toBe(200);
    const setCookie = sessionCookieOf(response.headers['set-cookie']);
    return { cookie: setCookie.split(';')[0] ?? '', csrfToken: response.body.csrfToken as string, setCookie };
  }

  it('sets an HttpOnly, SameSite=Lax session cookie and returns a CSRF token and the user', async () => {
    const response = await login({ username: 'rep1', password: PASSWORD });
    expect(response.status).toBe(200);
    const setCookie = sessionCookieOf(response.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toMatchObject({ csrfToken: expect.any(String), user: { id: rep.id, username: 'rep1' } });
    expect(response.body.user).not.toHaveProperty('password');
    expect(JSON.stringify(response.body)).not.toContain(setCookie.split(';')[0]?.split('=')[1]);
  });

  it('describes the actor at /api/auth/me: roles, roles below, team, locale', async () => {
    const { cookie } = await cookieSession();
    const me = await runtime.anonymous().get('/api/auth/me').set('Cookie', cookie);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { username: 'rep1' }, roles: ['salesRep'], subordinateRoles: [], isAdmin: false, locale: 'en', authenticatedBy: 'session', csrfToken: expect.any(String) });
    expect(me.body.teamIds).toHaveLength(1);
    const admin = await runtime.api().get('/api/auth/me');
    expect(admin.body).toMatchObject({ roles: ['admin'], isAdmin: true, authenticatedBy: 'bearer' });
    expect(admin.body.subordinateRoles).toEqual(expect.arrayContaining(['salesManager', 'salesRep']));
  });

  it('tells a page start who the session cookie belongs to at /api/auth/session, 200 even when nobody', async () => {
    const nobody = await runtime.anonymous().get('/api/auth/session');
    expect([nobody.status, nobody.body, nobody.headers['cache-control']]).toEqual([200, { signedIn: false }, 'no-store']);
    const forged = await runtime.anonymous().get('/api/auth/session').set('Cookie', 'stagecraft_session=not-a-session');
    expect([forged.status, forged.body]).toEqual([200, { signedIn: false }]);
    // A bearer token is not a browser session.
    expect((await runtime.api().get('/api/auth/session')).body).toEqual({ signedIn: false });
    const { cookie } = await cookieSession();
    const signedIn = await runtime.anonymous().get('/api/auth/session').set('Cookie', cookie);
    const me = await runtime.anonymous().get('/api/auth/me').set('Cookie', cookie);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toEqual({ signedIn: true, ...me.body });
    await runtime.anonymous().post('/api/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', String(me.body.csrfToken)).expect(204);
    expect((await runtime.anonymous().get('/api/auth/session').set('Cookie', cookie)).body).toEqual({ signedIn: false });
  });

  it('needs the CSRF token for POST, PATCH and DELETE with the cookie (403 without), not for GET', async () => {
    const { cookie, csrfToken } = await cookieSession();
    expect((await runtime.anonymous().get('/api/records/contact').set('Cookie', cookie)).status).toBe(200);
    const refused = await runtime.anonymous().post('/api/records/contact').set('Cookie', cookie).send({ lastName: 'csrf-less' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'forbidden', details: [{ path: '/headers/x-csrf-token' }] });
    const wrong = await runtime.anonymous().post('/api/records/contact').set('Cookie', cookie).set('X-CSRF-Token', `${csrfToken}x`).send({ lastName: 'csrf-wrong' });
    expect(wrong.status).toBe(403);
    const created = await runtime.anonymous().post('/api/records/contact').set('Cookie', cookie).set('X-CSRF-Token', csrfToken).send({ lastName: 'csrf-ok' });
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    expect((await runtime.anonymous().patch(`/api/records/contact/${id}`).set('Cookie', cookie).send({ firstName: 'Ada' })).status).toBe(403);
    expect((await runtime.anonymous().patch(`/api/records/contact/${id}`).set('Cookie', cookie).set('X-CSRF-Token', csrfToken).send({ firstName: 'Ada' })).status).toBe(200);
    expect((await runtime.anonymous().delete(`/api/records/contact/${id}`).set('Cookie', cookie)).status).toBe(403);
    expect((await runtime.anonymous().delete(`/api/records/contact/${id}`).set('Cookie', cookie).set('X-CSRF-Token', csrfToken)).status).toBe(204);
    // Another session's token does not fit this session.
    const other = await cookieSession();
    expect((await runtime.anonymous().post('/api/records/contact').set('Cookie', cookie).set('X-CSRF-Token', other.csrfToken).send({ lastName: 'csrf-other' })).status).toBe(403);
  });

  it('gives a bearer token with "token": true, used without any CSRF token; a cookie value is no bearer token', async () => {
    const response = await login({ username: 'rep1', password: PASSWORD, token: true });
    expect(response.status).toBe(200);
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.body).toMatchObject({ token: expect.stringMatching(/^sc_/), tokenType: 'Bearer', user: { username: 'rep1' } });
    const created = await runtime.as(response.body.token).post('/api/records/contact').send({ lastName: 'bearer-made' });
    expect(created.status).toBe(201);
    const { cookie } = await cookieSession();
    expect((await runtime.as(cookie.split('=')[1] ?? '').get('/api/records/tag')).status).toBe(401);
    expect((await runtime.anonymous().get('/api/records/tag').set('Authorization', 'Basic cmVwMTpwdw==')).status).toBe(401);
  });

  it('answers 401 in the error shape for a wrong password, an unknown user, and a missing field (422)', async () => {
    for (const body of [
      { username: 'rep1', password: 'wrong password' },
      { username: 'nobody', password: PASSWORD },
    ]) {
      const response = await login(body);
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ error: { code: 'unauthorized', message: expect.any(String), details: [] } });
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    const missing = await login({ username: 'rep1' });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details[0].path).toBe('/password');
  });

  it('logout ends the session: the same cookie gets 401 afterwards', async () => {
    const { cookie, csrfToken } = await cookieSession();
    expect((await runtime.anonymous().post('/api/auth/logout').set('Cookie', cookie)).status).toBe(403);
    const out = await runtime.anonymous().post('/api/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', csrfToken);
    expect(out.status).toBe(204);
    expect(sessionCookieOf(out.headers['set-cookie'])).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect((await runtime.anonymous().get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
  });

  it('changes one\'s own password (needs the current one); other sessions end, this one stays', async () => {
    await runtime.createUser({ username: 'changer', password: PASSWORD });
    const first = (await login({ username: 'changer', password: PASSWORD, token: true })).body.token as string;
    const second = (await login({ username: 'changer', password: PASSWORD, token: true })).body.token as string;
    const wrong = await runtime.as(first).post('/api/auth/password').send({ currentPassword: 'nope', newPassword: 'a new long password' });
    expect(wrong.status).toBe(422);
    const short = await runtime.as(first).post('/api/auth/password').send({ currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.status).toBe(422);
    expect((await runtime.as(first).post('/api/auth/password').send({ currentPassword: PASSWORD, newPassword: 'a new long password' })).status).toBe(204);
    expect((await runtime.as(first).get('/api/auth/me')).status).toBe(200);
    expect((await runtime.as(second).get('/api/auth/me')).status).toBe(401);
    expect((await login({ username: 'changer', password: PASSWORD })).status).toBe(401);
    expect((await login({ username: 'changer', password: 'a new long password' })).status).toBe(200);
  });

  it('lets administrators, and nobody else, set another user\'s password', async () => {
    const user = await runtime.createUser({ username: 'forgetful', password: PASSWORD });
    expect((await runtime.as(rep.token).put(`/api/auth/users/${user.id}/password`).send({ password: 'reset by rep' })).status).toBe(403);
    expect((await runtime.api().put(`/api/auth/users/${user.id}/password`).send({ password: 'reset by admin' })).status).toBe(204);
    expect((await login({ username: 'forgetful', password: 'reset by admin' })).status).toBe(200);
    expect((await runtime.api().put('/api/auth/users/00000000-0000-7000-8000-000000000000/password').send({ password: 'nobody home' })).status).toBe(404);
    expect((await login({ username: 'admin', password: ADMIN_PASSWORD })).status).toBe(200);
  });
});
