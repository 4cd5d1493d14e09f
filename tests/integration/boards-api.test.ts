// Boards end to end, on SQLite and MariaDB: the example pack's opportunity board answers exact
// counts and sums per stage for each reader — a rep their own deals, the manager their reps',
// the administrator everything — with the list's filters and search, and a column's cards a page
// at a time. A sum field hidden from a reader gives them no sums and no amounts on the cards; a
// hidden group-by field makes the board unknown; an entity they may not read is a 403.
import type { MetadataBundle } from '@stagecraft/core';
import { testDialects } from '../support/databases';
import { buildCompany, type Company, type Person } from './permissions-fixture';
import { createProbe, type Probe } from './permissions-probe';
import { createThroughApi, loadExampleBundle, startTestRuntime, type TestRuntime } from './runtime-harness';

const BOARD = '/api/boards/opportunityBoard';
const STAGES = ['prospecting', 'qualification', 'proposal', 'closedWon', 'closedLost'];

/** The example bundle where the partner may not see amounts, and an auditor role may not see stages. */
async function boardBundle(): Promise<MetadataBundle> {
  const bundle = structuredClone(await loadExampleBundle());
  const partner = Object.values(bundle.permissions ?? {}).find((set) => set.role === 'partner');
  const opportunity = partner?.entities.opportunity;
  if (!opportunity) throw new Error('the example pack lost its partner opportunity grant');
  opportunity.fields = { ...opportunity.fields, amount: 'hidden' };
  bundle.permissions = {
    ...bundle.permissions,
    auditor: { kind: 'permissionSet', name: 'auditor', role: 'auditor', entities: { opportunity: { read: true, fields: { stage: 'hidden' } } } },
  };
  return bundle;
}

interface Column {
  value: string;
  count: number;
  sum?: number;
}

/** The fixture keys of a page of cards, sorted (ids added after the fixture was built included). */
const keysOf = (company: Company, response: { body: { data?: Array<{ id: string }> } }): string[] => {
  const keyById = new Map(Object.entries(company.ids).map(([key, id]) => [id, key]));
  return (response.body.data ?? []).map((record) => keyById.get(record.id) ?? `?${record.id}`).sort();
};

/** Column value → [count, sum] (sum undefined when absent). */
const figures = (columns: Column[]): Record<string, [number, number | undefined]> => Object.fromEntries(columns.map((column) => [column.value, [column.count, column.sum]]));

