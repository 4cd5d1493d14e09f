// Metadata and publishing endpoints: health, entity documents and schemas, layouts, OpenAPI,
// versions, plan, publish (taking effect without a restart, here and in a second instance that
// polls), confirmation of destructive changes, rollback and drafts.
import type { EntityDocument, FieldDefinition, MetadataBundle } from '@stagecraft/core';
import { testDialects } from '../support/databases';
import { createThroughApi, startTestRuntime, type TestRuntime } from './runtime-harness';

function withAccountFields(bundle: MetadataBundle, change: (fields: FieldDefinition[]) => FieldDefinition[]): MetadataBundle {
  const next = structuredClone(bundle);
  const account = next.entities.account as EntityDocument;
  account.fields = change(account.fields);
  return next;
}

describe.each(testDialects())('metadata API on %s', (dialect) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await startTestRuntime(dialect);
  });
  afterAll(async () => runtime?.close());

  it('reports health with the dialect and live metadata version', async () => {
    const response = await runtime.api().get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', database: dialect, metadataVersion: 1, entities: 7 });
  });

  it('serves entity summaries, documents and JSON Schemas per mode and locale', async () => {
    const list = await runtime.api().get('/api/metadata/entities?locale=zh-CN');
    expect(list.body.data.map((entity: { name: string }) => entity.name).sort()).toEqual(['account', 'contact', 'opportunity', 'role', 'tag', 'team', 'user']);
    expect(list.body.data.find((entity: { name: string }) => entity.name === 'account').title).toBe('客户');
    const document = await runtime.api().get('/api/metadata/entities/opportunity');
    expect(document.body).toMatchObject({ kind: 'entity', name: 'opportunity' });
    expect((await runtime.api().get('/api/metadata/entities/nope')).status).toBe(404);

    const create = await runtime.api().get('/api/metadata/entities/opportunity/schema?mode=create');
    expect(create.body.required).toEqual(['name', 'account']);
    expect(create.body.properties).not.toHaveProperty('weightedAmount');
    const read = await runtime.api().get('/api/metadata/entities/opportunity/schema?locale=zh-CN');
    expect(read.body.properties.weightedAmount.readOnly).toBe(true);
    expect(read.body.title).toBe('商机');
    expect((await runtime.api().get('/api/metadata/entities/opportunity/schema?mode=delete')).status).toBe(400);
  });

  it('serves each caller the OpenAPI document of their view: no hidden field, no entity they may not know, one per role set', async () => {
    type Document = { paths: Record<string, unknown>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
    const partnerAccount = await createThroughApi(runtime, 'account', { name: 'OpenAPI partner' });
    const rep = await runtime.createUser({ username: 'openapi-rep', role: 'salesRep' });
    const otherRep = await runtime.createUser({ username: 'openapi-rep2', role: 'salesRep' });
    const partner = await runtime.createUser({ username: 'openapi-partner', role: 'partner', partnerAccount: partnerAccount.id });
    const documentOf = async (token?: string): Promise<Document> => (await (token === undefined ? runtime.api() : runtime.as(token)).get('/api/openapi.json').expect(200)).body as Document;
    const propertiesOf = (document: Document, component: string): string[] => Object.keys(document.components.schemas[component]?.properties ?? {});

    const admin = await documentOf();
    expect(propertiesOf(admin, 'Account')).toEqual(expect.arrayContaining(['annualRevenue', 'tier']));
    expect(propertiesOf(admin, 'User')).toEqual(expect.arrayContaining(['email', 'locale', 'partnerAccount']));

    const repView = await documentOf(rep.token);
    // Hidden fields are unknown everywhere: schemas (read, create, update, list), filter and sort parameters, examples.
    expect(JSON.stringify(repView)).not.toContain('annualRevenue');
    expect(propertiesOf(repView, 'Account')).toContain('tier');
    expect(propertiesOf(repView, 'User').sort()).toEqual(propertiesOf(admin, 'User').filter((name) => !['email', 'locale', 'partnerAccount'].includes(name)).sort());
    // The same role set reads the same (cached) document.
    expect(await documentOf(otherRep.token)).toEqual(repView);

    const partnerView = await documentOf(partner.token);
    const partnerPaths = Object.keys(partnerView.paths);
    for (const unknown of ['tag', 'contact', 'team', 'role']) {
      expect(partnerPaths.filter((route) => route.startsWith(`/api/records/${unknown}`))).toEqual([]);
      expect(partnerView.components.schemas).not.toHaveProperty(`${unknown.charAt(0).toUpperCase()}${unknown.slice(1)}`);
    }
    expect(partnerPaths).toContain('/api/records/opportunity');
    expect(propertiesOf(partnerView, 'Account')).not.toEqual(expect.arrayContaining(['annualRevenue']));
    expect(propertiesOf(partnerView, 'Account')).not.toContain('description');
    // Relations to entities the partner may not know go too (contacts), those they may stay.
    expect(propertiesOf(partnerView, 'Account')).not.toContain('contacts');
    expect(propertiesOf(partnerView, 'Account')).toContain('opportunities');
  });

  it('serves layouts filtered by entity and kind, and the OpenAPI document', async () => {
    const boards = await runtime.api().get('/api/metadata/layouts?entity=opportunity&kind=board');
    expect(boards.body.data.map((layout: { name: string }) => layout.name)).toEqual(['opportunityBoard']);
    expect((await runtime.api().get('/api/metadata/layouts?entity=opportunity')).body.data).toHaveLength(3);
    expect((await runtime.api().get('/api/metadata/layouts/accountList')).body).toMatchObject({ kind: 'list', entity: 'account' });
    expect((await runtime.api().get('/api/metadata/layouts/nope')).status).toBe(404);
    const openApi = await runtime.api().get('/api/openapi.json');
    expect(openApi.status).toBe(200);
    expect(openApi.body.openapi).toMatch(/^3\./);
    expect(JSON.stringify(openApi.body.paths)).toContain('opportunity');
  });

  it('lists versions and serves one with its bundle', async () => {
    const versions = await runtime.api().get('/api/metadata/versions');
    expect(versions.body).toMatchObject({ live: 1, data: [{ number: 1, author: 'test' }] });
    const version = await runtime.api().get('/api/metadata/versions/1');
    expect(version.body.bundle.entities).toHaveProperty('account');
    expect((await runtime.api().get('/api/metadata/versions/99')).status).toBe(404);
    expect((await runtime.api().get('/api/metadata/versions/abc')).status).toBe(400);
  });

  it('publishes a new field that the next request accepts, here and (by polling) in a second instance', async () => {
    let announce: () => void = () => undefined;
    const swapped = new Promise<void>((resolve) => {
      announce = resolve;
    });
    const second = await runtime.secondInstance({ pollMs: 20, onChange: (metadata) => metadata.version === 2 && announce() });
    const before = await runtime.api().post('/api/records/account').send({ name: 'Rated', rating: 4 });
    expect(before.status).toBe(422);
    expect(before.body.error.details[0]).toMatchObject({ path: '/rating', code: 'unknownField' });

    const bundle = withAccountFields(runtime.bundle, (fields) => [...fields, { name: 'rating', type: 'integer', minimum: 1, maximum: 5 }]);
    const plan = await runtime.api().post('/api/metadata/plan').send({ bundle });
    expect(plan.status).toBe(200);
    expect(plan.body.planText).toMatch(/rating/);
    expect(plan.body.plan.requiresConfirmation).toBe(false);

    const published = await runtime.api().post('/api/metadata/publish').send({ bundle, message: 'Add rating' });
    expect(published.status).toBe(201);
    expect(published.body.version).toMatchObject({ number: 2, message: 'Add rating', author: 'admin' });
    const after = await runtime.api().post('/api/records/account').send({ name: 'Rated', rating: 4 });
    expect(after.status).toBe(201);
    expect(after.body.rating).toBe(4);
    expect((await runtime.api().post('/api/records/account').send({ name: 'Over-rated', rating: 9 })).status).toBe(422);

    await swapped;
    expect(second.live.get().version).toBe(2);
    const fromSecond = await second.api().get(`/api/records/account/${after.body.id}`);
    expect(fromSecond.body.rating).toBe(4);
    await second.close();

    const unchanged = await runtime.api().post('/api/metadata/publish').send({ bundle });
    expect(unchanged.status).toBe(200);
    expect(unchanged.body.unchanged).toBe(true);
  });

  it('keeps older rows editable when a field becomes required, but refuses to clear it', async () => {
    const old = await createThroughApi(runtime, 'account', { name: 'No phone yet' });
    const live = (await runtime.api().get('/api/metadata/versions/2')).body.bundle as MetadataBundle;
    const bundle = withAccountFields(live, (fields) => fields.map((field) => (field.name === 'phone' ? { ...field, required: true } : field)));
    expect((await runtime.api().post('/api/metadata/publish').send({ bundle })).status).toBe(201);
    const edited = await runtime.api().patch(`/api/records/account/${old.id}`).send({ name: 'Still no phone' });
    expect(edited.status).toBe(200);
    expect((await runtime.api().patch(`/api/records/account/${old.id}`).send({ phone: null })).status).toBe(422);
    const created = await runtime.api().post('/api/records/account').send({ name: 'Needs phone' });
    expect(created.body.error.details).toEqual([{ path: '/phone', message: 'is required', code: 'required' }]);
  });

  it('asks for confirmation before a destructive publish, then applies it when confirmed', async () => {
    const live = (await runtime.api().get('/api/metadata/versions/3')).body.bundle as MetadataBundle;
    const bundle = withAccountFields(live, (fields) => fields.filter((field) => field.name !== 'rating'));
    const refused = await runtime.api().post('/api/metadata/publish').send({ bundle });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('confirmationRequired');
    expect(refused.body.error.details.length).toBeGreaterThan(0);
    expect((await runtime.api().get('/api/health')).body.metadataVersion).toBe(3);

    const confirmed = await runtime.api().post('/api/metadata/publish').send({ bundle, confirm: true });
    expect(confirmed.status).toBe(201);
    expect((await runtime.api().post('/api/records/account').send({ name: 'Gone', phone: '+1 555 0100', rating: 3 })).body.error.details[0].path).toBe('/rating');
  });

  it('rolls back to an earlier version and rejects invalid bundles with paths', async () => {
    const rollback = await runtime.api().post('/api/metadata/rollback').send({ version: 1, confirm: true });
    expect(rollback.status).toBe(201);
    expect(rollback.body.version.rolledBackFrom).toBe(1);
    expect((await runtime.api().post('/api/records/account').send({ name: 'Back to v1' })).status).toBe(201);
    expect((await runtime.api().post('/api/metadata/rollback').send({ version: 'x' })).status).toBe(400);

    const invalid = withAccountFields(runtime.bundle, (fields) => [...fields, { name: 'Bad Name', type: 'string' } as FieldDefinition]);
    const response = await runtime.api().post('/api/metadata/publish').send({ bundle: invalid });
    expect(response.status).toBe(422);
    expect(response.body.error.details[0].path).toMatch(/^\/entities\/account\/fields/);
    expect((await runtime.api().post('/api/metadata/publish').send({})).body.error.details[0].path).toBe('/bundle');
  });

  it('saves, lists, reads, publishes and deletes drafts', async () => {
    const bundle = withAccountFields(runtime.bundle, (fields) => [...fields, { name: 'nickname', type: 'string' }]);
    expect((await runtime.api().put('/api/metadata/drafts/wip').send({ bundle })).status).toBe(200);
    expect((await runtime.api().get('/api/metadata/drafts')).body.data.map((draft: { name: string }) => draft.name)).toEqual(['wip']);
    expect((await runtime.api().get('/api/metadata/drafts/wip')).body.bundle.entities.account.fields.at(-1).name).toBe('nickname');
    expect((await runtime.api().post('/api/records/account').send({ name: 'Draft only', nickname: 'x' })).status).toBe(422);
    const published = await runtime.api().post('/api/metadata/drafts/wip/publish');
    expect(published.status).toBe(201);
    expect((await runtime.api().post('/api/records/account').send({ name: 'Now live', nickname: 'x' })).status).toBe(201);
    expect((await runtime.api().get('/api/metadata/drafts/wip')).status).toBe(404);

    await runtime.api().put('/api/metadata/drafts/scratch').send({ bundle }).expect(200);
    expect((await runtime.api().delete('/api/metadata/drafts/scratch')).status).toBe(204);
    expect((await runtime.api().delete('/api/metadata/drafts/scratch')).status).toBe(404);
    expect((await runtime.api().put('/api/metadata/drafts/bad%20name').send({ bundle })).status).toBe(400);
  });

  it('accepts metadata bodies above the record limit but not above its own', async () => {
    const padded = { bundle: runtime.bundle, message: 'x'.repeat(2 * 1024 * 1024) };
    const response = await runtime.api().post('/api/metadata/plan').send(padded);
    expect(response.status).toBe(200);
    const tooBig = await runtime.api().post('/api/metadata/plan').send({ bundle: runtime.bundle, message: 'x'.repeat(6 * 1024 * 1024) });
    expect(tooBig.status).toBe(413);
  });
});
