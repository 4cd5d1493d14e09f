// CSV export end to end, on SQLite and MariaDB: `GET /api/records/:entity/export?format=csv`
// streams exactly the records each person may both read and export (the export grant's scope
// inside the SQL), with the list's filters, search, sort and field list, without the fields hidden
// from them; text a spreadsheet would run as a formula is defused; exports larger than one batch
// come whole and in order; bad requests are the usual JSON errors.
import { SYSTEM_ACTOR } from '@stagecraft/runtime';
import { testDialects } from '../support/databases';
import { buildCompany, PEOPLE, SECRET_REVENUE, type Company, type Person } from './permissions-fixture';
import { createProbe, type Probe } from './permissions-probe';
import { startTestRuntime, type TestRuntime } from './runtime-harness';

/** RFC 4180 text → rows of cells (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let index = 0; index < body.length; index += 1) {
    const character = body[index] as string;
    if (quoted && character === '"' && body[index + 1] === '"') {
      cell += '"';
      index += 1;
    } else if (character === '"') {
      quoted = !quoted;
    } else if (!quoted && character === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && character === '\r' && body[index + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      index += 1;
    } else {
      cell += character;
    }
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** Who exports which accounts: the example pack grants export own (reps) and hierarchy (manager), none to the agent or partner. */
const EXPORTABLE: Record<Person, string[] | 'forbidden'> = {
  admin: ['Admin Gold', 'Agent Co', 'Alpha Co', 'Bravo Co', 'Manager Co', 'Partner Co'],
  manager: ['Alpha Co', 'Bravo Co', 'Manager Co'],
  repA: ['Alpha Co'],
  repB: ['Bravo Co'],
  agent: 'forbidden',
  partner: 'forbidden',
};

