// The permission matrix: for each of admin, manager, rep A, rep B, support agent and partner
// user, every read path (list with totals, filters, sorts and search, get, expand, history) gives
// exactly the records the metadata grants (board counts, sums and cards, CSV exports within the
// export scope too), hidden fields are unknown and never sent, and every
// write path (create, update, field writes, delete, import) answers exactly 2xx, 403 or 404 (an import's rows: created,
// updated or "not found").
import { SYSTEM_ACTOR } from '@stagecraft/runtime';
import { testDialects } from '../support/databases';
import { addLonePeople, buildCompany, bundleWithSoloManager, LONE_PEOPLE, PEOPLE, SECRET_REVENUE, SECRET_TEXT, type Company, type LonePerson, type Person } from './permissions-fixture';
import { createProbe, keysOf, type Probe } from './permissions-probe';
import { startTestRuntime, type TestRuntime } from './runtime-harness';

type Readable = string[] | 'forbidden';
interface ResponseBody extends Record<string, unknown> {
  error?: { code?: string; details?: unknown };
}
const ALL_ACCOUNTS = ['accountA', 'accountB', 'accountG', 'accountM', 'accountP', 'accountX'];
const ALL_CONTACTS = ['contactA1', 'contactA2', 'contactB1', 'contactM1'];
const ALL_OPPORTUNITIES = ['oppA1', 'oppA2', 'oppB1', 'oppM1', 'oppX1'];

/** Who reads what: own, team (East: manager + rep A), hierarchy (manager over reps), sharing rules, partner account. */
const READABLE: Record<Person, { account: Readable; contact: Readable; opportunity: Readable }> = {
  admin: { account: ALL_ACCOUNTS, contact: ALL_CONTACTS, opportunity: ALL_OPPORTUNITIES },
  manager: { account: ['accountA', 'accountB', 'accountM'], contact: ALL_CONTACTS, opportunity: ['oppA1', 'oppA2', 'oppB1', 'oppM1'] },
  repA: { account: ['accountA', 'accountM'], contact: ['contactA1', 'contactM1'], opportunity: ['oppA1', 'oppA2'] },
  repB: { account: ['accountB'], contact: ['contactA2', 'contactB1'], opportunity: ['oppB1'] },
  agent: { account: ['accountB', 'accountX'], contact: ['contactA2'], opportunity: 'forbidden' },
  partner: { account: ['accountA', 'accountX'], contact: 'forbidden', opportunity: ['oppA1', 'oppX1'] },
};
const ENTITIES = ['account', 'contact', 'opportunity'] as const;
/** People who may not see account.annualRevenue (and the partner not account.description either). */
const REVENUE_HIDDEN: readonly Person[] = ['repA', 'repB', 'agent', 'partner'];

const readable = (person: Person, entity: (typeof ENTITIES)[number]): string[] => {
  const granted = READABLE[person][entity];
  return granted === 'forbidden' ? [] : granted;
};

