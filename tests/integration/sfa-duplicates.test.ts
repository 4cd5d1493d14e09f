// Duplicate detection and merge (an entity's `duplicates` metadata): creating a lead whose e-mail,
// phone or company matches one the creator can read — e-mails without case, phones by digits,
// company names without case, spaces or punctuation — answers 409 `duplicate` naming only readable
// candidates, unless confirmed; a record lists its likely duplicates; merging folds records into a
// survivor in one transaction, repointing every reference, with permission checks and audit rows.
import { testDialects } from '../support/databases';
import { createAs, startSfaRuntime, type SfaTestRuntime } from './sfa-harness';

describe.each(testDialects())('duplicates and merge on %s', (dialect) => {
  let runtime: SfaTestRuntime;
  let original: Record<string, unknown> & { id: string };
  const rep1 = () => runtime.as(runtime.users.rep1.token);
  const lead = (extra: Record<string, unknown>) => ({ lastName: 'Someone', company: `Unrelated ${Math.random()}`, ...extra });

  beforeAll(async () => {
    runtime = await startSfaRuntime(dialect);
    original = await createAs(runtime, runtime.admin, 'lead', { lastName: 'Original', company: 'Acme, Inc.', email: 'Buyer@Acme.example', phone: '+1 (555) 010-2000', owner: runtime.users.rep1.id });
  });
  afterAll(async () => {
    await runtime.close();
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['the same e-mail in other case', { email: 'BUYER@acme.EXAMPLE' }, '/email'],
    ['the same phone written differently', { phone: '15550102000' }, '/phone'],
    ['the same company without punctuation', { company: 'ACME INC' }, '/company'],
  ])('answers 409 for a lead with %s, naming the readable candidate', async (_case, values, path) => {
    const response = await rep1().post('/api/records/lead').send(lead(values));
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'duplicate', details: [{ path, code: 'duplicate' }], candidates: [{ id: original.id, label: 'Acme, Inc.' }] });
  });

  it('creates it anyway when confirmed, and lists it as a duplicate of the original', async () => {
    const confirmed = await createAs(runtime, runtime.admin, 'lead', lead({ email: 'buyer@acme.example', owner: runtime.users.rep1.id }), '?confirm=duplicate');
    const listed = await rep1().get(`/api/records/lead/${original.id}/duplicates`).expect(200);
    expect(listed.body.data).toEqual([{ id: confirmed.id, label: confirmed.company, matchedOn: ['sameEmail'], fields: ['email'] }]);
  });

  it('tells a user nothing about records they cannot read', async () => {
    const other = await runtime.as(runtime.users.rep2.token).post('/api/records/lead').send(lead({ email: 'buyer@acme.example' }));
    expect(other.status).toBe(201);
    expect((await runtime.as(runtime.users.rep2.token).get(`/api/records/lead/${original.id}/duplicates`)).status).toBe(404);
    const own = await createAs(runtime, runtime.admin, 'lead', lead({ email: 'buyer@acme.example', owner: runtime.users.rep2.id }), '?confirm=duplicate');
    const readable = (await runtime.api().get('/api/records/lead?filter[email][eq]=buyer@acme.example&pageSize=50').expect(200)).body.data as Array<{ id: string; owner: string }>;
    const expected = readable.filter((record) => record.owner === runtime.users.rep2.id && record.id !== own.id).map((record) => record.id);
    const listed = await runtime.as(runtime.users.rep2.token).get(`/api/records/lead/${own.id}/duplicates`).expect(200);
    expect((listed.body.data as Array<{ id: string }>).map((candidate) => candidate.id)).toEqual(expected);
    expect(listed.body.data).not.toContainEqual(expect.objectContaining({ id: original.id }));
  });

  it('merges accounts: values chosen or filled, every reference repointed, losers deleted, audited', async () => {
    const survivor = await createAs(runtime, runtime.admin, 'account', { name: 'Globex Corporation', phone: '+1 555 0001', owner: runtime.users.rep1.id });
    const owner = runtime.users.rep1.id;
    const loser = await createAs(runtime, runtime.admin, 'account', { name: 'GLOBEX corporation', website: 'https://globex.example', phone: '+1 555 0002', owner }, '?confirm=duplicate');
    const contact = await createAs(runtime, runtime.admin, 'contact', { lastName: 'Scorpio', account: loser.id, owner });
    const deal = await createAs(runtime, runtime.admin, 'opportunity', { name: 'Globex deal', account: loser.id, owner });
    const child = await createAs(runtime, runtime.admin, 'account', { name: 'Globex Europe', parent: loser.id, owner });
    expect((await runtime.api().get(`/api/records/account/${survivor.id}/duplicates`).expect(200)).body.data).toEqual([expect.objectContaining({ id: loser.id, matchedOn: ['sameName'] })]);

    const merged = await runtime.as(runtime.users.manager.token).post(`/api/records/account/${survivor.id}/merge`).send({ from: [loser.id], fields: { phone: loser.id } }).expect(200);
    expect(merged.body.data).toMatchObject({ name: 'Globex Corporation', website: 'https://globex.example', phone: '+1 555 0002', version: 2 });
    expect(merged.body.merged).toEqual([loser.id]);
    expect(merged.body.repointed).toEqual(expect.arrayContaining([
      { entity: 'contact', field: 'account', ids: [contact.id] },
      { entity: 'opportunity', field: 'account', ids: [deal.id] },
      { entity: 'account', field: 'parent', ids: [child.id] },
    ]));
    expect((await runtime.api().get(`/api/records/account/${loser.id}`)).status).toBe(404);
    expect((await runtime.api().get(`/api/records/contact/${contact.id}`).expect(200)).body).toMatchObject({ account: survivor.id, version: 2 });
    expect((await runtime.api().get(`/api/records/opportunity/${deal.id}`).expect(200)).body.account).toBe(survivor.id);
    expect((await runtime.api().get(`/api/records/account/${child.id}`).expect(200)).body.parent).toBe(survivor.id);
    const history = await runtime.api().get(`/api/records/account/${survivor.id}/history`).expect(200);
    expect(history.body.data.at(-1)).toMatchObject({ action: 'merge', changes: { phone: { before: '+1 555 0001', after: '+1 555 0002' }, mergedFrom: [loser.id] } });
    const audit = await runtime.api().get(`/api/audit?entity=account&id=${loser.id}`).expect(200);
    expect(audit.body.data[0]).toMatchObject({ action: 'delete', changes: { mergedInto: { entity: 'account', id: survivor.id } } });
  });

  it('repoints records the caller cannot see as the system, and never names them', async () => {
    const owner = runtime.users.rep1.id;
    const survivor = await createAs(runtime, runtime.admin, 'account', { name: 'Hooli', owner });
    const loser = await createAs(runtime, runtime.admin, 'account', { name: 'HOOLI', owner }, '?confirm=duplicate');
    // Above the manager in the hierarchy: the deal is unreadable to them, the contact readable but not theirs to change.
    const hiddenDeal = await createAs(runtime, runtime.admin, 'opportunity', { name: 'Board-level deal', account: loser.id, owner: runtime.admin.id });
    const foreignContact = await createAs(runtime, runtime.admin, 'contact', { lastName: 'Belson', account: loser.id, owner: runtime.admin.id });
    const ownDeal = await createAs(runtime, runtime.admin, 'opportunity', { name: 'Rep deal', account: loser.id, owner });
    const manager = runtime.as(runtime.users.manager.token);
    expect((await manager.get(`/api/records/opportunity/${hiddenDeal.id}`)).status).toBe(404);

    const merged = await manager.post(`/api/records/account/${survivor.id}/merge`).send({ from: [loser.id] }).expect(200);
    expect(JSON.stringify(merged.body)).not.toContain(hiddenDeal.id);
    expect(merged.body.repointed).toEqual(expect.arrayContaining([
      { entity: 'opportunity', field: 'account', ids: [ownDeal.id] },
      { entity: 'contact', field: 'account', ids: [foreignContact.id] },
    ]));
    // Nothing is left pointing at the deleted record, the hidden deal included.
    expect((await runtime.api().get(`/api/records/opportunity/${hiddenDeal.id}`).expect(200)).body.account).toBe(survivor.id);
    const auditOf = async (entity: string, id: string) => ((await runtime.api().get(`/api/audit?entity=${entity}&id=${id}`).expect(200)).body.data as Array<{ action: string; actorUsername: string; changes: { mergedInto?: unknown } }>).find((row) => row.changes.mergedInto !== undefined);
    expect(await auditOf('opportunity', hiddenDeal.id)).toMatchObject({ action: 'update', actorUsername: 'system', changes: { account: { before: loser.id, after: survivor.id } } });
    expect(await auditOf('contact', foreignContact.id)).toMatchObject({ action: 'update', actorUsername: 'system' });
    expect(await auditOf('opportunity', ownDeal.id)).toMatchObject({ action: 'update', actorUsername: 'manager' });
  });

  it.each<[string, 'rep1' | 'rep2' | 'manager', (ids: { survivor: string; loser: string }) => object, number, string | undefined]>([
    ['a rep who may not delete accounts', 'rep1', ({ loser }) => ({ from: [loser] }), 403, undefined],
    ['the survivor among the merged', 'manager', ({ survivor }) => ({ from: [survivor] }), 422, '/from'],
    ['an empty list', 'manager', () => ({ from: [] }), 422, '/from'],
    ['a value from a record not merged', 'manager', ({ loser }) => ({ from: [loser], fields: { phone: '0190a4d2-7a7e-7000-8000-00000000dead' } }), 422, '/fields/phone'],
    ['an unknown field', 'manager', ({ loser }) => ({ from: [loser], fields: { colour: loser } }), 422, '/fields/colour'],
    ['a loser nobody has', 'manager', () => ({ from: ['0190a4d2-7a7e-7000-8000-00000000dead'] }), 404, undefined],
  ])('refuses a merge with %s and changes nothing', async (_case, person, bodyOf, status, path) => {
    const name = `Initech ${Math.random()}`;
    const survivor = await createAs(runtime, runtime.admin, 'account', { name, owner: runtime.users.rep1.id });
    const loser = await createAs(runtime, runtime.admin, 'account', { name, owner: runtime.users.rep1.id }, '?confirm=duplicate');
    const response = await runtime.as(runtime.users[person].token).post(`/api/records/account/${survivor.id}/merge`).send(bodyOf({ survivor: survivor.id, loser: loser.id }));
    expect(response.status).toBe(status);
    if (path !== undefined) expect(response.body.error.details).toContainEqual(expect.objectContaining({ path }));
    expect((await runtime.api().get(`/api/records/account/${loser.id}`).expect(200)).body.version).toBe(1);
    expect((await runtime.api().get(`/api/records/account/${survivor.id}`).expect(200)).body.version).toBe(1);
  });

  it('merges only what the caller can read, and only entities with duplicate rules', async () => {
    const theirs = await createAs(runtime, runtime.admin, 'lead', lead({ owner: runtime.users.rep2.id }));
    const mine = await createAs(runtime, runtime.admin, 'lead', lead({ owner: runtime.users.rep1.id }));
    expect((await rep1().post(`/api/records/lead/${mine.id}/merge`).send({ from: [theirs.id] })).status).toBe(404);
    const merged = await runtime.as(runtime.users.manager.token).post(`/api/records/lead/${mine.id}/merge`).send({ from: [theirs.id] });
    expect(merged.status).toBe(200);
    const deal = await createAs(runtime, runtime.admin, 'opportunity', { name: 'No rules', account: (await createAs(runtime, runtime.admin, 'account', { name: `Lone ${Math.random()}` })).id });
    expect((await runtime.api().post(`/api/records/opportunity/${deal.id}/merge`).send({ from: [deal.id] })).status).toBe(404);
    expect((await runtime.api().get(`/api/records/opportunity/${deal.id}/duplicates`)).status).toBe(404);
  });
});
