// The promises README.md and core/README.md make about the shipped permission sets (the identity
// pack's everyUser, the SFA pack's sales, finance sets), one table row each, checked for every
// demo user: admin, manager, rep1–rep3, agent1, partner1 and finance1.
import { testDialects } from '../support/databases';
import type { TestUser } from './runtime-harness';
import { startSfaRuntime, type SfaTestRuntime } from './sfa-harness';

const PEOPLE = ['admin', 'manager', 'rep1', 'rep2', 'rep3', 'agent1', 'partner1', 'finance1'] as const;
type Person = (typeof PEOPLE)[number];
type Body = Record<string, unknown>;
/** The user fields only administrators (and sets naming them) may see. */
const PRIVATE_USER_FIELDS = ['email', 'locale', 'partnerAccount'];
const SALES_REPS: readonly Person[] = ['rep1', 'rep2', 'rep3'];

interface World {
  runtime: SfaTestRuntime;
  user(person: Person): TestUser;
  /** Record key → id: quoteR1 / lineR1 (rep1's), quoteR2 / lineR2 (rep2's). */
  ids: Record<string, string>;
}

type PromiseCase = [string, (world: World, person: Person) => Promise<void>];

const get = (world: World, person: Person, url: string) => world.runtime.as(world.user(person).token).get(url);

const PROMISES: PromiseCase[] = [
  ['everyone reads users\' names, teams and roles, but not their e-mail, language or partner account (README: Permissions)', async (world, person) => {
    const response = await get(world, person, '/api/records/user?pageSize=100');
    expect(response.status).toBe(200);
    const users = response.body.data as Body[];
    expect(users.length).toBeGreaterThan(0);
    for (const user of users) {
      expect(user).toHaveProperty('displayName');
      for (const field of PRIVATE_USER_FIELDS) expect(Object.hasOwn(user, field)).toBe(person === 'admin');
    }
    // A partner sees only the users of their own partner account.
    const usernames = users.map((user) => user.username);
    if (person === 'partner1') expect(usernames).toEqual(['partner1']);
    else expect(usernames).toEqual(expect.arrayContaining(['manager', 'rep1', 'agent1', 'partner1', 'finance1']));
  }],
  ['a hidden user field is unknown: filtering or sorting on it is 400 unknownField (README: Permissions)', async (world, person) => {
    for (const url of ['/api/records/user?filter[email][isNull]=false', '/api/records/user?sort=locale', '/api/records/user?fields=username,partnerAccount']) {
      const response = await get(world, person, url);
      expect([url, response.status]).toEqual([url, person === 'admin' ? 200 : 400]);
      if (person !== 'admin') expect(response.body.error.details[0].code).toBe('unknownField');
    }
  }],
  ['the user schema and the OpenAPI document leave the hidden user fields out (README: metadata is your view)', async (world, person) => {
    const schema = await get(world, person, '/api/metadata/entities/user/schema');
    expect(schema.status).toBe(200);
    const openApi = await get(world, person, '/api/openapi.json');
    const openApiUser = Object.keys(openApi.body.components.schemas.User.properties as object);
    for (const field of PRIVATE_USER_FIELDS) {
      expect(Object.hasOwn(schema.body.properties, field)).toBe(person === 'admin');
      expect(openApiUser.includes(field)).toBe(person === 'admin');
    }
  }],
  ['partners see no teams or roles (README: Permissions)', async (world, person) => {
    for (const entity of ['team', 'role']) expect((await get(world, person, `/api/records/${entity}`)).status).toBe(person === 'partner1' ? 403 : 200);
  }],
  ['quote lines follow their quote: reps read only their own quotes\' lines, managers their reps\', finance all (core/README: parent scopes)', async (world, person) => {
    const readable: Record<Person, string[] | 'forbidden'> = {
      admin: ['lineR1', 'lineR2'], manager: ['lineR1', 'lineR2'], finance1: ['lineR1', 'lineR2'],
      rep1: ['lineR1'], rep2: ['lineR2'], rep3: [], agent1: 'forbidden', partner1: 'forbidden',
    };
    const list = await get(world, person, '/api/records/quoteLine?pageSize=100');
    const expected = readable[person];
    if (expected === 'forbidden') {
      expect(list.status).toBe(403);
      return;
    }
    const keyOf = (id: unknown): string => Object.entries(world.ids).find(([, value]) => value === id)?.[0] ?? String(id);
    expect((list.body.data as Body[]).map((line) => keyOf(line.id)).sort()).toEqual(expected);
    expect(list.body.total).toBe(expected.length);
    for (const key of ['lineR1', 'lineR2']) expect((await get(world, person, `/api/records/quoteLine/${world.ids[key]}`)).status).toBe(expected.includes(key) ? 200 : 404);
  }],
  ['quote lines are changed only by those who may change the quote: a rep cannot reprice another rep\'s line (core/README: parent scopes)', async (world, person) => {
    const changes: Record<Person, number> = { admin: 200, manager: 200, rep1: 404, rep2: 200, rep3: 404, finance1: 403, agent1: 404, partner1: 404 };
    const line = await world.runtime.api().get(`/api/records/quoteLine/${world.ids.lineR2}`);
    const response = await world.runtime.as(world.user(person).token).patch(`/api/records/quoteLine/${world.ids.lineR2}`).send({ unitPrice: 1, version: line.body.version });
    expect(response.status).toBe(changes[person]);
    const deleted = await world.runtime.as(world.user(person).token).delete(`/api/records/quoteLine/${world.ids.lineR2}`).set('If-Match', `"${String(line.body.version)}"`);
    if (changes[person] !== 200) expect([403, 404]).toContain(deleted.status);
    // Put it back for the next person.
    if (deleted.status === 204 || deleted.status === 200) world.ids.lineR2 = await createLine(world, world.ids.quoteR2 as string);
  }],
  ['reps see and work only their own deals and quotes (SFA sales rep set)', async (world, person) => {
    const quotes = await get(world, person, '/api/records/quote?pageSize=100');
    if (person === 'agent1' || person === 'partner1') {
      expect(quotes.status).toBe(403);
      return;
    }
    const ids = (quotes.body.data as Body[]).map((quote) => quote.id);
    expect(ids.includes(world.ids.quoteR1)).toBe(!SALES_REPS.includes(person) || person === 'rep1');
    expect(ids.includes(world.ids.quoteR2)).toBe(!SALES_REPS.includes(person) || person === 'rep2');
  }],
];

