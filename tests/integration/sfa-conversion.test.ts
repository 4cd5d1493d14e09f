// Lead conversion (the lead's `conversion` metadata): one request turns a lead into an account
// (new, or the existing one with the same company name), a contact and, when asked, an
// opportunity on the sales method; the lead records what it became and ends converted. It is
// atomic (a failing target leaves nothing behind), cannot happen twice (also not in two requests
// at once), and goes through the permission layer and the create pipeline of every target.
import { loadPacks } from '@stagecraft/metadata';
import { withIdentityPack } from '@stagecraft/runtime';
import { testDialects } from '../support/databases';
import { createThroughApi, startTestRuntime, type TestRuntime, type TestUser } from './runtime-harness';
import { createAs, listAll, SFA_PACK, startSfaRuntime, type SfaTestRuntime } from './sfa-harness';

describe.each(testDialects())('lead conversion on %s', (dialect) => {
  let runtime: SfaTestRuntime;
  let counter = 0;
  const newLead = async (extra: Record<string, unknown> = {}) => {
    counter += 1;
    return createAs(runtime, runtime.admin, 'lead', { firstName: 'Ada', lastName: `Lovelace ${counter}`, company: `Engines ${counter} Ltd`, email: `ada${counter}@engines.example`, industry: 'software', status: 'qualified', owner: runtime.users.rep1.id, ...extra });
  };
  const convert = (token: string, id: string, body?: object, query = '') => {
    const request = runtime.as(token).post(`/api/records/lead/${id}/convert${query}`);
    return body === undefined ? request : request.send(body);
  };
  const countOf = async (entity: string, field: string, value: string): Promise<number> => (await listAll(runtime, entity, `&filter[${field}][eq]=${encodeURIComponent(value)}`)).length;

  beforeAll(async () => {
    runtime = await startSfaRuntime(dialect);
  });
  afterAll(async () => {
    await runtime.close();
  });

  it('turns a qualified lead into an account, a contact and an opportunity, linked and audited', async () => {
    const lead = await newLead({ phone: '+1 555 0100', title: 'CTO' });
    const response = await convert(runtime.users.rep1.token, lead.id, { targets: { opportunity: { create: true, values: { amount: 12000, closeDate: '2027-01-31' } } } }).expect(200);
    const { account, contact, opportunity } = response.body.targets as Record<string, { entity: string; id: string; created: boolean }>;
    expect([account?.created, contact?.created, opportunity?.created]).toEqual([true, true, true]);
    expect(response.body.data).toMatchObject({ status: 'converted', convertedAccount: account?.id, convertedContact: contact?.id, convertedOpportunity: opportunity?.id, version: 2 });
    const rep = runtime.as(runtime.users.rep1.token);
    expect((await rep.get(`/api/records/account/${account?.id}`).expect(200)).body).toMatchObject({ name: lead.company, industry: 'software', phone: '+1 555 0100', owner: runtime.users.rep1.id });
    expect((await rep.get(`/api/records/contact/${contact?.id}`).expect(200)).body).toMatchObject({ lastName: lead.lastName, title: 'CTO', email: lead.email, account: account?.id });
    expect((await rep.get(`/api/records/opportunity/${opportunity?.id}`).expect(200)).body).toMatchObject({ name: lead.company, account: account?.id, contact: contact?.id, amount: 12000, stage: 'prospecting', probability: 10 });
    const history = await runtime.api().get(`/api/records/lead/${lead.id}/history`).expect(200);
    expect(history.body.data.at(-1)).toMatchObject({ action: 'convert', changes: { status: { before: 'qualified', after: 'converted' }, convertedInto: { account: { id: account?.id, created: true } } } });
  });

  it('refuses to convert twice', async () => {
    const lead = await newLead();
    await convert(runtime.users.rep1.token, lead.id).expect(200);
    const again = await convert(runtime.users.rep1.token, lead.id);
    expect(again.status).toBe(409);
    expect(again.body.error.details).toContainEqual(expect.objectContaining({ path: '/convertedAccount', code: 'alreadyConverted' }));
  });

  it('lets exactly one of two simultaneous conversions win', async () => {
    const lead = await newLead();
    const statuses = (await Promise.all([convert(runtime.users.rep1.token, lead.id), convert(runtime.users.manager.token, lead.id)])).map((response) => response.status).sort();
    expect(statuses).toEqual([200, 409]);
    expect(await countOf('account', 'name', String(lead.company))).toBe(1);
    expect(await countOf('contact', 'email', String(lead.email))).toBe(1);
  });

  it('attaches the existing account with the same company name, or the one the request names', async () => {
    const existing = await createAs(runtime, runtime.admin, 'account', { name: 'Analytical Engines Inc.' });
    const matched = await convert(runtime.users.rep1.token, (await newLead({ company: 'ANALYTICAL ENGINES, INC' })).id).expect(200);
    expect(matched.body.targets.account).toEqual({ entity: 'account', id: existing.id, created: false });
    const other = await createAs(runtime, runtime.admin, 'account', { name: 'Somewhere else' });
    const named = await convert(runtime.users.rep1.token, (await newLead()).id, { targets: { account: { id: other.id } } }).expect(200);
    expect(named.body.targets.account).toEqual({ entity: 'account', id: other.id, created: false });
    expect((await runtime.api().get(`/api/records/contact/${named.body.targets.contact.id as string}`).expect(200)).body.account).toBe(other.id);
  });

  it('leaves nothing behind when a target fails', async () => {
    const lead = await newLead();
    const failed = await convert(runtime.users.rep1.token, lead.id, { targets: { opportunity: { create: true, values: { amount: -5 } } } });
    expect(failed.status).toBe(422);
    expect(failed.body.error.details).toContainEqual(expect.objectContaining({ path: '/targets/opportunity/values/amount' }));
    expect(await countOf('account', 'name', String(lead.company))).toBe(0);
    expect(await countOf('contact', 'email', String(lead.email))).toBe(0);
    expect((await runtime.api().get(`/api/records/lead/${lead.id}`).expect(200)).body).toMatchObject({ status: 'qualified', convertedAccount: null, version: 1 });
  });

  it.each<[string, object, string, string]>([
    ['an unknown target', { targets: { invoice: {} } }, '/targets/invoice', 'unknownTarget'],
    ['an id that is not one', { targets: { account: { id: 42 } } }, '/targets/account/id', 'type'],
    ['declining a required target', { targets: { contact: { create: false } } }, '/targets/contact/create', 'required'],
    ['an unknown property', { accountId: 'x' }, '/accountId', 'unknownField'],
  ])('refuses %s with 422 at its path', async (_case, body, path, code) => {
    const response = await convert(runtime.users.rep1.token, (await newLead()).id, body);
    expect(response.status).toBe(422);
    expect(response.body.error.details).toContainEqual(expect.objectContaining({ path, code }));
  });

  it('refuses an unqualified lead, an account id the user cannot use, and someone else\'s lead', async () => {
    const unqualified = await convert(runtime.users.rep1.token, (await newLead({ status: 'unqualified' })).id);
    expect(unqualified.status).toBe(422);
    expect(unqualified.body.error.details).toContainEqual(expect.objectContaining({ code: 'notConvertible' }));
    const missing = await convert(runtime.users.rep1.token, (await newLead()).id, { targets: { account: { id: '0190a4d2-7a7e-7000-8000-00000000dead' } } });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details).toContainEqual(expect.objectContaining({ path: '/targets/account/id', code: 'unknownRecord' }));
    expect((await convert(runtime.users.rep2.token, (await newLead()).id)).status).toBe(404);
    expect((await runtime.api().post('/api/records/account/0190a4d2-7a7e-7000-8000-00000000dead/convert')).status).toBe(404);
  });

  it('documents the routes the lead turns on in the OpenAPI document, and only those', async () => {
    const paths = Object.keys((await runtime.api().get('/api/openapi.json').expect(200)).body.paths as object);
    for (const route of ['convert', 'duplicates', 'merge', 'assign']) expect(paths).toContain(`/api/records/lead/{id}/${route}`);
    expect(paths).toContain('/api/records/account/{id}/merge');
    expect(paths).not.toContain('/api/records/account/{id}/convert');
    expect(paths).not.toContain('/api/records/opportunity/{id}/merge');
  });

  it('meets the contact duplicate rules unless confirmed, and keeps the link fields the conversion\'s own', async () => {
    const lead = await newLead();
    await createAs(runtime, runtime.admin, 'contact', { lastName: 'Earlier', email: String(lead.email).toUpperCase() });
    const duplicate = await convert(runtime.users.rep1.token, lead.id);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ code: 'duplicate', details: [expect.objectContaining({ path: '/targets/contact/values/email', code: 'duplicate' })] });
    await convert(runtime.users.rep1.token, lead.id, {}, '?confirm=duplicate').expect(200);
    const patch = await runtime.api().patch(`/api/records/lead/${lead.id}`).send({ convertedAccount: null });
    expect(patch.status).toBe(422);
    expect(patch.body.error.details).toContainEqual(expect.objectContaining({ path: '/convertedAccount', code: 'readOnly' }));
  });
});

