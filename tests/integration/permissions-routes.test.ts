// Every route the app mounts, under the policy: each route is classified (a new route fails the
// first test until someone decides what it exposes), administrator routes refuse others, every
// record route answers 404 for a record the caller may not read, and what a record route returns
// of a readable record (history, transitions, process log, payloads) leaves out hidden fields.
// Metadata is the caller's view; users are readable for display; notifications are one's own.
import type { MetadataBundle } from '@stagecraft/core';
import { insertNotification } from '@stagecraft/runtime';
import { testDialects } from '../support/databases';
import { mountedApiRoutes } from './app-routes';
import { buildCompany, SECRET_REVENUE, SECRET_TEXT, type Company, type Person } from './permissions-fixture';
import { createProbe, keysOf, type Probe } from './permissions-probe';
import { countQueries, loadExampleBundle, startTestRuntime, type TestRuntime } from './runtime-harness';

/** What a route exposes, deciding how it is probed. */
type RouteKind = 'open' | 'self' | 'admin' | 'record' | 'entity' | 'metadata' | 'report';

const ROUTES: Record<string, RouteKind> = {
  'GET /api/health': 'open',
  'POST /api/auth/login': 'open',
  'GET /api/auth/session': 'open',
  'POST /api/auth/logout': 'self',
  'GET /api/auth/me': 'self',
  'POST /api/auth/password': 'self',
  'POST /api/auth/tokens': 'self',
  'GET /api/auth/tokens': 'self',
  'DELETE /api/auth/tokens/:id': 'self',
  'PUT /api/auth/users/:id/password': 'admin',
  'GET /api/openapi.json': 'metadata',
  'GET /api/metadata/versions': 'admin',
  'GET /api/metadata/versions/:number': 'admin',
  'POST /api/metadata/plan': 'admin',
  'POST /api/metadata/publish': 'admin',
  'POST /api/metadata/rollback': 'admin',
  'GET /api/metadata/drafts': 'admin',
  'GET /api/metadata/drafts/:name': 'admin',
  'PUT /api/metadata/drafts/:name': 'admin',
  'DELETE /api/metadata/drafts/:name': 'admin',
  'POST /api/metadata/drafts/:name/publish': 'admin',
  'GET /api/metadata/entities': 'metadata',
  'GET /api/metadata/entities/:name': 'metadata',
  'GET /api/metadata/entities/:name/schema': 'metadata',
  'GET /api/metadata/entities/:name/permissions': 'metadata',
  'GET /api/metadata/layouts': 'metadata',
  'GET /api/metadata/layouts/:name': 'metadata',
  'GET /api/metadata/processes': 'metadata',
  'GET /api/metadata/processes/:name': 'metadata',
  'POST /api/metadata/processes/:name/simulate': 'metadata',
  'POST /api/metadata/processes/:name/migrate': 'admin',
  'GET /api/metadata/processes/:name/running': 'admin',
  // Every guard and action processes may name (labels, params schemas, plugin): code's metadata, no data.
  'GET /api/metadata/process-registry': 'metadata',
  'GET /api/notifications': 'self',
  'POST /api/notifications/:id/read': 'self',
  // Saved list views are one's own; the entity and the fields they name are the caller's view (saved-views.test.ts).
  'GET /api/views': 'self',
  'POST /api/views': 'self',
  'PATCH /api/views/:id': 'self',
  'DELETE /api/views/:id': 'self',
  'GET /api/audit': 'admin',
  // A removed field's kept values: listed and purged by administrators only.
  'GET /api/metadata/retired-fields': 'admin',
  'POST /api/metadata/retired-fields/purge': 'admin',
  // Reports run their SQL under readableWhere; their own suite proves the figures per role.
  'GET /api/reports': 'report',
  'GET /api/reports/:name': 'report',
  // Boards count, sum and list cards under readableWhere and field access (boards-api.test.ts, the matrix).
  'GET /api/boards': 'report',
  'GET /api/boards/:name': 'report',
  'GET /api/boards/:name/columns/:value': 'report',
  // Exports read under readableWhere AND the export grant's row rule (export-api.test.ts, the matrix).
  'GET /api/records/:entity/export': 'entity',
  // Imports need the import grant and create (update for upserts); rows go through the record operations, a match the
  // caller may not change is "not found" (records-import.test.ts, the matrix).
  'POST /api/records/:entity/import': 'entity',
  'GET /api/records/:entity': 'entity',
  'POST /api/records/:entity': 'entity',
  'GET /api/records/:entity/:id': 'record',
  'PATCH /api/records/:entity/:id': 'record',
  'DELETE /api/records/:entity/:id': 'record',
  'GET /api/records/:entity/:id/history': 'record',
  'GET /api/records/:entity/:id/permissions': 'record',
  'POST /api/records/:entity/:id/reassign': 'record',
  'GET /api/records/:entity/:id/transitions': 'record',
  'POST /api/records/:entity/:id/transitions': 'record',
  'GET /api/records/:entity/:id/process': 'record',
  'POST /api/records/:entity/:id/process/start': 'record',
  // Capabilities an entity turns on (duplicates, conversion, assignment): the record's access first, 404 for others'.
  'GET /api/records/:entity/:id/duplicates': 'record',
  'POST /api/records/:entity/:id/merge': 'record',
  'POST /api/records/:entity/:id/convert': 'record',
  'POST /api/records/:entity/:id/assign': 'record',
};

