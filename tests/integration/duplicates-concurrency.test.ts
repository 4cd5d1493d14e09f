// Duplicate rules under concurrency, on SQLite and MariaDB: simultaneous identical creates that a
// duplicate rule forbids leave exactly one record (the others get 409 `duplicate`), while creates
// with different values still run side by side; two leads of one company converted at the same
// moment end on one account; two merges of the same records at once merge them once.
import { testDialects } from '../support/databases';
import { createAs, listAll, startSfaRuntime, type SfaTestRuntime } from './sfa-harness';

const SIMULTANEOUS = 30;

describe.each(testDialects())('duplicate rules under concurrency on %s', (dialect) => {
  let runtime: SfaTestRuntime;

  beforeAll(async () => {
    runtime = await startSfaRuntime(dialect);
  });
  afterAll(async () => {
    await runtime.close();
  });

  it(`leaves exactly one contact of ${SIMULTANEOUS} simultaneous identical creates, three rounds running`, async () => {
    const rounds = [1, 2, 3].map((round) => ({ lastName: `Racer ${round}`, email: `racer${round}@race.example` }));
    const responses = await Promise.all(rounds.flatMap((body) => Array.from({ length: SIMULTANEOUS }, () => runtime.as(runtime.users.rep1.token).post('/api/records/contact').send(body))));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(statuses.filter((status) => status === 409)).toHaveLength(3 * SIMULTANEOUS - 3);
    for (const response of responses.filter((candidate) => candidate.status === 409)) expect(response.body.error).toMatchObject({ code: 'duplicate', candidates: [expect.objectContaining({ matchedOn: ['sameEmail'] })] });
    const stored = await listAll(runtime, 'contact', '&filter[email][contains]=@race.example');
    expect(stored.map((contact) => contact.email).sort()).toEqual(['racer1@race.example', 'racer2@race.example', 'racer3@race.example']);
  });

  it('lets simultaneous creates with different values all through', async () => {
    const responses = await Promise.all(Array.from({ length: SIMULTANEOUS }, (_, index) => runtime.as(runtime.users.rep2.token).post('/api/records/contact').send({ lastName: `Distinct ${index}`, email: `distinct${index}@race.example` })));
    expect(responses.map((response) => response.status)).toEqual(Array.from({ length: SIMULTANEOUS }, () => 201));
  });

  it('still creates a confirmed duplicate', async () => {
    const body = { lastName: 'Twin', email: 'twin@race.example', owner: runtime.users.rep1.id };
    await createAs(runtime, runtime.admin, 'contact', body);
    expect((await runtime.api().post('/api/records/contact').send(body)).status).toBe(409);
    await createAs(runtime, runtime.admin, 'contact', body, '?confirm=duplicate');
  });

  it('converts two leads of one company at the same moment onto one account', async () => {
    const company = `Simultaneous Widgets ${dialect}`;
    const leads = await Promise.all([1, 2, 3].map((index) => createAs(runtime, runtime.admin, 'lead', { firstName: 'Lee', lastName: `Parallel ${index}`, company, email: `lee${index}@widgets.example`, status: 'qualified', owner: runtime.users.rep1.id }, '?confirm=duplicate')));
    const responses = await Promise.all(leads.map((lead) => runtime.as(runtime.users.rep1.token).post(`/api/records/lead/${lead.id}/convert`).send({})));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    const accounts = responses.map((response) => (response.body.targets as { account: { id: string } }).account.id);
    expect(new Set(accounts).size).toBe(1);
    expect(await listAll(runtime, 'account', `&filter[name][eq]=${encodeURIComponent(company)}`)).toHaveLength(1);
  });

  it('merges the same records once when two merges run at once', async () => {
    const name = `Merged Once ${dialect}`;
    const survivor = await createAs(runtime, runtime.admin, 'account', { name, owner: runtime.users.rep1.id });
    const loser = await createAs(runtime, runtime.admin, 'account', { name, owner: runtime.users.rep1.id }, '?confirm=duplicate');
    const contact = await createAs(runtime, runtime.admin, 'contact', { lastName: 'Merged Once', account: loser.id, owner: runtime.users.rep1.id });
    const responses = await Promise.all([1, 2].map(() => runtime.as(runtime.users.manager.token).post(`/api/records/account/${survivor.id}/merge`).send({ from: [loser.id] })));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 404]);
    expect((await runtime.api().get(`/api/records/account/${survivor.id}`).expect(200)).body.version).toBe(2);
    expect((await runtime.api().get(`/api/records/contact/${contact.id}`).expect(200)).body).toMatchObject({ account: survivor.id, version: 2 });
    expect(await listAll(runtime, 'account', `&filter[name][eq]=${encodeURIComponent(name)}`)).toHaveLength(1);
  });
});