describe.each(testDialects())('permission matrix on %s', (dialect) => {
  let runtime: TestRuntime;
  let company: Company;
  let probe: Probe;
  const id = (key: string): string => company.ids[key] ?? `missing:${key}`;

  beforeAll(async () => {
    runtime = await startTestRuntime(dialect, { bundle: await bundleWithSoloManager() });
    company = await buildCompany(runtime);
    probe = createProbe(runtime, company);
  });
  afterAll(async () => {
    await runtime.close();
  });

  describe('read paths', () => {
    it.each(PEOPLE)('%s lists exactly the readable records of each entity, with the total of the same rows', async (person) => {
      for (const entity of ENTITIES) {
        const response = await probe.get(person, `/api/records/${entity}?pageSize=100`);
        if (READABLE[person][entity] === 'forbidden') {
          expect(response.status).toBe(403);
          continue;
        }
        expect(response.status).toBe(200);
        expect(keysOf(company, response)).toEqual(READABLE[person][entity]);
        expect(response.body.total).toBe(readable(person, entity).length);
        const firstPage = await probe.get(person, `/api/records/${entity}?pageSize=1&sort=-createdAt`);
        expect(firstPage.body.total).toBe(readable(person, entity).length);
        expect(firstPage.body.data).toHaveLength(Math.min(1, readable(person, entity).length));
      }
    });

    it.each(PEOPLE)('%s gets each readable record and a 404 (never 403) for every other one', async (person) => {
      const all = { account: ALL_ACCOUNTS, contact: ALL_CONTACTS, opportunity: ALL_OPPORTUNITIES };
      for (const entity of ENTITIES) {
        const statuses = await Promise.all(all[entity].map(async (key) => [key, (await probe.get(person, `/api/records/${entity}/${id(key)}`)).status] as const));
        const expected = all[entity].map((key) => [key, readable(person, entity).includes(key) ? 200 : 404] as const);
        expect(statuses).toEqual(expected);
      }
    });

    it.each(PEOPLE)('%s filters, sorts and searches only within readable records', async (person) => {
      const gold = await probe.get(person, '/api/records/account?filter[tier]=gold&sort=-name');
      const expectedGold = readable(person, 'account').filter((key) => ['accountB', 'accountX'].includes(key));
      expect(keysOf(company, gold)).toEqual(expectedGold);
      expect(gold.body.total).toBe(expectedGold.length);
      const ownedByRepA = await probe.get(person, `/api/records/account?filter[owner]=${company.users.repA.id}`);
      expect(keysOf(company, ownedByRepA)).toEqual(readable(person, 'account').filter((key) => key === 'accountA'));
      const searched = await probe.get(person, '/api/records/account?q=Gold');
      expect(keysOf(company, searched)).toEqual(readable(person, 'account').filter((key) => key === 'accountX'));
      expect(searched.body.total).toBe(readable(person, 'account').includes('accountX') ? 1 : 0);
    });

    it.each(PEOPLE)('%s cannot filter, sort or select a hidden field: 400 unknownField, exactly as for a field that does not exist', async (person) => {
      const hidden = REVENUE_HIDDEN.includes(person);
      const probes = [
        ['filter', '/api/records/account?filter[annualRevenue][gt]=0', '/api/records/account?filter[turnover][gt]=0'],
        ['null filter', '/api/records/account?filter[annualRevenue][isNull]=false', '/api/records/account?filter[turnover][isNull]=false'],
        ['sort', '/api/records/account?sort=-annualRevenue', '/api/records/account?sort=-turnover'],
        ['fields', '/api/records/account?fields=name,annualRevenue', '/api/records/account?fields=name,turnover'],
        ['get fields', `/api/records/account/${id('accountB')}?fields=annualRevenue`, `/api/records/account/${id('accountB')}?fields=turnover`],
      ] as const;
      for (const [, url, unknownUrl] of probes) {
        const response = await probe.get(person, url);
        const unknown = await probe.get(person, unknownUrl);
        expect(unknown.status).toBe(400);
        if (!hidden) {
          expect(response.status).toBe(200);
          continue;
        }
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe(unknown.body.error.code);
        // Word for word the answer about a field that does not exist, but for the name.
        const asUnknown = JSON.parse(JSON.stringify(unknown.body.error.details).replaceAll('turnover', 'annualRevenue')) as unknown;
        expect(response.body.error.details).toEqual(asUnknown);
        expect(response.body.error.details).toEqual([expect.objectContaining({ code: 'unknownField' })]);
      }
    });

    it('returns no hidden field in lists and gets, and the partner not even the description', async () => {
      for (const person of PEOPLE) {
        const list = await probe.get(person, '/api/records/account?pageSize=100');
        const keys = new Set((list.body.data as Array<Record<string, unknown>>).flatMap((record) => Object.keys(record)));
        expect(keys.has('annualRevenue')).toBe(!REVENUE_HIDDEN.includes(person));
        expect(keys.has('description')).toBe(person !== 'partner');
        expect(keys.has('name')).toBe(true);
      }
    });

    it.each<[string, Person, string, (body: Record<string, unknown>, company: Company) => void]>([
      ['a rep sees a readable referenced account, without its hidden revenue', 'repA', '/api/records/opportunity/{oppA1}?expand=account', (body, c) => {
        expect(body.account).toMatchObject({ id: c.ids.accountA, name: 'Alpha Co' });
        expect(body.account).not.toHaveProperty('annualRevenue');
      }],
      ['a referenced account the rep cannot read stays a bare id', 'repB', '/api/records/contact/{contactA2}?expand=account', (body, c) => {
        expect(body.account).toBe(c.ids.accountA);
      }],
      ['a rep sees only the readable contacts of an account', 'repA', '/api/records/account/{accountA}?expand=contacts,opportunities', (body, c) => {
        expect((body.contacts as Array<{ id: string }>).map((contact) => c.keyOf(contact.id))).toEqual(['contactA1']);
        expect((body.opportunities as Array<{ id: string }>).map((opportunity) => c.keyOf(opportunity.id)).sort()).toEqual(['oppA1', 'oppA2']);
      }],
      ['the agent gets no opportunities of a gold account (no access to them)', 'agent', '/api/records/account/{accountB}?expand=opportunities,contacts', (body, c) => {
        expect(body.opportunities).toEqual([]);
        expect((body.contacts as Array<{ id: string }>).map((contact) => c.keyOf(contact.id))).toEqual([]);
        expect(body).not.toHaveProperty('annualRevenue');
      }],
      ['the partner sees the partner account\'s opportunities only, and the account without revenue or description', 'partner', '/api/records/account/{accountA}?expand=opportunities,contacts', (body, c) => {
        expect((body.opportunities as Array<{ id: string }>).map((opportunity) => c.keyOf(opportunity.id))).toEqual(['oppA1']);
        expect(body.contacts).toEqual([]);
        expect(body).not.toHaveProperty('description');
      }],
      ['every user reads a user\'s name, team and role, not their e-mail or language', 'repA', '/api/records/account/{accountA}?expand=owner', (body, c) => {
        expect(body.owner).toMatchObject({ id: c.users.repA.id, username: 'repa', displayName: 'repa', active: true });
        expect(Object.keys(body.owner as object)).not.toEqual(expect.arrayContaining(['email']));
        expect(body.owner).not.toHaveProperty('locale');
        expect(body.owner).not.toHaveProperty('partnerAccount');
      }],
      ['a partner may not read users outside their partner account: the owner stays an id', 'partner', '/api/records/opportunity/{oppA1}?expand=owner', (body, c) => {
        expect(body.owner).toBe(c.users.repA.id);
      }],
      ['the manager sees the expanded account with its revenue', 'manager', '/api/records/opportunity/{oppA1}?expand=account', (body) => {
        expect(body.account).toMatchObject({ annualRevenue: SECRET_REVENUE });
      }],
    ])('expand: %s', async (_case, person, template, check) => {
      const url = template.replace(/\{(\w+)\}/g, (_match, key: string) => id(key));
      const response = await probe.get(person, url);
      expect(response.status).toBe(200);
      check(response.body as Record<string, unknown>, company);
    });

    it('expands in lists too: each contact\'s account only when readable', async () => {
      const response = await probe.get('repB', '/api/records/contact?expand=account&sort=lastName');
      expect((response.body.data as Array<{ account: unknown }>).map((contact) => (typeof contact.account === 'string' ? 'bare id' : company.keyOf((contact.account as { id: string }).id)))).toEqual(['bare id', 'accountB']);
    });

    it.each(PEOPLE)('%s sees board counts and sums of exactly the readable opportunities', async (person) => {
      const response = await probe.get(person, '/api/boards/opportunityBoard');
      if (READABLE[person].opportunity === 'forbidden') {
        expect(response.status).toBe(403);
        return;
      }
      const stageOf = (key: string): string => (key === 'oppA2' ? 'closedLost' : 'prospecting');
      const amountOf: Record<string, number> = { oppA1: 100, oppA2: 200 };
      const expected = ['prospecting', 'qualification', 'proposal', 'closedWon', 'closedLost'].map((stage) => {
        const keys = readable(person, 'opportunity').filter((key) => stageOf(key) === stage);
        return [stage, keys.length, keys.reduce((sum, key) => sum + (amountOf[key] ?? 0), 0)];
      });
      expect(response.status).toBe(200);
      expect((response.body.columns as Array<{ value: string; count: number; sum: number }>).map((column) => [column.value, column.count, column.sum])).toEqual(expected);
      const cards = await probe.get(person, '/api/boards/opportunityBoard/columns/prospecting?pageSize=100');
      expect(keysOf(company, cards)).toEqual(readable(person, 'opportunity').filter((key) => stageOf(key) === 'prospecting'));
    });

    it.each<[Person, string[] | 'forbidden']>([
      ['admin', ALL_ACCOUNTS],
      ['manager', ['accountA', 'accountB', 'accountM']],
      ['repA', ['accountA']],
      ['repB', ['accountB']],
      ['agent', 'forbidden'],
      ['partner', 'forbidden'],
    ])('%s exports exactly the accounts within both the read and the export scope, without hidden fields', async (person, expected) => {
      const response = await probe.get(person, '/api/records/account/export?format=csv');
      if (expected === 'forbidden') {
        expect(response.status).toBe(403);
        return;
      }
      expect(response.status).toBe(200);
      const [header = '', ...lines] = response.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines.map((line) => company.keyOf(line.split(',')[0])).sort()).toEqual(expected);
      expect(header.split(',').includes('annualRevenue')).toBe(!REVENUE_HIDDEN.includes(person));
    });

    it.each(PEOPLE)('%s reads the history of readable accounts only, without hidden values', async (person) => {
      for (const key of ALL_ACCOUNTS) {
        const response = await probe.get(person, `/api/records/account/${id(key)}/history`);
        expect([key, response.status]).toEqual([key, readable(person, 'account').includes(key) ? 200 : 404]);
        if (response.status !== 200) continue;
        const fields = (response.body.data as Array<{ changes: Record<string, unknown> | null }>).flatMap((row) => Object.keys(row.changes ?? {}));
        expect(fields).toContain('name');
        expect(fields.includes('annualRevenue')).toBe(!REVENUE_HIDDEN.includes(person));
      }
    });
  });

  describe('write paths', () => {
    const phone = { phone: '+1 555 0100' };

    it.each<[Person, Record<string, number>]>([
      ['admin', { accountA: 200, accountB: 200, accountG: 200, accountM: 200, accountP: 200, accountX: 200 }],
      ['manager', { accountA: 200, accountB: 200, accountG: 404, accountM: 200, accountP: 404, accountX: 404 }],
      ['repA', { accountA: 200, accountB: 404, accountG: 404, accountM: 403, accountP: 404, accountX: 404 }],
      ['repB', { accountA: 404, accountB: 200, accountG: 404, accountM: 404, accountP: 404, accountX: 404 }],
      ['agent', { accountA: 404, accountB: 403, accountG: 404, accountM: 404, accountP: 404, accountX: 403 }],
      ['partner', { accountA: 403, accountB: 404, accountG: 404, accountM: 404, accountP: 404, accountX: 403 }],
    ])('%s updates accounts: 200 in scope, 403 readable only, 404 unreadable', async (person, expected) => {
      const statuses: Record<string, number> = {};
      for (const key of ALL_ACCOUNTS) statuses[key] = (await probe.patch(person, `/api/records/account/${id(key)}`, phone)).status;
      expect(statuses).toEqual(expected);
    });

    it.each<[string, Person, string, object, number, string[]]>([
      ['a rep writing the hidden revenue', 'repA', 'accountA', { annualRevenue: 1 }, 403, ['/annualRevenue hiddenField']],
      ['a rep writing the read-only tier', 'repA', 'accountA', { tier: 'gold', phone: '+1 555 0101' }, 403, ['/tier readOnlyField']],
      ['a rep changing the owner', 'repA', 'accountA', { owner: 'someone-else' }, 403, ['/owner readOnlyField']],
      ['a rep sending back the unchanged tier', 'repA', 'accountA', { tier: 'standard', phone: '+1 555 0102' }, 200, []],
      ['a rep writing a hidden field of a record they cannot read', 'repA', 'accountB', { annualRevenue: 1 }, 404, []],
      ['the partner writing the read-only discount', 'partner', 'oppA1', { discount: 1 }, 403, ['/discount readOnlyField']],
      ['the partner writing an opportunity of their account', 'partner', 'oppA1', { amount: 150 }, 200, []],
      ['the partner moving an opportunity to another partner', 'partner', 'oppA1', { partnerAccount: 'other' }, 403, ['/partnerAccount readOnlyField']],
      ['the agent editing a contact who wants calls (sharing rule)', 'agent', 'contactA2', { firstName: 'Ana' }, 200, []],
      ['the agent editing another contact', 'agent', 'contactA1', { firstName: 'Ana' }, 404, []],
      ['the manager assigning an owner', 'manager', 'oppM1', { owner: 'placeholder:repA' }, 200, []],
    ])('field writes: %s', async (_case, person, key, body, status, problems) => {
      const entity = key.startsWith('account') ? 'account' : key.startsWith('contact') ? 'contact' : 'opportunity';
      const sent = JSON.parse(JSON.stringify(body).replace('placeholder:repA', company.users.repA.id)) as object;
      const response = await probe.patch(person, `/api/records/${entity}/${id(key)}`, sent);
      expect(response.status).toBe(status);
      if (status === 403) expect((response.body.error.details as Array<{ path: string; code: string }>).map((problem) => `${problem.path} ${problem.code}`)).toEqual(problems);
    });

    it.each<[string, Person, string, Record<string, unknown>, number, (body: ResponseBody, company: Company) => void]>([
      ['a rep creates an account they then own, answered without revenue', 'repA', 'account', { name: 'Rep made' }, 201, (body, c) => {
        expect(body.owner).toBe(c.users.repA.id);
        expect(body).not.toHaveProperty('annualRevenue');
      }],
      ['a rep may not create it for someone else', 'repA', 'account', { name: 'For B', owner: 'placeholder:repB' }, 403, (body) => expect(body.error?.details).toEqual([expect.objectContaining({ path: '/owner' })])],
      ['a rep may not set the hidden revenue', 'repA', 'account', { name: 'Rich', annualRevenue: 5 }, 403, (body) => expect(body.error?.details).toEqual([expect.objectContaining({ path: '/annualRevenue', code: 'hiddenField' })])],
      ['a manager creates an account for a rep', 'manager', 'account', { name: 'For B', owner: 'placeholder:repB' }, 201, (body, c) => expect(body.owner).toBe(c.users.repB.id)],
      ['the agent may not create accounts', 'agent', 'account', { name: 'Agent made' }, 403, (body) => expect(body.error?.code).toBe('forbidden')],
      ['the agent creates a contact they own', 'agent', 'contact', { lastName: 'Caller' }, 201, (body, c) => expect(body.owner).toBe(c.users.agent.id)],
      ['the partner creates an opportunity that carries their partner account', 'partner', 'opportunity', { name: 'Partner deal', account: 'placeholder:accountA' }, 201, (body, c) => {
        expect(body).toMatchObject({ owner: c.users.partner.id, partnerAccount: c.ids.accountP });
      }],
      ['the partner may not reference an account they cannot read', 'partner', 'opportunity', { name: 'Probe', account: 'placeholder:accountB' }, 422, (body) => expect(body.error?.details).toEqual([expect.objectContaining({ path: '/account', code: 'reference' })])],
      ['the partner may not create contacts', 'partner', 'contact', { lastName: 'Nope' }, 403, (body) => expect(body.error?.code).toBe('forbidden')],
      ['a rep may not reference an account outside their reach', 'repB', 'opportunity', { name: 'Probe', account: 'placeholder:accountA' }, 422, (body) => expect(body.error?.details).toEqual([expect.objectContaining({ path: '/account', code: 'reference' })])],
    ])('create: %s', async (_case, person, entity, template, status, check) => {
      const body = JSON.parse(JSON.stringify(template).replace(/placeholder:(\w+)/g, (_match, key: string) => company.ids[key] ?? company.users[key as Person].id)) as object;
      const response = await probe.post(person, `/api/records/${entity}`, body);
      expect(response.status).toBe(status);
      check(response.body as ResponseBody, company);
    });

    it.each<[Person, Record<'byManager' | 'byRepA' | 'byRepB', number>]>([
      ['admin', { byManager: 204, byRepA: 204, byRepB: 204 }],
      ['manager', { byManager: 204, byRepA: 204, byRepB: 204 }],
      ['repA', { byManager: 403, byRepA: 403, byRepB: 404 }],
      ['repB', { byManager: 404, byRepA: 404, byRepB: 403 }],
      ['agent', { byManager: 404, byRepA: 404, byRepB: 404 }],
      ['partner', { byManager: 404, byRepA: 404, byRepB: 404 }],
    ])('%s deletes accounts: 204 in scope, 403 readable only, 404 unreadable', async (person, expected) => {
      const owners = { byManager: company.users.manager.id, byRepA: company.users.repA.id, byRepB: company.users.repB.id };
      const statuses: Record<string, number> = {};
      for (const [key, owner] of Object.entries(owners)) {
        const account = await runtime.records.create('account', { name: `Doomed ${key}`, owner }, SYSTEM_ACTOR);
        statuses[key] = (await probe.delete(person, `/api/records/account/${String(account.id)}`)).status;
        const stillThere = await runtime.api().get(`/api/records/account/${String(account.id)}`);
        expect([key, stillThere.status]).toEqual([key, statuses[key] === 204 ? 404 : 200]);
      }
      expect(statuses).toEqual(expected);
    });

    it.each<[Person, number]>([['admin', 200], ['manager', 200], ['repA', 200], ['repB', 404], ['agent', 404], ['partner', 404]])(
      '%s moves rep A\'s opportunity through its process: %i',
      async (person, status) => {
        const opportunity = await runtime.records.create('opportunity', { name: `Moved by ${person}`, account: id('accountA'), owner: company.users.repA.id }, SYSTEM_ACTOR);
        const response = await probe.post(person, `/api/records/opportunity/${String(opportunity.id)}/transitions`, { event: 'LOSE', data: { lostReason: 'Lost to a rival' } });
        expect(response.status).toBe(status);
        if (status === 200) expect(response.body.record).toMatchObject({ stage: 'closedLost' });
      },
    );

    it('applies field permissions to the data a transition writes', async () => {
      const opportunity = await runtime.records.create('opportunity', { name: 'Discounted', account: id('accountA'), owner: company.users.repA.id }, SYSTEM_ACTOR);
      const response = await probe.post('repA', `/api/records/opportunity/${String(opportunity.id)}/transitions`, { event: 'LOSE', data: { lostReason: 'Price', discount: 9 } });
      expect(response.status).toBe(403);
      expect(response.body.error.details).toEqual([expect.objectContaining({ path: '/data/discount', code: 'readOnlyField' })]);
    });

    it.each<[Person, number]>([['admin', 200], ['manager', 200], ['repA', 403], ['repB', 403], ['agent', 403], ['partner', 403]])(
      '%s imports accounts: %i (the import grant, with create)',
      async (person, status) => {
        const name = `Imported by ${person}`;
        const response = await probe.post(person, '/api/records/account/import', { records: [{ name }] });
        expect(response.status).toBe(status);
        const found = (await runtime.api().get(`/api/records/account?filter[name]=${encodeURIComponent(name)}`)).body.data as Array<{ owner: string }>;
        expect(found.map((record) => record.owner)).toEqual(status === 200 ? [company.users[person].id] : []);
      },
    );

    it.each<[Person, string[]]>([
      ['admin', ALL_ACCOUNTS],
      ['manager', ['accountA', 'accountB', 'accountM']],
    ])('%s upserts accounts by id: updated within the update scope, "not found" for every other one', async (person, updatable) => {
      const records = ALL_ACCOUNTS.map((key) => ({ id: id(key), phone: '+1 555 0123' }));
      const response = await probe.post(person, '/api/records/account/import?mode=upsert&key=id&atomic=false', { records });
      expect(response.status).toBe(200);
      const actions = (response.body.rows as Array<{ action: string; errors?: Array<{ code?: string }> }>).map((row) => row.action === 'failed' ? row.errors?.[0]?.code : row.action);
      expect(actions).toEqual(ALL_ACCOUNTS.map((key) => (updatable.includes(key) ? 'updated' : 'notFound')));
    });

    it('lets a rep delete their own contact but the agent not a contact shared for editing', async () => {
      const own = await runtime.records.create('contact', { lastName: 'Short lived', owner: company.users.repA.id }, SYSTEM_ACTOR);
      expect((await probe.delete('repA', `/api/records/contact/${String(own.id)}`)).status).toBe(204);
      expect((await probe.delete('agent', `/api/records/contact/${id('contactA2')}`)).status).toBe(403);
    });
  });

  describe('after every read and write', () => {
    it('never sent a hidden value to anyone who may not see it (and the check can see one)', () => {
      for (const person of PEOPLE) {
        const text = probe.bodiesOf(person).join('\n');
        expect([person, text.includes(String(SECRET_REVENUE))]).toEqual([person, !REVENUE_HIDDEN.includes(person)]);
        if (person === 'partner') expect(text.includes(SECRET_TEXT)).toBe(false);
      }
    });
  });

  // Last, as their records would change every list above: people whose team, subordinates or
  // partner account are empty get their own records (or none), never everyone's. The SQL the
  // rules become for them is pinned in runtime/src/access/access-sql.test.ts.
  describe('people with no team, no subordinates, no partner account', () => {
    const LONE_READABLE: Record<LonePerson, { account: Readable; contact: Readable; opportunity: Readable }> = {
      loneRep: { account: ['accountL'], contact: ['contactL'], opportunity: ['oppL'] },
      // The manager's set reads by hierarchy: with no one below, their own records only.
      loneManager: { account: ['accountS'], contact: ['contactS'], opportunity: ['oppS'] },
      lonePartner: { account: [], contact: 'forbidden', opportunity: [] },
    };
    let lone: Awaited<ReturnType<typeof addLonePeople>>;
    beforeAll(async () => {
      lone = await addLonePeople(runtime, company);
    });

    it.each(LONE_PEOPLE)('%s lists, counts and gets exactly their own records (or none), and 404 for the rest', async (person) => {
      const as = runtime.as(lone[person].token);
      for (const entity of ENTITIES) {
        const expected = LONE_READABLE[person][entity];
        const list = await as.get(`/api/records/${entity}?pageSize=100`);
        if (expected === 'forbidden') {
          expect(list.status).toBe(403);
          continue;
        }
        expect(list.status).toBe(200);
        expect(keysOf(company, list)).toEqual(expected);
        expect(list.body.total).toBe(expected.length);
      }
      const others = ['accountA', 'accountM', 'oppA1', 'oppM1'];
      for (const key of others) expect((await as.get(`/api/records/${key.startsWith('opp') ? 'opportunity' : 'account'}/${id(key)}`)).status).toBe(404);
    });

    it.each(LONE_PEOPLE)('%s sees board counts, sums and cards of their own opportunities only (all empty for the partner)', async (person) => {
      const as = runtime.as(lone[person].token);
      const own = LONE_READABLE[person].opportunity;
      const count = own === 'forbidden' ? 0 : own.length;
      const board = await as.get('/api/boards/opportunityBoard');
      expect(board.status).toBe(200);
      expect((board.body.columns as Array<{ value: string; count: number; sum: number }>).map((column) => [column.value, column.count, column.sum])).toEqual(
        ['prospecting', 'qualification', 'proposal', 'closedWon', 'closedLost'].map((stage) => [stage, stage === 'prospecting' ? count : 0, 0]),
      );
      const cards = await as.get('/api/boards/opportunityBoard/columns/prospecting?pageSize=100');
      expect(cards.status).toBe(200);
      expect(keysOf(company, cards)).toEqual(own);
    });

    it.each<[LonePerson, string[] | 'forbidden']>([
      ['loneRep', ['accountL']],
      ['loneManager', ['accountS']],
      ['lonePartner', 'forbidden'],
    ])('%s exports exactly their own accounts', async (person, expected) => {
      const response = await runtime.as(lone[person].token).get('/api/records/account/export?format=csv');
      if (expected === 'forbidden') {
        expect(response.status).toBe(403);
        return;
      }
      expect(response.status).toBe(200);
      const [, ...lines] = response.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines.map((line) => company.keyOf(line.split(',')[0])).sort()).toEqual(expected);
    });

    it('gives the partner-role user without a partner account empty searches, filters and totals, and 404 for every record', async () => {
      const as = runtime.as(lone.lonePartner.token);
      for (const query of ['q=Alpha', 'filter[name][eq]=Alpha%20open', 'sort=-name']) {
        const response = await as.get(`/api/records/opportunity?${query}&pageSize=100`);
        expect([query, response.status, keysOf(company, response), response.body.total]).toEqual([query, 200, [], 0]);
      }
      for (const key of ['accountP', 'accountX', 'accountQ', 'oppX1', 'oppQ']) {
        expect([key, (await as.get(`/api/records/${key.startsWith('opp') ? 'opportunity' : 'account'}/${id(key)}`)).status]).toEqual([key, 404]);
      }
    });

    it('lets the partner-role user without a partner account create nothing and change nothing', async () => {
      const as = runtime.as(lone.lonePartner.token);
      expect((await as.post('/api/records/opportunity').send({ name: 'Sneaky', account: id('accountA') })).status).toBe(403);
      expect((await as.patch(`/api/records/opportunity/${id('oppA1')}`).send({ name: 'Renamed' })).status).toBe(404);
    });
  });
});