describe.each(testDialects())('CSV export on %s', (dialect) => {
  let runtime: TestRuntime;
  let company: Company;
  let probe: Probe;

  beforeAll(async () => {
    runtime = await startTestRuntime(dialect);
    company = await buildCompany(runtime);
    probe = createProbe(runtime, company);
  });
  afterAll(async () => runtime?.close());

  const rowsOf = (text: string): Array<Record<string, string>> => {
    const [header = [], ...rows] = parseCsv(text);
    return rows.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])));
  };

  it.each(PEOPLE)('%s exports exactly the accounts they may read and export, without hidden fields', async (person) => {
    const response = await probe.get(person, '/api/records/account/export?format=csv&sort=name');
    const expected = EXPORTABLE[person];
    if (expected === 'forbidden') {
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('forbidden');
      return;
    }
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="account.csv"');
    expect(response.text.startsWith('\uFEFFid,version,createdAt,updatedAt,name,')).toBe(true);
    const rows = rowsOf(response.text);
    expect(rows.map((row) => row.name)).toEqual(expected);
    const header = parseCsv(response.text)[0] ?? [];
    const seesRevenue = person === 'admin' || person === 'manager';
    expect(header.includes('annualRevenue')).toBe(seesRevenue);
    expect(response.text.includes(String(SECRET_REVENUE))).toBe(seesRevenue);
    expect(rows.every((row) => company.keyOf(row.id).startsWith('account'))).toBe(true);
  });

  it('refuses an entity without the export grant though it is readable (rep and opportunities)', async () => {
    expect((await probe.get('repA', '/api/records/opportunity?pageSize=1')).status).toBe(200);
    const response = await probe.get('repA', '/api/records/opportunity/export');
    expect(response.status).toBe(403);
    const manager = await probe.get('manager', '/api/records/opportunity/export?fields=name,stage,amount&sort=name');
    expect(rowsOf(manager.text).map((row) => [row.name, row.stage, row.amount])).toEqual([
      ['Alpha lost', 'closedLost', '200'], ['Alpha open', 'prospecting', '100'], ['Bravo open', 'prospecting', ''], ['Manager open', 'prospecting', ''],
    ]);
  });

  it('uses the list\'s filters, search, sort and field list', async () => {
    const gold = await probe.get('admin', '/api/records/account/export?filter[tier]=gold&sort=-name&fields=name,tier');
    expect(parseCsv(gold.text)).toEqual([['id', 'version', 'name', 'tier'], [company.ids.accountB, '1', 'Bravo Co', 'gold'], [company.ids.accountX, '1', 'Admin Gold', 'gold']]);
    const searched = await probe.get('manager', '/api/records/account/export?q=Co&filter[owner]=' + company.users.repB.id);
    expect(rowsOf(searched.text).map((row) => row.name)).toEqual(['Bravo Co']);
  });

  it('defuses formulas and quotes commas, quotes and line breaks', async () => {
    const names = ['=HYPERLINK("http://x.test","y")', '+SUM(1,2)', '@cmd', '-1+2', 'Quote "Co", Ltd\nSecond line'];
    for (const name of names) await runtime.records.create('account', { name, owner: company.users.repA.id, employees: 0 }, SYSTEM_ACTOR);
    const response = await probe.get('repA', '/api/records/account/export?fields=name,employees&filter[employees][isNull]=false&sort=createdAt');
    expect(parseCsv(response.text).slice(1).map((cells) => cells.slice(2))).toEqual([
      [`'=HYPERLINK("http://x.test","y")`, '0'], [`'+SUM(1,2)`, '0'], [`'@cmd`, '0'], [`'-1+2`, '0'], ['Quote "Co", Ltd\nSecond line', '0'],
    ]);
    expect(response.text).toContain('"\'=HYPERLINK(""http://x.test"",""y"")"');
  });

  it('answers bad requests with the error shape before streaming', async () => {
    const format = await probe.get('admin', '/api/records/account/export?format=xlsx');
    expect([format.status, format.body.error.details]).toEqual([400, [expect.objectContaining({ path: '/format', code: 'enum' })]]);
    const paging = await probe.get('admin', '/api/records/account/export?page=2');
    expect([paging.status, paging.body.error.details]).toEqual([400, [expect.objectContaining({ path: '/page', code: 'unknownParameter' })]]);
    const hidden = await probe.get('repA', '/api/records/account/export?filter[annualRevenue][gt]=0');
    expect([hidden.status, hidden.body.error.details]).toEqual([400, [expect.objectContaining({ path: '/filter/annualRevenue', code: 'unknownField' })]]);
    expect((await probe.get('admin', '/api/records/nothing/export')).status).toBe(404);
  });

  it('streams an export larger than one batch whole and in order', async () => {
    const account = runtime.live.get().entities.get('account');
    if (!account) throw new Error('no account entity');
    const column = (name: string): string => account.fields.get(name)?.sql ?? name;
    const columns = ['id', 'version', 'createdAt', 'updatedAt', 'name', 'owner'].map(column).join(', ');
    const total = 1_203;
    for (let start = 0; start < total; start += 401) {
      const values: unknown[] = [];
      const rows: string[] = [];
      for (let index = start; index < Math.min(start + 401, total); index += 1) {
        values.push(`0190a4d2-7a7e-7000-8000-${index.toString(16).padStart(12, '0')}`, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00', `Bulk ${String(index).padStart(5, '0')}`, company.users.repB.id);
        rows.push(`(${[1, 2, 3, 4, 5, 6].map((offset) => `$${values.length - 6 + offset}`).join(', ')})`);
      }
      await runtime.system.database.insert(`INSERT INTO ${account.tableSql} (${columns}) VALUES ${rows.join(', ')}`, values);
    }
    const response = await probe.get('repB', '/api/records/account/export?q=Bulk&sort=-name&fields=name');
    const names = rowsOf(response.text).map((row) => row.name);
    expect(names).toHaveLength(total);
    expect(names[0]).toBe('Bulk 01202');
    expect(names[total - 1]).toBe('Bulk 00000');
    expect(new Set(names).size).toBe(total);
  });
});