describe.each(testDialects())('lead conversion under field permissions on %s', (dialect) => {
  let runtime: TestRuntime;
  let rep: TestUser;

  beforeAll(async () => {
    // The reps' view of a lead hides its phone: converting must not copy it where they could read it.
    const { bundle } = await loadPacks(withIdentityPack([SFA_PACK]));
    const repSet = Object.values(bundle.permissions ?? {}).find((set) => set.role === 'salesRep');
    if (!repSet?.entities.lead) throw new Error('the SFA pack lost its salesRep lead grant');
    repSet.entities.lead.fields = { ...repSet.entities.lead.fields, phone: 'hidden' };
    runtime = await startTestRuntime(dialect, { bundle });
    await runtime.ensureRole('salesManager', 'admin');
    rep = await runtime.createUser({ username: 'rep1', role: 'salesRep', parentRole: 'salesManager', team: 'Sales' });
  });
  afterAll(async () => {
    await runtime.close();
  });

  it('maps a field hidden from the converting user as empty', async () => {
    const lead = await createThroughApi(runtime, 'lead', { lastName: 'Hidden', company: 'Quiet Ltd', phone: '+1 555 0199', status: 'qualified', owner: rep.id });
    const converted = await runtime.as(rep.token).post(`/api/records/lead/${lead.id}/convert`).expect(200);
    expect(converted.body.data.phone).toBeUndefined();
    const account = await runtime.api().get(`/api/records/account/${converted.body.targets.account.id as string}`).expect(200);
    const contact = await runtime.api().get(`/api/records/contact/${converted.body.targets.contact.id as string}`).expect(200);
    expect([account.body.phone, contact.body.phone]).toEqual([null, null]);
    expect(account.body.owner).toBe(rep.id);
  });
});
