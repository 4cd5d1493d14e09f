// Record import end to end, on SQLite and MariaDB: `POST /api/records/:entity/import` takes CSV
// (as the export writes it) or JSON, writes every row through the record operations (defaults,
// autonumbers, formulas, processes, audit), all or nothing by default or row by row, validates
// without writing on a dry run, upserts by id or a field, and keeps to the permission layer:
// the import grant, field access, and someone else's record reported exactly as no record.
import type { MetadataBundle } from '@stagecraft/core';
import { createApp } from '@stagecraft/runtime';
import request from 'supertest';
import { testDialects } from '../support/databases';
import { buildCompany, type Company, type Person } from './permissions-fixture';
import { loadExampleBundle, startTestRuntime, type TestRuntime } from './runtime-harness';
import { createAs, startSfaRuntime, type SfaTestRuntime } from './sfa-harness';

interface RowResult {
  row: number;
  id?: string;
  action: 'created' | 'updated' | 'failed';
  errors?: Array<{ path: string; message: string; code?: string }>;
}

/** The example bundle with the reps allowed to import accounts (where revenue is hidden and the tier read-only for them). */
async function bundleWithRepImports(): Promise<MetadataBundle> {
  const bundle = structuredClone(await loadExampleBundle());
  const rep = Object.values(bundle.permissions ?? {}).find((set) => set.role === 'salesRep');
  if (!rep?.entities.account) throw new Error('the example pack lost its salesRep account grant');
  rep.entities.account.import = true;
  return bundle;
}

/** CSV lines (CRLF) after a byte order mark, as a spreadsheet saves UTF-8. */
const csv = (...lines: string[]): string => `\uFEFF${lines.map((line) => `${line}\r\n`).join('')}`;

