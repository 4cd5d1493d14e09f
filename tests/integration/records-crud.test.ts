// Record API CRUD on every example entity, on real SQLite and MariaDB: value types round-trip,
// defaults, formulas, autonumbers, versions and ETags, and the queries each operation needs.
import { testDialects } from '../support/databases';
import { AUTHENTICATION_QUERIES, countQueries, createThroughApi, startTestRuntime, type TestRuntime } from './runtime-harness';

describe.each(testDialects())('record CRUD on %s', (dialect) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await startTestRuntime(dialect);
  });
  afterAll(async () => runtime?.close());

  it('creates an account with defaults, an autonumber and typed values, and reads it back', async () => {
    const response = await runtime.api().post('/api/records/account').send({ name: 'Acme', industry: 'software', employees: 12, annualRevenue: 1234.5, website: 'https://acme.example' });
    expect(response.status).toBe(201);
    const created = response.body;
    expect(created).toMatchObject({ name: 'Acme', version: 1, tier: 'standard', active: true, employees: 12, annualRevenue: 1234.5, parent: null, description: null });
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.accountNumber).toMatch(/^ACC-\d{5}$/);
    expect(created.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/api/records/account/${created.id}`);

    const read = await runtime.api().get(`/api/records/account/${created.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body).toEqual(created);
    expect(typeof read.body.active).toBe('boolean');
  });

  it('round-trips dates, datetimes, multi-enums and references on contacts', async () => {
    const account = await createThroughApi(runtime, 'account', { name: 'Contact holder' });
    const created = await createThroughApi(runtime, 'contact', {
      lastName: 'Lovelace',
      firstName: 'Ada',
      email: 'ada@example.com',
      account: account.id,
      birthday: '1990-05-17',
      channels: ['email', 'sms'],
      lastContactedAt: '2025-01-02T03:04:05.678+02:00',
    });
    expect(created).toMatchObject({ birthday: '1990-05-17', channels: ['email', 'sms'], lastContactedAt: '2025-01-02T01:04:05.678Z', account: account.id });
    const read = await runtime.api().get(`/api/records/contact/${created.id}`);
    expect(read.body).toEqual(created);

    const cleared = await runtime.api().patch(`/api/records/contact/${created.id}`).send({ channels: null, birthday: '', version: 1 });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ channels: null, birthday: null, version: 2 });
    expect((await runtime.api().get(`/api/records/contact/${created.id}`)).body).toEqual(cleared.body);
  });

  it('computes a formula on create and recomputes it from the merged record on update', async () => {
    const account = await createThroughApi(runtime, 'account', { name: 'Formula Inc' });
    const created = await createThroughApi(runtime, 'opportunity', { name: 'Big deal', account: account.id, amount: 1000, probability: 25 });
    expect(created.weightedAmount).toBe(250);
    expect(created.stage).toBe('prospecting');
    expect(created.code).toMatch(/^OPP-\d{4}$/);

    const updated = await runtime.api().patch(`/api/records/opportunity/${created.id}`).set('If-Match', '"1"').send({ probability: 50 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ weightedAmount: 500, amount: 1000, probability: 50, version: 2 });
    expect(updated.headers.etag).toBe('"2"');
    const cleared = await runtime.api().patch(`/api/records/opportunity/${created.id}`).send({ amount: null });
    expect(cleared.body.weightedAmount).toBeNull();
    expect((await runtime.api().get(`/api/records/opportunity/${created.id}`)).body.weightedAmount).toBeNull();
  });

  it('numbers opportunities from the autonumber start and never repeats under 20 parallel creates', async () => {
    const account = await createThroughApi(runtime, 'account', { name: 'Sequence Ltd' });
    const first = await createThroughApi(runtime, 'opportunity', { name: 'First', account: account.id });
    const firstNumber = Number(String(first.code).slice(4));
    expect(firstNumber).toBeGreaterThanOrEqual(1000);
    const created = await Promise.all(Array.from({ length: 20 }, (_, index) => runtime.api().post('/api/records/opportunity').send({ name: `Parallel ${index}`, account: account.id })));
    expect(created.map((response) => response.status)).toEqual(Array(20).fill(201));
    const numbers = created.map((response) => Number(String(response.body.code).slice(4))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(20);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, index) => firstNumber + 1 + index));
  });

  it('updates without an expected version (last write wins) and bumps the version each time', async () => {
    const tag = await createThroughApi(runtime, 'tag', { name: 'vip', color: '#ff0000' });
    const first = await runtime.api().patch(`/api/records/tag/${tag.id}`).send({ color: '#00ff00' });
    const second = await runtime.api().patch(`/api/records/tag/${tag.id}`).send({ name: 'VIP' });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body).toMatchObject({ name: 'VIP', color: '#00ff00', version: 3 });
  });

  it('answers an empty patch with the unchanged record and keeps its version', async () => {
    const tag = await createThroughApi(runtime, 'tag', { name: 'untouched' });
    const response = await runtime.api().patch(`/api/records/tag/${tag.id}`).set('If-Match', '"1"').send({});
    expect(response.status).toBe(200);
    expect(response.body).toEqual(tag);
  });

  it('deletes a record: 204, then 404 for reads, updates and deletes', async () => {
    const tag = await createThroughApi(runtime, 'tag', { name: 'temporary' });
    expect((await runtime.api().delete(`/api/records/tag/${tag.id}`)).status).toBe(204);
    const read = await runtime.api().get(`/api/records/tag/${tag.id}`);
    expect(read.status).toBe(404);
    expect(read.body.error.code).toBe('notFound');
    expect((await runtime.api().patch(`/api/records/tag/${tag.id}`).send({ name: 'x' })).status).toBe(404);
    expect((await runtime.api().delete(`/api/records/tag/${tag.id}`)).status).toBe(404);
  });

  it('answers 404 in the error shape for unknown entities and routes', async () => {
    for (const [method, url] of [['get', '/api/records/nope'], ['get', '/api/records/nope/1'], ['post', '/api/records/nope'], ['get', '/api/nothing-here']] as const) {
      const response = method === 'post' ? await runtime.api().post(url).send({}) : await runtime.api().get(url);
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ error: { code: 'notFound', message: expect.any(String), details: [] } });
    }
  });

  it('gets by id in one query and creates without references in one transaction of two INSERTs (row and audit)', async () => {
    const tag = await createThroughApi(runtime, 'tag', { name: 'query-count' });
    const get = await countQueries(runtime, () => runtime.api().get(`/api/records/tag/${tag.id}`).expect(200));
    expect(get.count).toBe(1 + AUTHENTICATION_QUERIES);
    const create = await countQueries(runtime, () => runtime.api().post('/api/records/tag').send({ name: 'one-statement' }).expect(201));
    const writes = create.statements.filter((sql) => !/^(SELECT|START TRANSACTION|BEGIN|COMMIT)/i.test(sql));
    expect(writes).toHaveLength(2);
    expect(writes[0]).toMatch(/^INSERT INTO .tag./);
    expect(writes[1]).toMatch(/^INSERT INTO .stagecraft_audit./);
    expect(create.statements.filter((sql) => /^SELECT/.test(sql))).toHaveLength(AUTHENTICATION_QUERIES);
  });
});
