// The create/update JSON Schemas the web app's forms are generated from mark the fields the
// caller's policy makes read-only (readOnly: true), so the form shows them read-only; the read
// schema and an administrator's schemas are unchanged, and writing such a field is still a 403.
import { testDialects } from '../support/databases';
import { createThroughApi, startTestRuntime, type TestRuntime, type TestUser } from './runtime-harness';

describe.each(testDialects())('read-only fields in form schemas on %s', (dialect) => {
  let runtime: TestRuntime;
  let rep: TestUser;

  beforeAll(async () => {
    runtime = await startTestRuntime(dialect);
    rep = await runtime.createUser({ username: 'schema-rep', role: 'salesRep', parentRole: 'salesManager' });
  });
  afterAll(async () => runtime?.close());

  it('marks the rep\'s read-only fields in create and update schemas only', async () => {
    for (const mode of ['create', 'update']) {
      const schema = await runtime.as(rep.token).get(`/api/metadata/entities/account/schema?mode=${mode}`).expect(200);
      expect([mode, schema.body.properties.tier.readOnly]).toEqual([mode, true]);
      expect([mode, schema.body.properties.name.readOnly]).toEqual([mode, undefined]);
      const admin = await runtime.api().get(`/api/metadata/entities/account/schema?mode=${mode}`).expect(200);
      expect([mode, admin.body.properties.tier.readOnly]).toEqual([mode, undefined]);
    }
    const read = await runtime.as(rep.token).get('/api/metadata/entities/account/schema?mode=read').expect(200);
    expect(read.body.properties.tier.readOnly).toBeUndefined();
  });

  it('still refuses a write of a field marked read-only with 403 naming its path', async () => {
    const account = await createThroughApi(runtime, 'account', { name: 'Read-only probe', owner: rep.id });
    const refused = await runtime.as(rep.token).patch(`/api/records/account/${account.id}`).send({ tier: 'gold' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ path: '/tier', code: 'readOnlyField' })]);
  });
});
