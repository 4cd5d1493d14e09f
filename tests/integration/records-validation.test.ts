// Write validation through the API: 422 with a JSON Pointer per bad property, 409 for stale
// versions and unique values, and 400/413/415 for bodies that are not usable JSON.
import { testDialects } from '../support/databases';
import { createThroughApi, startTestRuntime, type TestRuntime } from './runtime-harness';

type Detail = { path: string; message: string; code?: string };

describe.each(testDialects())('record validation on %s', (dialect) => {
  let runtime: TestRuntime;
  let accountId: string;
  beforeAll(async () => {
    runtime = await startTestRuntime(dialect, { bodyLimit: '50kb' });
    accountId = (await createThroughApi(runtime, 'account', { name: 'Valid account' })).id;
  });
  afterAll(async () => runtime?.close());

  const detailsOf = (body: { error: { details: Detail[] } }): Record<string, string> => Object.fromEntries(body.error.details.map((detail) => [detail.path, detail.message]));

  it('reports every wrong type, range, pattern, enum and format at its path', async () => {
    const response = await runtime.api().post('/api/records/opportunity').send({
      name: 'x',
      account: accountId,
      amount: 'lots',
      probability: 101,
      quantity: 2.5,
      stage: 'won-ish',
      closeDate: '2025-13-45',
      discount: -1,
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('validationFailed');
    const details = detailsOf(response.body);
    expect(Object.keys(details).sort()).toEqual(['/amount', '/closeDate', '/discount', '/name', '/probability', '/quantity', '/stage']);
    expect(details['/amount']).toBe('must be a number');
    expect(details['/stage']).toMatch(/must be one of: prospecting, qualification/);
    expect(details['/closeDate']).toMatch(/date/);
    expect(details['/probability']).toMatch(/100/);

    const pattern = await runtime.api().post('/api/records/tag').send({ name: 'bad colour', color: 'red' });
    expect(pattern.status).toBe(422);
    expect(detailsOf(pattern.body)['/color']).toMatch(/pattern/);
    const email = await runtime.api().post('/api/records/contact').send({ lastName: 'X', email: 'not-an-email', channels: ['email', 'fax'] });
    expect(Object.keys(detailsOf(email.body)).sort()).toEqual(['/channels/1', '/email']);
  });

  it('requires required fields on create and refuses to clear them on update', async () => {
    const missing = await runtime.api().post('/api/records/opportunity').send({ amount: 5 });
    expect(missing.status).toBe(422);
    expect(detailsOf(missing.body)).toEqual({ '/name': 'is required', '/account': 'is required' });
    const empty = await runtime.api().post('/api/records/tag').send({ name: '' });
    expect(detailsOf(empty.body)).toEqual({ '/name': 'is required' });
    const tag = await createThroughApi(runtime, 'tag', { name: 'keep-me' });
    const cleared = await runtime.api().patch(`/api/records/tag/${tag.id}`).send({ name: null });
    expect(cleared.status).toBe(422);
    expect(detailsOf(cleared.body)).toEqual({ '/name': 'is required' });
  });

  it('rejects unknown, system and read-only properties by name instead of dropping them', async () => {
    const response = await runtime.api().post('/api/records/opportunity').send({ name: 'Deal', account: accountId, colour: 'blue', id: 'x', createdAt: '2020-01-01T00:00:00Z', weightedAmount: 5, code: 'OPP-1' });
    expect(response.status).toBe(422);
    const details: Detail[] = response.body.error.details;
    expect(details.find((detail) => detail.path === '/colour')).toMatchObject({ code: 'unknownField' });
    for (const path of ['/id', '/createdAt', '/weightedAmount', '/code']) expect(details.find((detail) => detail.path === path)).toMatchObject({ message: 'is read-only', code: 'readOnly' });
    const version = await runtime.api().post('/api/records/tag').send({ name: 'v', version: 3 });
    expect(detailsOf(version.body)).toEqual({ '/version': 'is read-only' });
    const updatedAt = await runtime.api().patch(`/api/records/account/${accountId}`).send({ updatedAt: '2020-01-01T00:00:00Z' });
    expect(detailsOf(updatedAt.body)).toEqual({ '/updatedAt': 'is read-only' });
  });

  it('lists refused property names and bad values together in one answer', async () => {
    const response = await runtime.api().post('/api/records/opportunity').send({ name: 'Deal', account: accountId, bogus: 1, id: 'x', amount: 'lots', stage: 'nope' });
    expect(response.status).toBe(422);
    expect(Object.keys(detailsOf(response.body)).sort()).toEqual(['/amount', '/bogus', '/id', '/stage']);
    const update = await runtime.api().patch(`/api/records/account/${accountId}`).send({ colour: 'red', employees: -5 });
    expect(update.status).toBe(422);
    expect(Object.keys(detailsOf(update.body)).sort()).toEqual(['/colour', '/employees']);
    const unchanged = await runtime.api().get(`/api/records/account/${accountId}`);
    expect(unchanged.body.employees).toBeNull();
  });

  it('checks that references point at existing records of the right entity', async () => {
    const tag = await createThroughApi(runtime, 'tag', { name: 'not-an-account' });
    const wrongEntity = await runtime.api().post('/api/records/opportunity').send({ name: 'Deal', account: tag.id });
    expect(wrongEntity.status).toBe(422);
    expect(detailsOf(wrongEntity.body)['/account']).toMatch(/There is no account/);
    const notUuid = await runtime.api().post('/api/records/opportunity').send({ name: 'Deal', account: 'abc' });
    expect(detailsOf(notUuid.body)['/account']).toBeDefined();
    const badTags = await runtime.api().patch(`/api/records/account/${accountId}`).send({ tags: [tag.id, accountId] });
    expect(badTags.status).toBe(422);
    expect(detailsOf(badTags.body)).toEqual({ '/tags/1': `There is no tag with id "${accountId}"` });
  });

  it('checks that a user field names an existing user by id: a username is a 422 at the field, on every write path', async () => {
    const userMessage = `There is no user with id "${runtime.admin.username}" (a user field holds the user's id, not the username)`;
    const created = await runtime.api().post('/api/records/account').send({ name: 'Orphan?', owner: runtime.admin.username });
    expect(created.status).toBe(422);
    expect(detailsOf(created.body)).toEqual({ '/owner': userMessage });
    const updated = await runtime.api().patch(`/api/records/account/${accountId}`).send({ owner: 'nobody-at-all' });
    expect(updated.status).toBe(422);
    expect(Object.keys(detailsOf(updated.body))).toEqual(['/owner']);
    const imported = await runtime.api().post('/api/records/account/import').send({ records: [{ name: 'Imported orphan', owner: runtime.admin.username }] });
    expect(imported.status).toBe(422);
    expect(imported.body.error.details).toEqual([expect.objectContaining({ path: '/rows/1/owner' })]);
    const reassigned = await runtime.api().post(`/api/records/account/${accountId}/reassign`).send({ owner: runtime.admin.username });
    expect(reassigned.status).toBe(422);
    expect(reassigned.body.error.details[0].path).toBe('/owner');
    // Nothing was written; an id is accepted.
    const listed = await runtime.api().get('/api/records/account').query({ filter: JSON.stringify([{ field: 'name', op: 'in', value: ['Orphan?', 'Imported orphan'] }]) });
    expect(listed.body.data).toEqual([]);
    const owned = await runtime.api().post('/api/records/account').send({ name: 'Owned by id', owner: runtime.admin.id });
    expect(owned.status).toBe(201);
    expect(owned.body.data?.owner ?? owned.body.owner).toBe(runtime.admin.id);
  });

  it('answers 409 with the current version for a stale If-Match or body version', async () => {
    const tag = await createThroughApi(runtime, 'tag', { name: 'versioned' });
    await runtime.api().patch(`/api/records/tag/${tag.id}`).set('If-Match', '"1"').send({ color: '#111111' }).expect(200);
    const staleHeader = await runtime.api().patch(`/api/records/tag/${tag.id}`).set('If-Match', '"1"').send({ color: '#222222' });
    expect(staleHeader.status).toBe(409);
    expect(staleHeader.body.error).toMatchObject({ code: 'conflict', details: [{ path: '/version', message: 'the current version is 2' }] });
    const staleBody = await runtime.api().patch(`/api/records/tag/${tag.id}`).send({ color: '#333333', version: 1 });
    expect(staleBody.status).toBe(409);
    const fresh = await runtime.api().patch(`/api/records/tag/${tag.id}`).send({ color: '#444444', version: 2 });
    expect(fresh.body).toMatchObject({ color: '#444444', version: 3 });
    expect((await runtime.api().get(`/api/records/tag/${tag.id}`)).body.color).toBe('#444444');
    expect((await runtime.api().patch(`/api/records/tag/${tag.id}`).set('If-Match', 'soon').send({})).status).toBe(400);
    expect((await runtime.api().delete(`/api/records/tag/${tag.id}`).set('If-Match', '"1"')).status).toBe(409);
  });

  it('lets exactly one of two concurrent updates of the same version win', async () => {
    const tag = await createThroughApi(runtime, 'tag', { name: 'race' });
    const results = await Promise.all(['#aaaaaa', '#bbbbbb'].map((color) => runtime.api().patch(`/api/records/tag/${tag.id}`).set('If-Match', '"1"').send({ color })));
    expect(results.map((response) => response.status).sort()).toEqual([200, 409]);
  });

  it('answers 409 at the field path for a unique violation, on create and update', async () => {
    await createThroughApi(runtime, 'contact', { lastName: 'Unique', email: 'same@example.com' });
    const duplicate = await runtime.api().post('/api/records/contact').send({ lastName: 'Other', email: 'same@example.com' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.details).toEqual([{ path: '/email', message: 'is already used by another record', code: 'unique' }]);
    const other = await createThroughApi(runtime, 'contact', { lastName: 'Other', email: 'other@example.com' });
    const update = await runtime.api().patch(`/api/records/contact/${other.id}`).send({ email: 'same@example.com' });
    expect(update.status).toBe(409);
    expect(update.body.error.details[0].path).toBe('/email');
  });

  it('answers 400 for malformed JSON, 415 for other content types, 413 past the body limit', async () => {
    const malformed = await runtime.api().post('/api/records/tag').set('Content-Type', 'application/json').send('{"name": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('badRequest');
    const form = await runtime.api().post('/api/records/tag').type('form').send('name=x');
    expect(form.status).toBe(415);
    expect(form.body.error.code).toBe('unsupportedMediaType');
    const noBody = await runtime.api().post('/api/records/tag');
    expect(noBody.status).toBe(415);
    const huge = await runtime.api().post('/api/records/account').send({ name: 'Huge', description: 'x'.repeat(60 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payloadTooLarge');
    const array = await runtime.api().post('/api/records/tag').send([{ name: 'in an array' }]);
    expect(array.status).toBe(400);
    const latin1 = await runtime.api().post('/api/records/tag').set('Content-Type', 'application/json; charset=latin1').send('{"name":"x"}');
    expect(latin1.status).toBe(415);
  });

  it('rejects a value longer than the field allows without truncating it', async () => {
    const response = await runtime.api().post('/api/records/tag').send({ name: 'n'.repeat(61) });
    expect(response.status).toBe(422);
    expect(response.body.error.details[0].path).toBe('/name');
  });

  it('hides internal error messages in production', async () => {
    const production = await startTestRuntime(dialect, { isProduction: true });
    try {
      await production.system.database.execute(`DROP TABLE ${production.system.database.quote('tag')}`);
      const response = await production.api().get('/api/records/tag');
      expect(response.status).toBe(500);
      expect(response.body).toEqual({ error: { code: 'internal', message: 'Internal error', details: [] } });
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await production.close();
    }
  });
});
