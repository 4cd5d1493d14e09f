// Listing records: every filter operator on several field types, JSON filters, multi-field sort,
// pagination with totals, search, field selection and expansion without N+1 queries.
import { testDialects } from '../support/databases';
import { AUTHENTICATION_QUERIES, countQueries, createThroughApi, startTestRuntime, type TestRuntime } from './runtime-harness';

type Row = Record<string, unknown>;

describe.each(testDialects())('record lists on %s', (dialect) => {
  let runtime: TestRuntime;
  const ids: Record<string, string> = {};
  const names = (response: { body: { data: Row[] } }): string[] => response.body.data.map((row) => String(row.name));
  const list = (query: string) => runtime.api().get(`/api/records/account?${query}`);

  beforeAll(async () => {
    runtime = await startTestRuntime(dialect);
    const seed: Row[] = [
      { name: 'Alpha', industry: 'software', tier: 'gold', employees: 10, annualRevenue: 1000.5, website: 'https://alpha.example' },
      { name: 'Beta', industry: 'manufacturing', employees: 200, annualRevenue: 50000, active: false },
      { name: 'Gamma 50%_off', industry: 'retail', annualRevenue: 0 },
      { name: 'delta', industry: 'software', tier: 'gold', employees: 5000, annualRevenue: 999999.99 },
      { name: "Épsilon 中文 O'Brien", employees: 30 },
    ];
    for (const body of seed) ids[String(body.name)] = (await createThroughApi(runtime, 'account', body)).id;
    const tags = await Promise.all(['red', 'blue', 'green'].map((name) => createThroughApi(runtime, 'tag', { name })));
    ids.red = tags[0]!.id;
    ids.blue = tags[1]!.id;
    await runtime.api().patch(`/api/records/account/${ids.Alpha}`).send({ tags: [ids.red, ids.blue] }).expect(200);
    await runtime.api().patch(`/api/records/account/${ids.Beta}`).send({ parent: ids.Alpha, tags: [ids.blue] }).expect(200);
    await createThroughApi(runtime, 'contact', { lastName: 'One', account: ids.Alpha, birthday: '1980-01-01', channels: ['email'] });
    await createThroughApi(runtime, 'contact', { lastName: 'Two', account: ids.Alpha, birthday: '1995-06-30', channels: ['sms', 'phone'] });
    await createThroughApi(runtime, 'contact', { lastName: 'Three', account: ids.Beta });
  });
  afterAll(async () => runtime?.close());

  it('filters with eq, ne, in (comma-separated and repeated) on enums', async () => {
    expect(names(await list('filter[industry][eq]=software&sort=name')).sort()).toEqual(['Alpha', 'delta']);
    // ne keeps records where the field is empty.
    expect(names(await list('filter[industry][ne]=software')).sort()).toEqual(['Beta', "Épsilon 中文 O'Brien", 'Gamma 50%_off'].sort());
    expect(names(await list('filter[industry][in]=retail,manufacturing')).sort()).toEqual(['Beta', 'Gamma 50%_off']);
    expect(names(await list('filter[industry][in]=retail&filter[industry][in]=manufacturing')).sort()).toEqual(['Beta', 'Gamma 50%_off']);
    expect(names(await list('filter[industry]=retail'))).toEqual(['Gamma 50%_off']);
  });

  it('compares integers and decimals with lt, lte, gt, gte', async () => {
    expect(names(await list('filter[employees][lt]=200&sort=name'))).toEqual(['Alpha', "Épsilon 中文 O'Brien"]);
    expect(names(await list('filter[employees][lte]=200&sort=employees'))).toEqual(['Alpha', "Épsilon 中文 O'Brien", 'Beta']);
    expect(names(await list('filter[annualRevenue][gt]=1000.5')).sort()).toEqual(['Beta', 'delta']);
    expect(names(await list('filter[annualRevenue][gte]=1000.5&filter[annualRevenue][lt]=999999.99&sort=annualRevenue'))).toEqual(['Alpha', 'Beta']);
  });

  it('tests emptiness with isNull and booleans with eq', async () => {
    expect(names(await list('filter[employees][isNull]=true'))).toEqual(['Gamma 50%_off']);
    expect((await list('filter[employees][isNull]=false')).body.total).toBe(4);
    expect(names(await list('filter[active][eq]=false'))).toEqual(['Beta']);
    expect((await list('filter[active][eq]=true')).body.total).toBe(4);
    expect(names(await list(`filter[parent][eq]=${ids.Alpha}`))).toEqual(['Beta']);
    expect(names(await list(`filter[id][eq]=${ids.delta}`))).toEqual(['delta']);
  });

  it('matches text with contains (case-insensitive, % and _ taken literally)', async () => {
    expect(names(await list('filter[name][contains]=ALP'))).toEqual(['Alpha']);
    expect(names(await list('filter[name][contains]=%25'))).toEqual(['Gamma 50%_off']);
    expect(names(await list('filter[name][contains]=_'))).toEqual(['Gamma 50%_off']);
    expect(names(await list(`filter[name][contains]=${encodeURIComponent("O'Brien")}`))).toEqual(["Épsilon 中文 O'Brien"]);
    expect(names(await list(`filter[name][contains]=${encodeURIComponent('中文')}`))).toEqual(["Épsilon 中文 O'Brien"]);
  });

  it('filters dates, datetimes and multi-enums on contacts', async () => {
    const contacts = (query: string) => runtime.api().get(`/api/records/contact?${query}`);
    const lastNames = (response: { body: { data: Row[] } }) => response.body.data.map((row) => row.lastName).sort();
    expect(lastNames(await contacts('filter[birthday][gte]=1990-01-01'))).toEqual(['Two']);
    expect(lastNames(await contacts('filter[birthday][lt]=1990-01-01'))).toEqual(['One']);
    expect(lastNames(await contacts('filter[channels][contains]=sms'))).toEqual(['Two']);
    expect(lastNames(await contacts('filter[channels][in]=email,phone'))).toEqual(['One', 'Two']);
    expect(lastNames(await contacts('filter[createdAt][gte]=2000-01-01T00:00:00Z'))).toEqual(['One', 'Three', 'Two']);
    expect((await contacts('filter[createdAt][lt]=2000-01-01')).body.total).toBe(0);
    expect(lastNames(await contacts(`filter[account][eq]=${ids.Beta}`))).toEqual(['Three']);
  });

  it('accepts a JSON array filter with typed values', async () => {
    const filter = JSON.stringify([{ field: 'employees', op: 'gte', value: 30 }, { field: 'tier', op: 'in', value: ['gold', 'standard'] }, { field: 'active', op: 'eq', value: true }]);
    expect(names(await list(`filter=${encodeURIComponent(filter)}&sort=name`))).toEqual(['delta', "Épsilon 中文 O'Brien"]);
  });

  it('rejects bad filter values with 400 at /filter/<field>/<op>, unknown fields and operators at /filter/<field>', async () => {
    for (const [query, path] of [
      ['filter[employees][gt]=many', '/filter/employees/gt'],
      ['filter[birthday][eq]=2020-02-30', '/filter/birthday/eq'],
      ['filter[industry][eq]=banking', '/filter/industry/eq'],
      ['filter[active][eq]=maybe', '/filter/active/eq'],
      ['filter[nope][eq]=1', '/filter/nope'],
      ['filter[name][between]=a', '/filter/name'],
      ['filter[employees][contains]=1', '/filter/employees/contains'],
      ['filter=not-json', '/filter'],
    ] as const) {
      const response = await runtime.api().get(`/api/records/${path === '/filter/birthday/eq' ? 'contact' : 'account'}?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('badRequest');
      expect(response.body.error.details[0].path).toBe(path);
    }
  });

  it('sorts by several fields with a stable id tie-breaker', async () => {
    expect(names(await list('sort=-annualRevenue'))).toEqual(['delta', 'Beta', 'Alpha', 'Gamma 50%_off', "Épsilon 中文 O'Brien"]);
    const byTier = names(await list('sort=tier,-employees'));
    expect(byTier).toEqual(['delta', 'Alpha', 'Beta', "Épsilon 中文 O'Brien", 'Gamma 50%_off']);
    expect((await list('sort=nope')).status).toBe(400);
  });

  it('pages with totals: pages are disjoint and cover the whole result', async () => {
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const response = await list(`pageSize=2&page=${page}&sort=name`);
      expect(response.body).toMatchObject({ total: 5, page, pageSize: 2 });
      seen.push(...names(response));
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect((await list('page=4&pageSize=2')).body.data).toEqual([]);
    expect((await list('pageSize=2&count=false')).body).not.toHaveProperty('total');
    expect((await list('pageSize=100000')).body.pageSize).toBe(500);
    expect((await list('pageSize=0')).status).toBe(400);
    expect((await list('page=-1')).status).toBe(400);
    expect((await list('bogus=1')).status).toBe(400);
  });

  it('searches the search fields with q, treating wildcards literally', async () => {
    expect(names(await list('q=alp'))).toEqual(['Alpha']);
    expect(names(await list('q=alpha.example'))).toEqual(['Alpha']);
    expect(names(await list('q=50%25'))).toEqual(['Gamma 50%_off']);
    expect((await list('q=ACC-')).body.total).toBe(5);
    expect((await list('q=zzz')).body.total).toBe(0);
  });

  it('returns only the requested fields plus id and version', async () => {
    const response = await list('fields=name,tier&sort=name&pageSize=1');
    expect(Object.keys(response.body.data[0]).sort()).toEqual(['id', 'name', 'tier', 'version']);
    const one = await runtime.api().get(`/api/records/account/${ids.Alpha}?fields=name`);
    expect(Object.keys(one.body).sort()).toEqual(['id', 'name', 'version']);
    expect((await list('fields=name,nope')).status).toBe(400);
  });

  it('expands references, hasMany and manyToMany relations with one query each', async () => {
    const { count } = await countQueries(runtime, async () => {
      const response = await list('expand=parent,contacts,tags&sort=name&count=false');
      expect(response.status).toBe(200);
      const [alpha, beta] = response.body.data as Row[];
      expect(beta?.parent).toMatchObject({ id: ids.Alpha, name: 'Alpha' });
      expect(alpha?.parent).toBeNull();
      expect((alpha?.contacts as Row[]).map((contact) => contact.lastName).sort()).toEqual(['One', 'Two']);
      expect((beta?.contacts as Row[]).map((contact) => contact.lastName)).toEqual(['Three']);
      expect((alpha?.tags as Row[]).map((tag) => tag.name).sort()).toEqual(['blue', 'red']);
      expect((beta?.tags as Row[]).map((tag) => tag.name)).toEqual(['blue']);
      expect(response.body.data.find((row: Row) => row.name === 'delta').tags).toEqual([]);
    });
    expect(count).toBe(4 + AUTHENTICATION_QUERIES);
    const one = await runtime.api().get(`/api/records/contact?filter[lastName][eq]=Three&expand=account&fields=lastName`);
    expect(one.body.data[0].account).toMatchObject({ id: ids.Beta, name: 'Beta' });
    expect((await list('expand=nope')).status).toBe(400);
    const single = await runtime.api().get(`/api/records/account/${ids.Alpha}?expand=tags,contacts`);
    expect((single.body.tags as Row[]).map((tag) => tag.name).sort()).toEqual(['blue', 'red']);
    expect(single.body.contacts).toHaveLength(2);
  });
});