const routeKey = (method: string, path: string): string => `${method} ${path.replace(/\/$/, '') || '/'}`;
const LOST_REASON = 'No budget';

/** The example bundle with the reps' lost reason hidden, so a transition's payload holds a hidden value. */
async function bundleHidingLostReason(): Promise<MetadataBundle> {
  const bundle = structuredClone(await loadExampleBundle());
  const rep = Object.values(bundle.permissions ?? {}).find((set) => set.role === 'salesRep');
  const opportunity = rep?.entities.opportunity;
  if (!opportunity) throw new Error('the example pack lost its salesRep opportunity grant');
  opportunity.fields = { ...opportunity.fields, lostReason: 'hidden' };
  return bundle;
}

describe.each(testDialects())('every route under the policy on %s', (dialect) => {
  let runtime: TestRuntime;
  let company: Company;
  let probe: Probe;
  const id = (key: string): string => company.ids[key] ?? `missing:${key}`;

  beforeAll(async () => {
    runtime = await startTestRuntime(dialect, { bundle: await bundleHidingLostReason() });
    company = await buildCompany(runtime);
    probe = createProbe(runtime, company);
  });
  afterAll(async () => runtime?.close());

  it('classifies every mounted route (a new route must be added here with what it exposes)', () => {
    const mounted = mountedApiRoutes(runtime.app).map(([method, path]) => routeKey(method, path));
    expect(mounted.filter((key) => !(key in ROUTES))).toEqual([]);
    expect(Object.keys(ROUTES).filter((key) => !mounted.includes(key))).toEqual([]);
  });

  it.each<Person>(['repA', 'partner', 'agent'])('refuses every administrator route to %s with 403', async (person) => {
    const admin = Object.entries(ROUTES).filter(([, kind]) => kind === 'admin').map(([key]) => key.split(' ') as [string, string]);
    for (const [method, path] of admin) {
      const url = path.replace(':id', company.users.repB.id).replace(':number', '1').replace(':name', 'opportunitySales');
      const sent = runtime.as(company.users[person].token)[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](url);
      const response = method === 'GET' || method === 'DELETE' ? await sent : await sent.send({});
      expect([method, path, response.status]).toEqual([method, path, 403]);
    }
  });

  it.each<[Person, string, string]>([
    ['repB', 'opportunity', 'oppA2'],
    ['repA', 'account', 'accountB'],
    ['partner', 'account', 'accountB'],
    ['partner', 'opportunity', 'oppA2'],
    ['agent', 'account', 'accountA'],
  ])('answers 404 on every record route to %s for %s %s, which they may not read', async (person, entity, key) => {
    const bodies: Record<string, object> = {
      PATCH: { phone: '+1 555 0199', name: 'Probe' },
      'POST /reassign': { owner: company.users[person].id },
      'POST /transitions': { event: 'LOSE', data: { lostReason: 'probe' } },
      'POST /process/start': {},
    };
    const recordRoutes = Object.entries(ROUTES).filter(([, kind]) => kind === 'record').map(([key]) => key.split(' ') as [string, string]);
    for (const [method, path] of recordRoutes) {
      const url = path.replace(':entity', entity).replace(':id', id(key));
      const suffix = path.slice('/api/records/:entity/:id'.length);
      const body = bodies[method === 'PATCH' ? 'PATCH' : `${method} ${suffix}`] ?? {};
      const sent = runtime.as(company.users[person].token)[method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](url);
      const response = method === 'GET' || method === 'DELETE' ? await sent : await sent.send(body);
      expect([method, path, response.status]).toEqual([method, path, 404]);
      expect(response.body.error.code).toBe('notFound');
    }
    expect((await runtime.api().get(`/api/records/${entity}/${id(key)}`)).status).toBe(200);
  });

  it('leaves hidden values out of a readable record\'s history, transitions and process log (which the administrator sees)', async () => {
    const seen = async (token: string, entity: string, key: string): Promise<string> => {
      // Accounts have no process: their process routes answer 404 (no process), which tells nothing.
      const routes = entity === 'opportunity' ? ['', '/history', '/transitions', '/process'] : ['', '/history'];
      const bodies = await Promise.all(routes.map(async (route) => {
        const response = await runtime.as(token).get(`/api/records/${entity}/${id(key)}${route}`);
        expect([route, response.status]).toEqual([route, 200]);
        return JSON.stringify(response.body);
      }));
      return bodies.join('\n');
    };
    const adminSaw = await seen(runtime.admin.token, 'opportunity', 'oppA2');
    expect(adminSaw).toContain(LOST_REASON);
    const repSaw = await seen(company.users.repA.token, 'opportunity', 'oppA2');
    expect(repSaw).not.toContain(LOST_REASON);
    expect(repSaw).not.toContain('lostReason');
    // The LOSE transition is in the rep's process log and history, only without the hidden value.
    const log = (await runtime.as(company.users.repA.token).get(`/api/records/opportunity/${id('oppA2')}/process`)).body.data[0].transitions as Array<{ event: string; payload: unknown; effects: Array<Record<string, unknown>> }>;
    expect(log.map((transition) => transition.event)).toContain('LOSE');
    expect(log.flatMap((transition) => transition.effects).every((effect) => !('params' in effect))).toBe(true);
    const history = (await runtime.as(company.users.repA.token).get(`/api/records/opportunity/${id('oppA2')}/history`)).body.data as Array<{ action: string; changes: { fields?: object; payload?: object } }>;
    const lose = history.find((row) => row.action === 'transition');
    expect(lose?.changes.fields).toEqual(expect.objectContaining({ stage: expect.any(Object) }));
    expect(lose?.changes.payload).toEqual({});

    for (const person of ['repA', 'partner'] as const) {
      const text = await seen(company.users[person].token, 'account', 'accountA');
      expect([person, text.includes(String(SECRET_REVENUE))]).toEqual([person, false]);
      if (person === 'partner') expect(text).not.toContain(SECRET_TEXT);
    }
  });

  it.each<[Person, string]>([
    ['admin', 'oppA1'], ['manager', 'oppA1'], ['repA', 'oppA1'], ['repA', 'oppA2'], ['repB', 'oppB1'], ['partner', 'oppA1'], ['agent', 'accountB'],
  ])('tells %s what they may do with %s, as the write routes then answer', async (person, key) => {
    const entity = key.startsWith('opp') ? 'opportunity' : 'account';
    const url = `/api/records/${entity}/${id(key)}`;
    const answer = await probe.get(person, `${url}/permissions`);
    expect(answer.status).toBe(200);
    const permissions = answer.body.data as { read: boolean; update: boolean; delete: boolean; transition: boolean };
    expect(permissions.read).toBe(true);
    // An update that changes nothing still passes every check an update has.
    const patched = await runtime.as(company.users[person].token).patch(url).send({});
    expect([person, key, 'update', patched.status === 200]).toEqual([person, key, 'update', permissions.update]);
    const events = await probe.get(person, `/api/records/opportunity/${id(key)}/transitions`);
    const offered = entity === 'opportunity' ? (events.body.data as Array<{ reasons: Array<{ code: string }> }>) : [];
    // Whether the events on offer are theirs to send (a closed deal offers none).
    if (offered.length > 0) {
      const anyAllowed = offered.some((event) => !event.reasons.some((reason) => reason.code === 'forbidden'));
      expect([person, key, 'transition', anyAllowed]).toEqual([person, key, 'transition', permissions.transition]);
    }
    if (person === 'admin') expect(permissions).toEqual({ read: true, update: true, delete: true, transition: true });
  });

  it.each<Person>(['admin', 'manager', 'repA', 'partner', 'agent'])('tells %s what they may do with accounts at all, as import and export then answer', async (person) => {
    const answer = await probe.get(person, '/api/metadata/entities/account/permissions');
    expect(answer.status).toBe(200);
    const can = answer.body.data as Record<string, boolean>;
    expect(Object.keys(can).sort()).toEqual(['create', 'delete', 'export', 'import', 'read', 'transition', 'update']);
    const token = company.users[person].token;
    const imported = await runtime.as(token).post('/api/records/account/import?dryRun=true').set('Content-Type', 'text/csv').send('name\r\nProbe Co\r\n');
    expect([person, 'import', imported.status === 200]).toEqual([person, 'import', can.import === true && can.create === true]);
    const exported = await runtime.as(token).get('/api/records/account/export');
    expect([person, 'export', exported.status === 200]).toEqual([person, 'export', can.export === true]);
    if (person === 'admin') expect(Object.values(can).every(Boolean)).toBe(true);
  });

  it('offers a reader without the transition grant no event as allowed', async () => {
    const events = async (person: Person): Promise<Array<{ event: string; allowed: boolean; reasons: Array<{ code?: string }> }>> => {
      const response = await probe.get(person, `/api/records/opportunity/${id('oppA1')}/transitions`);
      expect(response.status).toBe(200);
      return response.body.data;
    };
    // Rep A may move it: their events are blocked by guards at most (LOSE needs a lost reason), never by permissions.
    const rep = await events('repA');
    expect(rep.length).toBeGreaterThan(0);
    expect(rep.flatMap((transition) => transition.reasons).filter((reason) => reason.code === 'forbidden')).toEqual([]);
    const partner = await events('partner');
    expect(partner.map((transition) => transition.event).sort()).toEqual(rep.map((transition) => transition.event).sort());
    expect(partner.every((transition) => !transition.allowed && transition.reasons.some((reason) => reason.code === 'forbidden'))).toBe(true);
    expect((await probe.post('partner', `/api/records/opportunity/${id('oppA1')}/transitions`, { event: 'LOSE', data: { lostReason: 'x' } })).status).toBe(403);
  });

  it('shows only one\'s own notifications, and another\'s id is a 404', async () => {
    await insertNotification(runtime.system.database, { id: 'n-repa-1', userId: company.users.repA.id, title: 'For rep A', body: 'Alpha open is due', entity: 'opportunity', recordId: id('oppA1') }, new Date());
    const mine = await probe.get('repA', '/api/notifications');
    expect(mine.body.data.map((notification: { title: string }) => notification.title)).toEqual(['For rep A']);
    const theirs = await probe.get('repB', '/api/notifications');
    expect(theirs.body).toEqual({ data: [], unread: 0 });
    const readByOther = await runtime.as(company.users.repB.token).post(`/api/notifications/${(mine.body.data[0] as { id: string }).id}/read`);
    expect(readByOther.status).toBe(404);
    expect((await probe.get('repA', '/api/notifications?unread=true')).body.unread).toBe(1);
  });

  it('simulates a process on the record in the body only, reading no record table', async () => {
    const { statements, result } = await (async () => {
      let response: Awaited<ReturnType<Probe['post']>> | undefined;
      const counted = await countQueries(runtime, async () => {
        response = await probe.post('repB', '/api/metadata/processes/opportunitySales/simulate', { record: { id: id('oppA2') }, events: [{ type: 'LOSE', data: { lostReason: 'x' } }] });
      });
      return { statements: counted.statements, result: response };
    })();
    expect(result?.status).toBe(200);
    expect(JSON.stringify(result?.body)).not.toContain('Alpha lost');
    expect(statements.filter((sql) => /opportunit/i.test(sql))).toEqual([]);
  });

  it.each<Person>(['repA', 'partner'])('sends %s no hidden value through any report of the pack', async (person) => {
    const listed = await probe.get(person, '/api/reports');
    expect(listed.status).toBe(200);
    for (const report of (listed.body.data ?? []) as Array<{ name: string }>) {
      const response = await probe.get(person, `/api/reports/${report.name}`);
      expect([report.name, response.status < 500]).toEqual([report.name, true]);
      expect(JSON.stringify(response.body)).not.toContain(String(SECRET_REVENUE));
    }
  });

  describe('metadata is the caller\'s view', () => {
    it('omits hidden fields from the entity document and its JSON Schemas in every mode', async () => {
      for (const mode of ['read', 'create', 'update']) {
        const repSchema = await probe.get('repA', `/api/metadata/entities/account/schema?mode=${mode}`);
        expect(repSchema.status).toBe(200);
        expect(Object.keys(repSchema.body.properties as object)).not.toContain('annualRevenue');
        expect(Object.keys(repSchema.body.properties as object)).toContain('name');
        const adminSchema = await runtime.api().get(`/api/metadata/entities/account/schema?mode=${mode}`);
        expect(Object.keys(adminSchema.body.properties as object)).toContain('annualRevenue');
      }
      const partnerDocument = await probe.get('partner', '/api/metadata/entities/account');
      const names = (partnerDocument.body.fields as Array<{ name: string }>).map((field) => field.name);
      expect(names).not.toEqual(expect.arrayContaining(['annualRevenue']));
      expect(names).not.toContain('description');
      expect(names).toContain('name');
      const repUser = await probe.get('repA', '/api/metadata/entities/user/schema');
      expect(Object.keys(repUser.body.properties as object)).not.toContain('email');
    });

    it('lists and answers only entities the caller may use; others are 404 like unknown ones', async () => {
      const listed = async (person: Person): Promise<string[]> => ((await probe.get(person, '/api/metadata/entities')).body.data as Array<{ name: string }>).map((entity) => entity.name).sort();
      expect(await listed('partner')).toEqual(['account', 'opportunity', 'user']);
      expect(await listed('agent')).toEqual(['account', 'contact', 'role', 'tag', 'team', 'user']);
      expect(await listed('admin')).toEqual(['account', 'contact', 'opportunity', 'role', 'tag', 'team', 'user']);
      for (const url of ['/api/metadata/entities/contact', '/api/metadata/entities/contact/schema']) {
        const response = await probe.get('partner', url);
        const unknown = await probe.get('partner', url.replace('contact', 'nosuchentity'));
        expect([url, response.status, unknown.status]).toEqual([url, 404, 404]);
        expect(response.body.error.code).toBe(unknown.body.error.code);
      }
    });
  });

  describe('users are readable for display', () => {
    it('lets every member list users without their e-mail, language or partner account', async () => {
      const list = await probe.get('repA', '/api/records/user?pageSize=100&sort=username');
      expect(list.status).toBe(200);
      const usernames = (list.body.data as Array<{ username: string }>).map((user) => user.username);
      expect(usernames).toEqual(expect.arrayContaining(['admin', 'agent', 'manager', 'partner', 'repa', 'repb']));
      const keys = new Set((list.body.data as Array<Record<string, unknown>>).flatMap((user) => Object.keys(user)));
      expect([...keys].sort()).toEqual(['active', 'createdAt', 'displayName', 'id', 'role', 'team', 'updatedAt', 'username', 'version']);
      expect((await probe.get('repA', '/api/records/user?filter[email][isNull]=false')).status).toBe(400);
      expect((await probe.get('repA', '/api/records/team')).status).toBe(200);
      expect((await probe.get('agent', `/api/records/user/${company.users.manager.id}?expand=team,role`)).body).toMatchObject({ username: 'manager', team: { name: 'East' }, role: { name: 'salesManager' } });
    });

    it('shows a partner only the users of their own partner account, and no teams or roles', async () => {
      const list = await probe.get('partner', '/api/records/user?pageSize=100');
      expect((list.body.data as Array<{ username: string }>).map((user) => user.username)).toEqual(['partner']);
      expect(list.body.total).toBe(1);
      expect((await probe.get('partner', `/api/records/user/${company.users.manager.id}`)).status).toBe(404);
      expect((await probe.get('partner', '/api/records/team')).status).toBe(403);
      expect((await probe.get('partner', '/api/records/role')).status).toBe(403);
      expect(keysOf(company, await probe.get('partner', '/api/records/account'))).toEqual(['accountA', 'accountX']);
    });

    it('still lets nobody but administrators write users', async () => {
      const self = (await probe.get('repA', `/api/records/user/${company.users.repA.id}`)).body as { version: number };
      expect((await probe.patch('repA', `/api/records/user/${company.users.repA.id}`, { displayName: 'Renamed', version: self.version })).status).toBe(403);
      expect((await probe.patch('partner', `/api/records/user/${company.users.partner.id}`, { displayName: 'Renamed' })).status).toBe(403);
    });
  });
});