async function createLine(world: World, quote: string): Promise<string> {
  const response = await world.runtime.api().post('/api/records/quoteLine').send({ quote, product: world.ids.product, quantity: 2, unitPrice: 150 });
  if (response.status !== 201) throw new Error(`quote line: ${response.status} ${JSON.stringify(response.body)}`);
  return String(response.body.id);
}

describe.each(testDialects())('the shipped permission sets keep their promises on %s', (dialect) => {
  const world = { ids: {} as Record<string, string> } as World;

  beforeAll(async () => {
    world.runtime = await startSfaRuntime(dialect);
    const { runtime } = world;
    world.user = (person) => (person === 'admin' ? runtime.admin : runtime.users[person]);
    const create = async (entity: string, body: Body): Promise<string> => {
      const response = await runtime.api().post(`/api/records/${entity}`).send(body);
      if (response.status !== 201) throw new Error(`${entity}: ${response.status} ${JSON.stringify(response.body)}`);
      return String(response.body.id);
    };
    world.ids.product = await create('product', { name: 'Widget', code: 'W-1' });
    for (const [suffix, rep] of [['R1', 'rep1'], ['R2', 'rep2']] as const) {
      const owner = runtime.users[rep].id;
      const account = await create('account', { name: `Account ${suffix}`, owner });
      const opportunity = await create('opportunity', { name: `Deal ${suffix}`, account, owner });
      world.ids[`quote${suffix}`] = await create('quote', { name: `Quote ${suffix}`, opportunity, owner });
      world.ids[`line${suffix}`] = await createLine(world, world.ids[`quote${suffix}`] as string);
    }
  });
  afterAll(async () => world.runtime?.close());

  describe.each(PROMISES)('%s', (_promise, check) => {
    it.each(PEOPLE)('holds for %s', async (person) => {
      await check(world, person);
    });
  });
});
