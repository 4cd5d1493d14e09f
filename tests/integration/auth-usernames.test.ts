// Usernames carry no control (Cc) or format (Cf) characters, on real SQLite and MariaDB: such a
// name is refused with 422 at /username on create and on rename, even where a tenant's metadata
// loosened the identity pack's username pattern (the rule lives in the identity write path).
import type { EntityDocument } from '@stagecraft/core';
import { testDialects } from '../support/databases';
import { loadExampleBundle, startTestRuntime, type TestRuntime } from './runtime-harness';

const INVISIBLE = ['rep9\u0000', 'rep9\u200b', '\u2060rep9', 'rep9\u00ad', 'rep\u001b9'];

describe.each(testDialects())('usernames on %s', (dialect) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    const bundle = await loadExampleBundle();
    const user = bundle.entities.user as EntityDocument;
    // A tenant allowing any spelling: no pattern on the username.
    const loosened: EntityDocument = { ...user, fields: user.fields.map((field) => (field.name === 'username' ? { ...field, pattern: undefined } : field)) };
    runtime = await startTestRuntime(dialect, { bundle: { ...bundle, entities: { ...bundle.entities, user: loosened } } });
  });
  afterAll(async () => runtime?.close());

  it.each(INVISIBLE)('refuses to create a user named %j (422 at /username)', async (username) => {
    const response = await runtime.api().post('/api/records/user').send({ username, displayName: 'Invisible' });
    expect(response.status).toBe(422);
    expect(response.body.error.details).toContainEqual(expect.objectContaining({ path: '/username' }));
  });

  it('refuses to rename a user to a name with invisible characters, and accepts a visible one', async () => {
    const created = await runtime.api().post('/api/records/user').send({ username: 'Rep9', displayName: 'Visible' });
    expect(created.status).toBe(201);
    const renamed = await runtime.api().patch(`/api/records/user/${created.body.id}`).send({ username: 'rep9\u200b' });
    expect(renamed.status).toBe(422);
    expect(renamed.body.error.details).toContainEqual(expect.objectContaining({ path: '/username' }));
    expect((await runtime.api().patch(`/api/records/user/${created.body.id}`).send({ username: 'rep9' })).status).toBe(200);
  });
});
