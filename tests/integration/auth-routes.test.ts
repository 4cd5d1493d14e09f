// Every /api route but health and login needs credentials (the routes are read from the app's
// routers, so a new route is covered the day it is added); security headers and request ids;
// identity entities written only by administrators; `expand=owner` embeds the user; production
// answers hide internals.
import type { Express } from 'express';
import { testDialects } from '../support/databases';
import { mountedApiRoutes } from './app-routes';
import { createThroughApi, startTestRuntime, type TestRuntime } from './runtime-harness';

/** Every route of the app as [METHOD, path], parameters filled with samples. */
function apiRoutes(app: Express): Array<[string, string]> {
  const sample = (path: string): string => path.replace(/:entity/g, 'account').replace(/:id/g, '0190a4d2-7a7e-7000-8000-000000000001').replace(/:([A-Za-z]+)/g, '1');
  return mountedApiRoutes(app).map(([method, path]) => [method, sample(path)]);
}

describe.each(testDialects())('authentication everywhere on %s', (dialect) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await startTestRuntime(dialect);
  });
  afterAll(async () => runtime?.close());

  it('answers 401 in the error shape on every /api route except GET /api/health, POST /api/auth/login and GET /api/auth/session', async () => {
    const routes = apiRoutes(runtime.app);
    // The walk found the routers' routes, not just the app's own.
    expect(routes.length).toBeGreaterThan(25);
    expect(routes).toEqual(expect.arrayContaining([['GET', '/api/records/account'], ['POST', '/api/metadata/publish'], ['GET', '/api/audit/'], ['DELETE', '/api/auth/tokens/0190a4d2-7a7e-7000-8000-000000000001']]));
    const open = routes.filter(([method, path]) => (method === 'GET' && (path === '/api/health' || path === '/api/auth/session')) || (method === 'POST' && path === '/api/auth/login'));
    expect(open).toHaveLength(3);
    for (const [method, path] of [...routes.filter((route) => !open.includes(route)), ['GET', '/api/no-such-route'] as [string, string]]) {
      const response = await runtime.anonymous()[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path).set('Content-Type', 'application/json').send(method === 'GET' ? undefined : '{}');
      expect([method, path, response.status]).toEqual([method, path, 401]);
      expect(response.body).toEqual({ error: { code: 'unauthorized', message: expect.any(String), details: [] } });
    }
    expect((await runtime.anonymous().get('/api/health')).status).toBe(200);
  });

  it('sends helmet\'s security headers and a request id (the caller\'s when sane)', async () => {
    const response = await runtime.anonymous().get('/api/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(response.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect((await runtime.anonymous().get('/api/health').set('X-Request-Id', 'trace-42')).headers['x-request-id']).toBe('trace-42');
    expect((await runtime.anonymous().get('/api/health').set('X-Request-Id', 'bad id <script>')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lets administrators manage users, teams and roles through the record API, and nobody else', async () => {
    const role = await createThroughApi(runtime, 'role', { name: 'auditor', label: 'Auditor' });
    const team = await createThroughApi(runtime, 'team', { name: 'Audit' });
    const user = await createThroughApi(runtime, 'user', { username: 'auditor1', displayName: 'Ada Auditor', role: role.id, team: team.id, locale: 'zh-CN' });
    expect(user).toMatchObject({ username: 'auditor1', active: true, locale: 'zh-CN', role: role.id });
    expect((await runtime.api().patch(`/api/records/team/${team.id}`).send({ manager: user.id })).status).toBe(200);
    const members = await runtime.api().get(`/api/records/team/${team.id}?expand=members,manager`);
    expect(members.body.members.map((member: { username: string }) => member.username)).toEqual(['auditor1']);
    expect(members.body.manager).toMatchObject({ username: 'auditor1' });
    const bad = await runtime.api().post('/api/records/user').send({ username: 'Not Valid', displayName: 'x' });
    expect(bad.status).toBe(422);
    expect((await runtime.api().post('/api/records/user').send({ username: 'auditor1', displayName: 'Twin' })).status).toBe(409);

    const rep = await runtime.createUser({ username: 'climber', role: 'salesRep' });
    const own = (await runtime.as(rep.token).get(`/api/records/user/${rep.id}`)).body;
    expect((await runtime.as(rep.token).patch(`/api/records/user/${rep.id}`).send({ role: (await runtime.api().get('/api/records/role?filter[name]=admin')).body.data[0].id, version: own.version })).status).toBe(403);
    expect((await runtime.as(rep.token).post('/api/records/role').send({ name: 'superuser' })).status).toBe(403);
    expect((await runtime.as(rep.token).delete(`/api/records/team/${team.id}`)).status).toBe(403);
    expect((await runtime.as(rep.token).post('/api/metadata/publish').send({ bundle: runtime.bundle })).status).toBe(403);
    // Credentials never appear in user records.
    expect(Object.keys(own)).not.toEqual(expect.arrayContaining(['password']));
    expect(JSON.stringify(own)).not.toMatch(/scrypt/);
  });

  it('expands a user field (owner) to the user record', async () => {
    const owner = await runtime.createUser({ username: 'owner1' });
    const account = await createThroughApi(runtime, 'account', { name: 'Owned', owner: owner.id });
    const read = await runtime.api().get(`/api/records/account/${account.id}?expand=owner`);
    expect(read.status).toBe(200);
    expect(read.body.owner).toMatchObject({ id: owner.id, username: 'owner1' });
    const list = await runtime.api().get('/api/records/account?expand=owner&filter[name]=Owned');
    expect(list.body.data[0].owner).toMatchObject({ username: 'owner1' });
    expect((await runtime.api().get(`/api/records/account/${account.id}?expand=name`)).status).toBe(400);
  });
});

describe('production answers', () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await startTestRuntime('sqlite', { isProduction: true });
  });
  afterAll(async () => runtime?.close());

  it('hide internal error details and stacks, and keep 401/403/404 distinct', async () => {
    await runtime.system.database.execute('DROP TABLE "tag"');
    const broken = await runtime.api().get('/api/records/tag');
    expect(broken.status).toBe(500);
    expect(broken.body).toEqual({ error: { code: 'internal', message: 'Internal error', details: [] } });
    expect(JSON.stringify(broken.body)).not.toMatch(/at |tag|SQLITE/);
    expect(broken.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const rep = await runtime.createUser({ username: 'plain' });
    expect((await runtime.anonymous().get('/api/audit')).status).toBe(401);
    expect((await runtime.as(rep.token).get('/api/audit')).status).toBe(403);
    expect((await runtime.as(rep.token).get('/api/records/account/0190a4d2-7a7e-7000-8000-000000000001')).status).toBe(404);
  });
});