describe.each(testDialects())('record import on %s', (dialect) => {
  let runtime: TestRuntime;
  let company: Company;
  const id = (key: string): string => company.ids[key] ?? `missing:${key}`;

  const importCsv = (person: Person, entity: string, query: string, text: string) =>
    runtime.as(company.users[person].token).post(`/api/records/${entity}/import${query}`).set('Content-Type', 'text/csv').send(text);
  const importJson = (person: Person, entity: string, query: string, records: unknown[]) =>
    runtime.as(company.users[person].token).post(`/api/records/${entity}/import${query}`).send({ records });
  /** Rows of an entity's table, or of another table by its quoted name. */
  const count = async (entity: string, table = runtime.live.get().entities.get(entity)?.tableSql ?? entity): Promise<number> => {
    const [row] = await runtime.system.database.select(`SELECT COUNT(*) AS ${runtime.system.database.quote('n')} FROM ${table}`, []);
    return Number(row?.n);
  };
  const get = async (entity: string, recordId: string | undefined): Promise<Record<string, unknown>> => {
    const response = await runtime.api().get(`/api/records/${entity}/${String(recordId)}`);
    expect(response.status).toBe(200);
    return response.body as Record<string, unknown>;
  };

  beforeAll(async () => {
    runtime = await startTestRuntime(dialect, { bundle: await bundleWithRepImports() });
    company = await buildCompany(runtime);
  });
  afterAll(async () => runtime?.close());

  it('imports CSV as the export writes it: typed cells, defaults for empty cells, defused formulas restored, autonumbers and audit rows', async () => {
    const text = csv(
      'name,industry,employees,active,website,description',
      '"Import, One",software,12,false,https://one.test,"two',
      'lines"',
      `"'=HYPERLINK(""http://x.test"")",retail,,,,`,
      '导入公司,,0,TRUE,,',
    );
    const response = await importCsv('manager', 'account', '', text);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ created: 3, updated: 0, failed: 0, dryRun: false });
    const rows = response.body.rows as RowResult[];
    expect(rows.map((row) => [row.row, row.action])).toEqual([[2, 'created'], [4, 'created'], [5, 'created']]);
    const [one, formula, chinese] = await Promise.all(rows.map((row) => get('account', row.id)));
    expect(one).toMatchObject({ name: 'Import, One', industry: 'software', employees: 12, active: false, description: 'two\r\nlines', tier: 'standard', owner: company.users.manager.id });
    expect(String(one?.accountNumber)).toMatch(/^ACC-\d{5}$/);
    expect(formula).toMatchObject({ name: '=HYPERLINK("http://x.test")', employees: null, active: true });
    expect(chinese).toMatchObject({ name: '导入公司', employees: 0, active: true });
    const audit = await runtime.api().get(`/api/audit?entity=account&id=${String(rows[0]?.id)}`);
    expect((audit.body.data as Array<{ action: string; actorId: string }>).map((row) => [row.action, row.actorId])).toEqual([['create', company.users.manager.id]]);
  });

  it('imports JSON records through the record operations: formulas computed, processes started, autonumbers given', async () => {
    const response = await importJson('admin', 'opportunity', '', [
      { name: 'Imported deal', account: id('accountA'), owner: company.users.repA.id, amount: 1000, probability: 25 },
      { name: 'Imported too', account: id('accountB'), owner: company.users.repB.id },
    ]);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ created: 2, failed: 0 });
    const [deal] = response.body.rows as RowResult[];
    expect(await get('opportunity', deal?.id)).toMatchObject({ weightedAmount: 250, stage: 'prospecting', code: expect.stringMatching(/^OPP-\d{4}$/) });
    const process = await runtime.api().get(`/api/records/opportunity/${String(deal?.id)}/process`);
    expect(process.status).toBe(200);
    expect(process.body.data[0]).toMatchObject({ process: 'opportunitySales' });
  });

  it('validates a dry run row by row and writes nothing', async () => {
    const before = await count('account');
    const auditTable = runtime.system.database.quote('stagecraft_audit');
    const auditBefore = await count('audit', auditTable);
    const response = await importCsv('manager', 'account', '?dryRun=true', csv('name,employees', 'Dry one,1', 'Dry two,2', ',3'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ created: 2, failed: 1, dryRun: true });
    const rows = response.body.rows as RowResult[];
    expect(rows.map((row) => [row.row, row.action, row.id])).toEqual([[2, 'created', undefined], [3, 'created', undefined], [4, 'failed', undefined]]);
    expect(rows[2]?.errors).toEqual([expect.objectContaining({ path: '/4/name' })]);
    expect(await count('account')).toBe(before);
    expect(await count('audit', auditTable)).toBe(auditBefore);
  });

  it('rolls an atomic import back whole when one row fails, naming every problem under /rows', async () => {
    const before = await count('account');
    const response = await importCsv('manager', 'account', '', csv('name,employees,industry', 'Atomic ok,1,software', ',2,retail', 'Atomic bad,many,mining'));
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('validationFailed');
    const paths = (response.body.error.details as Array<{ path: string }>).map((problem) => problem.path).sort();
    expect(paths).toEqual(['/rows/3/name', '/rows/4/employees', '/rows/4/industry']);
    expect(await count('account')).toBe(before);
    expect((await runtime.api().get('/api/records/account?filter[name]=Atomic ok')).body.data).toEqual([]);
  });

  it('imports row by row with atomic=false, keeping the good rows and reporting the bad', async () => {
    const before = await count('account');
    const response = await importCsv('manager', 'account', '?atomic=false', csv('name,employees', 'Partial ok,1', ',2', 'Partial bad,-5', 'Partial ok too,'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ created: 2, updated: 0, failed: 2, dryRun: false });
    const rows = response.body.rows as RowResult[];
    expect(rows.map((row) => row.action)).toEqual(['created', 'failed', 'failed', 'created']);
    expect(rows[1]?.errors).toEqual([expect.objectContaining({ path: '/3/name' })]);
    expect(rows[2]?.errors).toEqual([expect.objectContaining({ path: '/4/employees' })]);
    expect(await count('account')).toBe(before + 2);
  });

  it('upserts by a unique field and by id: a match is updated, a new value created', async () => {
    const existing = await runtime.api().post('/api/records/contact').send({ lastName: 'Ana', email: 'ana@import.test', owner: company.users.repA.id });
    expect(existing.status).toBe(201);
    const response = await importCsv('manager', 'contact', '?mode=upsert&key=email', csv('email,lastName,phone,channels', 'ana@import.test,Ana,+1 555 0100,email; phone', 'new@import.test,Newcomer,,', ',No email,,'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ created: 2, updated: 1, failed: 0 });
    const rows = response.body.rows as RowResult[];
    expect(rows[0]).toEqual({ row: 2, id: existing.body.id, action: 'updated' });
    expect(await get('contact', existing.body.id)).toMatchObject({ version: 2, phone: '+1 555 0100', channels: ['email', 'phone'], owner: company.users.repA.id });
    expect(await get('contact', rows[1]?.id)).toMatchObject({ email: 'new@import.test', lastName: 'Newcomer', phone: null });

    const byId = await importJson('manager', 'contact', '?mode=upsert&key=id', [{ id: existing.body.id, firstName: 'Ana Maria', version: 2 }, { firstName: 'Fresh', lastName: 'By id' }]);
    expect(byId.body).toMatchObject({ created: 1, updated: 1, failed: 0 });
    expect(await get('contact', existing.body.id)).toMatchObject({ version: 3, firstName: 'Ana Maria', phone: '+1 555 0100' });
    const stale = await importJson('manager', 'contact', '?mode=upsert&key=id&atomic=false', [{ id: existing.body.id, firstName: 'Late', version: 2 }]);
    expect((stale.body.rows as RowResult[])[0]?.errors).toEqual([expect.objectContaining({ path: '/1/version', code: 'staleVersion' })]);
  });

  it('round-trips import → export → import (upsert by id) without changing a value', async () => {
    const names = ['=Zqx formula', 'Zqx, with comma', 'Zqx "quoted"\nline'];
    const created = await importJson('manager', 'account', '', names.map((name, index) => ({ name, employees: index, industry: 'retail' })));
    expect(created.body.created).toBe(3);
    const exportUrl = '/api/records/account/export?q=Zqx&sort=employees&fields=name,employees,industry,website';
    const exported = await runtime.as(company.users.manager.token).get(exportUrl);
    expect(exported.status).toBe(200);
    expect(exported.text).toContain(`'=Zqx formula`);
    const again = await importCsv('manager', 'account', '?mode=upsert&key=id', exported.text);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: 0, updated: 3, failed: 0 });
    const reexported = await runtime.as(company.users.manager.token).get(exportUrl);
    const withoutVersions = (text: string): string => text.replace(/^([^,\r\n]+),\d+,/gm, '$1,V,');
    expect(withoutVersions(reexported.text)).toBe(withoutVersions(exported.text));
    const stored = await Promise.all((again.body.rows as RowResult[]).map((row) => get('account', row.id)));
    expect(stored.map((record) => [record.name, record.version])).toEqual(names.map((name) => [name, 2]));
  });

  it.each<[Person, string]>([['repA', 'contact'], ['agent', 'account'], ['partner', 'opportunity'], ['repB', 'user']])('refuses %s an import into %s without the import grant (403)', async (person, entity) => {
    const before = await count(entity);
    const response = await importJson(person, entity, '', [{ name: 'Nope', lastName: 'Nope', username: 'nope' }]);
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden');
    expect(await count(entity)).toBe(before);
  });

  it('reports hidden and read-only columns as row errors with the column path', async () => {
    const hidden = await importCsv('repA', 'account', '', csv('name,annualRevenue', 'Rich,5'));
    expect(hidden.status).toBe(422);
    expect(hidden.body.error.details).toEqual([expect.objectContaining({ path: '/rows/2/annualRevenue', code: 'hiddenField' })]);
    const rows = await importCsv('repA', 'account', '?atomic=false', csv('name,tier,turnover', 'Gilded,gold,', 'Plain,,1'));
    expect((rows.body.rows as RowResult[]).map((row) => row.errors?.map((problem) => `${problem.path} ${String(problem.code)}`))).toEqual([
      ['/2/tier readOnlyField'], ['/3/turnover unknownField'],
    ]);
    const ok = await importCsv('repA', 'account', '', csv('name,tier', 'Rep made,'));
    expect(ok.body).toMatchObject({ created: 1 });
    expect(await get('account', (ok.body.rows as RowResult[])[0]?.id)).toMatchObject({ owner: company.users.repA.id, tier: 'standard' });
  });

  it('answers an upsert over a record the caller may not change exactly as one over no record', async () => {
    const nowhere = '0190a4d2-7a7e-7000-8000-000000000999';
    const response = await importJson('repA', 'account', '?mode=upsert&key=id&atomic=false', [
      { id: id('accountB'), name: 'Taken over' }, { id: id('accountM'), name: 'Taken over' }, { id: nowhere, name: 'Taken over' }, { id: id('accountA'), phone: '+1 555 0111' },
    ]);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ created: 0, updated: 1, failed: 3 });
    const rows = response.body.rows as RowResult[];
    const told = rows.slice(0, 3).map((row, index) => {
      const [problem] = row.errors ?? [];
      return { ...problem, path: problem?.path.replace(`/${index + 1}/`, '/n/'), message: problem?.message.replace(/"[^"]+"/, '"…"') };
    });
    expect(told).toEqual([told[2], told[2], { path: '/n/id', code: 'notFound', message: expect.stringContaining('no account record with id') }]);
    expect((await get('account', id('accountB'))).name).toBe('Bravo Co');
    expect((await get('account', id('accountM'))).name).toBe('Manager Co');
    // By a field: someone else's record is not there for the caller, so the row creates the caller's own.
    const byName = await importJson('repA', 'account', '?mode=upsert&key=name&atomic=false&dryRun=true', [{ name: 'Bravo Co', phone: '+1 555 0112' }]);
    expect(byName.body).toMatchObject({ created: 1, updated: 0, failed: 0, rows: [{ row: 1, action: 'created' }] });
    expect((await runtime.api().get('/api/records/account?filter[name]=Bravo Co')).body.data).toHaveLength(1);
  });

  it('is no oracle: a key value held only by records the caller may not change answers exactly as a value nobody holds', async () => {
    // Two records the rep cannot see share a name and a phone: neither "ambiguous" nor "exists" may show through.
    for (const owner of ['repB', 'manager'] as const) {
      const made = await runtime.api().post('/api/records/account').send({ name: 'Hidden Twin', phone: '+1 555 0199', owner: company.users[owner].id });
      expect(made.status).toBe(201);
    }
    const probe = async (query: string, records: unknown[]): Promise<unknown> => {
      const response = await importJson('repA', 'account', query, records);
      return { status: response.status, body: JSON.parse(JSON.stringify(response.body).replace(/"id":"[^"]+",?/g, '')) as unknown };
    };
    for (const query of ['?mode=upsert&key=name&dryRun=true', '?mode=upsert&key=name&dryRun=true&atomic=false', '?mode=upsert&key=phone&dryRun=true&atomic=false']) {
      const held = query.includes('phone') ? [{ name: 'Probe', phone: '+1 555 0199' }] : [{ name: 'Hidden Twin' }];
      const nobody = query.includes('phone') ? [{ name: 'Probe', phone: '+1 555 0198' }] : [{ name: 'Nobody Has This Name' }];
      expect(await probe(query, held)).toEqual(await probe(query, nobody));
    }
    const held = await importJson('repA', 'account', '?mode=upsert&key=name&dryRun=true', [{ name: 'Hidden Twin' }]);
    expect(held.body).toMatchObject({ created: 1, failed: 0 });
    // Written for real, the row is the rep's own new record; the hidden twins are untouched.
    const written = await importJson('repA', 'account', '?mode=upsert&key=name', [{ name: 'Hidden Twin', description: 'mine' }]);
    expect(written.body).toMatchObject({ created: 1, updated: 0 });
    const twins = (await runtime.api().get('/api/records/account?filter[name]=Hidden Twin&sort=createdAt')).body.data as Array<Record<string, unknown>>;
    expect(twins.map((twin) => [twin.owner, twin.description ?? null])).toEqual([[company.users.repB.id, null], [company.users.manager.id, null], [company.users.repA.id, 'mine']]);
    // Within what the rep may change, an ambiguous key is still named as such.
    await importJson('repA', 'account', '', [{ name: 'Mine Twice' }, { name: 'Mine Twice' }]);
    const ambiguous = await importJson('repA', 'account', '?mode=upsert&key=name&atomic=false', [{ name: 'Mine Twice' }]);
    expect((ambiguous.body.rows as RowResult[])[0]?.errors).toEqual([expect.objectContaining({ path: '/1/name', code: 'ambiguousKey' })]);
  });

  it('stores injection attempts in cells verbatim (bound parameters, never SQL text)', async () => {
    const attempts = [`Robert'); DROP TABLE account;--`, `" OR "1"="1`, `\\' OR 1=1 #`, '`name` = $1; DELETE FROM account', '<script>alert(1)</script>'];
    const before = await count('account');
    const fromJson = await importJson('manager', 'account', '', attempts.map((name) => ({ name })));
    const fromCsv = await importCsv('manager', 'account', '?mode=upsert&key=name', csv('name,description', ...attempts.map((name) => `"${name.replaceAll('"', '""')}",via csv`)));
    expect(fromJson.body.created).toBe(attempts.length);
    expect(fromCsv.body).toMatchObject({ updated: attempts.length, created: 0 });
    const stored = await Promise.all((fromJson.body.rows as RowResult[]).map((row) => get('account', row.id)));
    expect(stored.map((record) => [record.name, record.description])).toEqual(attempts.map((name) => [name, 'via csv']));
    expect(await count('account')).toBe(before + attempts.length);
  });

  it('refuses too many rows and too big a body (413), other media types (415) and bad options (400)', async () => {
    const many = csv('name', ...Array.from({ length: 5001 }, (_, index) => `Row ${index}`));
    const tooMany = await importCsv('manager', 'account', '', many);
    expect([tooMany.status, tooMany.body.error.code]).toEqual([413, 'payloadTooLarge']);
    const small = createApp({
      database: runtime.system.database, repository: runtime.system.repository, live: runtime.live, records: runtime.records, auth: runtime.auth, workflow: runtime.workflow,
      config: { bodyLimit: '1mb', metadataBodyLimit: '5mb', isProduction: false }, importBodyLimit: '16kb', webRoot: null, log: () => undefined,
    });
    const big = await request(small).post('/api/records/account/import').set('Authorization', `Bearer ${runtime.admin.token}`).set('Content-Type', 'text/csv').send(csv('name', 'x'.repeat(20_000)));
    expect([big.status, big.body.error.code]).toEqual([413, 'payloadTooLarge']);
    const plain = await runtime.api().post('/api/records/account/import').set('Content-Type', 'text/plain').send('name\nx');
    expect([plain.status, plain.body.error.code]).toEqual([415, 'unsupportedMediaType']);
    const options = await runtime.api().post('/api/records/account/import?mode=merge&dryRun=yes&limit=2').send({ records: [] });
    expect((options.body.error.details as Array<{ path: string }>).map((problem) => problem.path).sort()).toEqual(['/dryRun', '/limit', '/mode']);
    const noKey = await runtime.api().post('/api/records/account/import?mode=upsert').send({ records: [] });
    expect(noKey.body.error.details).toEqual([expect.objectContaining({ path: '/key', code: 'required' })]);
    const hiddenKey = await importJson('repA', 'account', '?mode=upsert&key=annualRevenue', []);
    const unknownKey = await importJson('repA', 'account', '?mode=upsert&key=turnover', []);
    expect([hiddenKey.status, hiddenKey.body.error.details]).toEqual([400, JSON.parse(JSON.stringify(unknownKey.body.error.details).replaceAll('turnover', 'annualRevenue'))]);
    const noColumn = await importCsv('manager', 'contact', '?mode=upsert&key=email', csv('lastName', 'X'));
    expect([noColumn.status, noColumn.body.error.details]).toEqual([400, [expect.objectContaining({ path: '/key', code: 'required' })]]);
    const ragged = await importCsv('manager', 'account', '?atomic=false&dryRun=true', csv('name,employees', 'Short', 'Long,1,2', 'Fine,3'));
    expect((ragged.body.rows as RowResult[]).map((row) => row.errors?.map((problem) => `${problem.path} ${String(problem.code)}`) ?? row.action)).toEqual([['/2 columnCount'], ['/3 columnCount'], 'created']);
    const objectKey = await importJson('manager', 'contact', '?mode=upsert&key=email&atomic=false', [{ lastName: 'X', email: { $ne: null } }]);
    expect((objectKey.body.rows as RowResult[])[0]?.errors).toEqual([expect.objectContaining({ path: '/1/email', code: 'type' })]);
    const unclosed = await importCsv('manager', 'account', '', csv('name', '"never closed'));
    expect([unclosed.status, unclosed.body.error.details]).toEqual([400, [expect.objectContaining({ path: '/2', code: 'csvSyntax' })]]);
    const notRecords = await runtime.api().post('/api/records/account/import').send({ rows: [] });
    expect(notRecords.body.error.details).toEqual([expect.objectContaining({ path: '/records' })]);
  });
});