describe.each(testDialects())('boards on %s', (dialect) => {
  let runtime: TestRuntime;
  let company: Company;
  let probe: Probe;
  let auditorToken: string;

  beforeAll(async () => {
    runtime = await startTestRuntime(dialect, { bundle: await boardBundle() });
    company = await buildCompany(runtime);
    probe = createProbe(runtime, company);
    auditorToken = (await runtime.createUser({ username: 'auditor', role: 'auditor' })).token;
    // Three qualified deals on top of the fixture's: two of rep A's, one of rep B's, with cents.
    const qualified: Array<[string, string, number]> = [['Alpha Q1', 'repA', 1234.56], ['Alpha Q2', 'repA', 0.44], ['Bravo Q', 'repB', 500.1]];
    for (const [name, owner, amount] of qualified) {
      const account = owner === 'repA' ? company.ids.accountA : company.ids.accountB;
      const created = await createThroughApi(runtime, 'opportunity', { name, account, owner: company.users[owner as Person].id, amount, closeDate: '2026-03-01' });
      await runtime.api().post(`/api/records/opportunity/${created.id}/transitions`).send({ event: 'QUALIFY' }).expect(200);
      company.ids[name] = created.id;
    }
  });
  afterAll(async () => runtime?.close());

  it.each<[Person, Record<string, [number, number]>]>([
    ['admin', { prospecting: [4, 100], qualification: [3, 1735.1], proposal: [0, 0], closedWon: [0, 0], closedLost: [1, 200] }],
    ['manager', { prospecting: [3, 100], qualification: [3, 1735.1], proposal: [0, 0], closedWon: [0, 0], closedLost: [1, 200] }],
    ['repA', { prospecting: [1, 100], qualification: [2, 1235], proposal: [0, 0], closedWon: [0, 0], closedLost: [1, 200] }],
    ['repB', { prospecting: [1, 0], qualification: [1, 500.1], proposal: [0, 0], closedWon: [0, 0], closedLost: [0, 0] }],
  ])('%s sees exact counts and sums of the deals they may read, in the layout\'s column order', async (person, expected) => {
    const response = await probe.get(person, BOARD);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: 'opportunityBoard', entity: 'opportunity', groupBy: 'stage', sumField: 'amount', cardFields: ['name', 'account', 'amount', 'closeDate'] });
    expect((response.body.columns as Column[]).map((column) => column.value)).toEqual(STAGES);
    expect(figures(response.body.columns as Column[])).toEqual(expected);
    expect(response.body.total).toBe(Object.values(expected).reduce((total, [count]) => total + count, 0));
    expect(response.body.columns[0]).toMatchObject({ label: { en: 'Prospecting', 'zh-CN': '潜在客户' }, color: '#9b51e0' });
  });

  it('applies the list\'s filters and search to the counts, inside the reader\'s records', async () => {
    const big = await probe.get('manager', `${BOARD}?filter[amount][gte]=150`);
    expect(figures(big.body.columns as Column[])).toMatchObject({ prospecting: [0, 0], qualification: [2, 1734.66], closedLost: [1, 200] });
    const searched = await probe.get('repB', `${BOARD}?q=Alpha`);
    expect(searched.body.total).toBe(0);
    const alpha = await probe.get('admin', `${BOARD}?q=Alpha&filter[stage][in]=qualification,closedLost`);
    expect(figures(alpha.body.columns as Column[])).toMatchObject({ prospecting: [0, 0], qualification: [2, 1235], closedLost: [1, 200] });
    const bad = await probe.get('admin', `${BOARD}?filter[turnover][gt]=1`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ path: '/filter/turnover', code: 'unknownField' })]);
  });

  it('pages through a column\'s cards with the card fields only', async () => {
    const first = await probe.get('manager', `${BOARD}/columns/prospecting?pageSize=2&sort=name`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(Object.keys(first.body.data[0] as object).sort()).toEqual(['account', 'amount', 'closeDate', 'id', 'name', 'stage', 'version']);
    const second = await probe.get('manager', `${BOARD}/columns/prospecting?pageSize=2&page=2&sort=name`);
    expect([...keysOf(company, first), ...keysOf(company, second)].sort()).toEqual(['oppA1', 'oppB1', 'oppM1']);
    const repA = await probe.get('repA', `${BOARD}/columns/qualification?expand=account`);
    expect(keysOf(company, repA)).toEqual(['Alpha Q1', 'Alpha Q2']);
    expect(repA.body.data[0].account).toMatchObject({ name: 'Alpha Co' });
  });

  it('answers 404 for an unknown column or board, 403 for an entity the reader may not read', async () => {
    expect((await probe.get('admin', `${BOARD}/columns/negotiation`)).status).toBe(404);
    expect((await probe.get('admin', '/api/boards/nothingHere')).status).toBe(404);
    expect((await probe.get('admin', '/api/boards/opportunityForm')).status).toBe(404);
    expect((await probe.get('agent', BOARD)).status).toBe(403);
    expect((await probe.get('agent', `${BOARD}/columns/prospecting`)).status).toBe(403);
    const boards = await probe.get('agent', '/api/boards');
    expect(boards.body.data).toEqual([]);
    const adminBoards = await probe.get('admin', '/api/boards');
    expect(adminBoards.body.data).toEqual([{ name: 'opportunityBoard', entity: 'opportunity', groupBy: 'stage' }]);
  });

  it('gives a reader who may not see the sum field counts without sums, and cards without it', async () => {
    const response = await probe.get('partner', BOARD);
    expect(response.status).toBe(200);
    expect(response.body).not.toHaveProperty('sumField');
    expect(response.body.cardFields).toEqual(['name', 'account', 'closeDate']);
    expect(figures(response.body.columns as Column[])).toMatchObject({ prospecting: [2, undefined], qualification: [0, undefined] });
    expect((response.body.columns as Column[]).every((column) => !('sum' in column))).toBe(true);
    const cards = await probe.get('partner', `${BOARD}/columns/prospecting`);
    expect(keysOf(company, cards)).toEqual(['oppA1', 'oppX1']);
    expect(JSON.stringify(cards.body)).not.toContain('amount');
    // Filtering on the hidden field is refused as for a field that does not exist.
    const filtered = await probe.get('partner', `${BOARD}?filter[amount][gt]=0`);
    expect(filtered.status).toBe(400);
    expect(filtered.body.error.details).toEqual([expect.objectContaining({ path: '/filter/amount', code: 'unknownField' })]);
  });

  it('treats a board grouped by a field hidden from the reader as unknown', async () => {
    const response = await runtime.as(auditorToken).get(BOARD);
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([expect.objectContaining({ path: '/board/groupBy', code: 'unknownField' })]);
    expect((await runtime.as(auditorToken).get('/api/boards')).body.data).toEqual([]);
  });
});
