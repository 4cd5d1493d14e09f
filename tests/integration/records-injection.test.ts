// Hostile input never reaches SQL as text: names from the request are looked up in metadata
// (unknown → 400) and values are bound parameters (quotes, wildcards, unicode match literally).
import { testDialects } from '../support/databases';
import { createThroughApi, startTestRuntime, type TestRuntime } from './runtime-harness';

describe.each(testDialects())('SQL injection attempts on %s', (dialect) => {
  let runtime: TestRuntime;
  const hostileName = "Robert'); DROP TABLE account;--";
  beforeAll(async () => {
    runtime = await startTestRuntime(dialect);
    await createThroughApi(runtime, 'account', { name: hostileName });
    await createThroughApi(runtime, 'account', { name: 'Plain' });
  });
  afterAll(async () => runtime?.close());

  const accountCount = async (): Promise<number> => {
    const rows = await runtime.system.database.select(`SELECT COUNT(*) AS ${runtime.system.database.quote('n')} FROM ${runtime.system.database.quote('account')}`, []);
    return Number(rows[0]?.n);
  };

  it('answers 400 for hostile field names in filter, sort, fields and expand', async () => {
    const queries = [
      'sort=name;DROP TABLE account',
      'sort=name%20DESC,(SELECT%201)',
      `filter[name'--][eq]=x`,
      'filter[name`][eq]=x',
      'filter[name"][eq]=x',
      `filter=${encodeURIComponent(JSON.stringify([{ field: 'name) OR 1=1 --', op: 'eq', value: 'x' }]))}`,
      `filter=${encodeURIComponent(JSON.stringify([{ field: 'name', op: 'eq) OR (1', value: 'x' }]))}`,
      'fields=name,(SELECT password FROM users)',
      'expand=account;DELETE FROM account',
      'filter[name][eq;DROP TABLE account]=x',
    ];
    for (const query of queries) {
      const response = await runtime.api().get(`/api/records/account?${query}`);
      expect([query, response.status]).toEqual([query, 400]);
      expect(response.body.error.code).toBe('badRequest');
    }
    expect(await accountCount()).toBe(2);
  });

  it('binds hostile values: they match literally or not at all', async () => {
    const values = ["' OR '1'='1", "x' OR 1=1 --", '%', '_', '\\', "'; DROP TABLE account; --", '𝕏 ☃ 中文', '" OR ""="'];
    for (const value of values) {
      const response = await runtime.api().get(`/api/records/account?filter[name][eq]=${encodeURIComponent(value)}`);
      expect([value, response.status, response.body.total]).toEqual([value, 200, 0]);
      const contains = await runtime.api().get(`/api/records/account?filter[name][contains]=${encodeURIComponent(value)}&q=${encodeURIComponent(value)}`);
      expect(contains.status).toBe(200);
      expect(contains.body.total).toBe(0);
    }
    const nul = await runtime.api().get(`/api/records/account?filter[name][contains]=${encodeURIComponent('\u0000')}`);
    expect(nul.status).toBe(400);
    expect((await runtime.api().get(`/api/records/account?q=${encodeURIComponent('a\u0000')}`)).status).toBe(400);
    const exact = await runtime.api().get(`/api/records/account?filter[name][eq]=${encodeURIComponent(hostileName)}`);
    expect(exact.body.data.map((row: { name: string }) => row.name)).toEqual([hostileName]);
    const inList = await runtime.api().get(`/api/records/account?filter[name][in]=${encodeURIComponent("Plain') OR ('1'='1")}`);
    expect(inList.body.total).toBe(0);
    const numeric = await runtime.api().get('/api/records/account?filter[employees][gt]=1%20OR%201=1');
    expect(numeric.status).toBe(400);
    expect(await accountCount()).toBe(2);
  });

  it('stores hostile text verbatim and unknown entity names never touch SQL', async () => {
    const created = await createThroughApi(runtime, 'tag', { name: "t'; DELETE FROM tag; --" });
    expect((await runtime.api().get(`/api/records/tag/${created.id}`)).body.name).toBe("t'; DELETE FROM tag; --");
    for (const entity of ['account;DROP TABLE account', 'stagecraft_metadata_versions', 'account%20--']) {
      expect((await runtime.api().get(`/api/records/${entity}`)).status).toBe(404);
    }
    const hostileId = await runtime.api().get(`/api/records/account/${encodeURIComponent("x' OR '1'='1")}`);
    expect(hostileId.status).toBe(404);
    const hostileDelete = await runtime.api().delete(`/api/records/account/${encodeURIComponent("x' OR '1'='1")}`);
    expect(hostileDelete.status).toBe(404);
    expect(await accountCount()).toBe(2);
  });
});