describe.each(testDialects())('record import into the SFA pack on %s', (dialect) => {
  let runtime: SfaTestRuntime;

  beforeAll(async () => {
    runtime = await startSfaRuntime(dialect);
  });
  afterAll(async () => runtime?.close());

  it('checks duplicates per row, against stored leads and earlier rows of the same file, unless confirmed', async () => {
    await createAs(runtime, runtime.admin, 'lead', { lastName: 'Stored', company: 'Stored Ltd', email: 'stored@lead.test', owner: runtime.users.rep1.id });
    const text = csv('lastName,company,email', 'Again,Other Ltd,STORED@lead.test', 'Twin,Twin One,twin@lead.test', 'Twin,Twin Two,twin@lead.test');
    const refused = await runtime.api().post('/api/records/lead/import').set('Content-Type', 'text/csv').send(text);
    expect(refused.status).toBe(422);
    expect((refused.body.error.details as Array<{ path: string; code?: string }>).map((problem) => `${problem.path} ${String(problem.code)}`)).toEqual(['/rows/2/email duplicate', '/rows/4/email duplicate']);
    const confirmed = await runtime.api().post('/api/records/lead/import?confirm=duplicate').set('Content-Type', 'text/csv').send(text);
    expect(confirmed.body).toMatchObject({ created: 3, failed: 0 });
  });

  it('keeps roll-ups exact: imported quote lines sum into their quote in the same transaction', async () => {
    const account = await createAs(runtime, runtime.admin, 'account', { name: 'Import Rollups' });
    const opportunity = await createAs(runtime, runtime.admin, 'opportunity', { name: 'Imported lines', account: account.id, owner: runtime.users.rep1.id });
    const product = await createAs(runtime, runtime.admin, 'product', { name: 'Import seat', code: 'IMPSEAT' });
    const quote = await createAs(runtime, runtime.admin, 'quote', { name: 'Imported quote', opportunity: opportunity.id });
    const lines = [{ quantity: 2, unitPrice: 100, discount: 10 }, { quantity: 1, unitPrice: 50, discount: 0 }].map((line) => ({ quote: quote.id, product: product.id, ...line }));
    const response = await runtime.api().post('/api/records/quoteLine/import').send({ records: lines });
    expect(response.body).toMatchObject({ created: 2, failed: 0 });
    expect((await runtime.api().get(`/api/records/quote/${quote.id}`).expect(200)).body).toMatchObject({ subtotal: 230 });
  });
});
