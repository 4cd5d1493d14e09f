// Deleting records honours every reference pointing at them, in one transaction: restrict
// refuses with 409 naming the referencing entity, setNull clears, cascade deletes, and link rows go.
import { testDialects } from '../support/databases';
import { createThroughApi, startTestRuntime, type TestRuntime } from './runtime-harness';

describe.each(testDialects())('deleting records on %s', (dialect) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await startTestRuntime(dialect);
  });
  afterAll(async () => runtime?.close());

  const linkRows = async (column: 'source_id' | 'target_id', id: string): Promise<number> => {
    const database = runtime.system.database;
    const rows = await database.select(`SELECT COUNT(*) AS ${database.quote('n')} FROM ${database.quote('account__tags')} WHERE ${database.quote(column)} = $1`, [id]);
    return Number(rows[0]?.n);
  };

  it('refuses (restrict) while opportunities reference the account, changing nothing', async () => {
    const account = await createThroughApi(runtime, 'account', { name: 'Restricted' });
    const contact = await createThroughApi(runtime, 'contact', { lastName: 'Stays', account: account.id });
    const opportunity = await createThroughApi(runtime, 'opportunity', { name: 'Blocks', account: account.id });
    const response = await runtime.api().delete(`/api/records/account/${account.id}`);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('conflict');
    expect(response.body.error.message).toMatch(/opportunity/);
    expect((await runtime.api().get(`/api/records/account/${account.id}`)).status).toBe(200);
    expect((await runtime.api().get(`/api/records/contact/${contact.id}`)).status).toBe(200);

    await runtime.api().delete(`/api/records/opportunity/${opportunity.id}`).expect(204);
    await runtime.api().delete(`/api/records/account/${account.id}`).expect(204);
  });

  it('cascades to contacts, clears child accounts (setNull) and removes link rows', async () => {
    const parent = await createThroughApi(runtime, 'account', { name: 'Parent' });
    const child = await createThroughApi(runtime, 'account', { name: 'Child', parent: parent.id });
    const contacts = await Promise.all(['A', 'B'].map((lastName) => createThroughApi(runtime, 'contact', { lastName, account: parent.id })));
    const tag = await createThroughApi(runtime, 'tag', { name: 'linked' });
    await runtime.api().patch(`/api/records/account/${parent.id}`).send({ tags: [tag.id] }).expect(200);
    expect(await linkRows('source_id', parent.id)).toBe(1);

    await runtime.api().delete(`/api/records/account/${parent.id}`).expect(204);
    for (const contact of contacts) expect((await runtime.api().get(`/api/records/contact/${contact.id}`)).status).toBe(404);
    const orphan = await runtime.api().get(`/api/records/account/${child.id}`);
    expect(orphan.body).toMatchObject({ parent: null, version: 2 });
    expect(await linkRows('source_id', parent.id)).toBe(0);
    expect((await runtime.api().get(`/api/records/tag/${tag.id}`)).status).toBe(200);
  });

  it('removes link rows pointing at a deleted tag', async () => {
    const account = await createThroughApi(runtime, 'account', { name: 'Tagged' });
    const tag = await createThroughApi(runtime, 'tag', { name: 'doomed' });
    await runtime.api().patch(`/api/records/account/${account.id}`).send({ tags: [tag.id] }).expect(200);
    await runtime.api().delete(`/api/records/tag/${tag.id}`).expect(204);
    expect(await linkRows('target_id', tag.id)).toBe(0);
    expect((await runtime.api().get(`/api/records/account/${account.id}?expand=tags`)).body.tags).toEqual([]);
  });

  it('rolls back the whole cascade when a restrict deeper down refuses', async () => {
    const account = await createThroughApi(runtime, 'account', { name: 'Deep' });
    const contact = await createThroughApi(runtime, 'contact', { lastName: 'Cascaded', account: account.id });
    await createThroughApi(runtime, 'opportunity', { name: 'Blocks deep', account: account.id });
    expect((await runtime.api().delete(`/api/records/account/${account.id}`)).status).toBe(409);
    expect((await runtime.api().get(`/api/records/contact/${contact.id}`)).status).toBe(200);
  });
});
