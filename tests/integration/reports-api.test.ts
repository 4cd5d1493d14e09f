// The report capability end to end, on SQLite and MariaDB: reports declared as metadata over the
// example pack's opportunities and accounts run through `GET /api/reports/:name` and return exact
// figures for a fixed data set — per stage, per month/week/quarter, per rep against the team,
// the stage funnel — counting only what the reader may read; hidden fields and forbidden
// entities are refused; bad parameters are a 400 naming each one.
import type { MetadataBundle, ReportDocument } from '@stagecraft/core';
import { testDialects } from '../support/databases';
import { createThroughApi, loadExampleBundle, startTestRuntime, type TestRuntime, type TestUser } from './runtime-harness';

const NOW = new Date('2026-01-01T00:00:00.000Z');
const PERIOD: ReportDocument['parameters'] = [
  { name: 'closeFrom', field: 'closeDate', op: 'gte', type: 'date' },
  { name: 'closeTo', field: 'closeDate', op: 'lte', type: 'date' },
  { name: 'stages', field: 'stage', op: 'in', type: 'string' },
];

const REPORTS: ReportDocument[] = [
  {
    kind: 'report', name: 'pipeline', label: { en: 'Pipeline by stage', 'zh-CN': '按阶段的销售管道' }, entity: 'opportunity', parameters: PERIOD,
    groupBy: [{ field: 'stage' }],
    aggregates: [
      { name: 'count', function: 'count', label: { en: 'Deals', 'zh-CN': '商机数' } },
      { name: 'amount', function: 'sum', field: 'amount' },
      { name: 'weighted', function: 'weightedSum', field: 'amount', weightField: 'probability' },
      { name: 'average', function: 'avg', field: 'amount' },
      { name: 'firstClose', function: 'min', field: 'closeDate' },
    ],
    chart: { type: 'bar' },
  },
  {
    kind: 'report', name: 'forecast', label: 'Forecast', entity: 'opportunity', filters: [{ field: 'stage', op: 'ne', value: 'closedLost' }],
    groupBy: [{ field: 'closeDate', bucket: 'month', name: 'month' }],
    aggregates: [{ name: 'count', function: 'count' }, { name: 'amount', function: 'sum', field: 'amount' }, { name: 'weighted', function: 'weightedSum', field: 'amount', weightField: 'probability' }],
    chart: { type: 'line' },
  },
  {
    kind: 'report', name: 'weekly', label: 'Weekly', entity: 'opportunity', filters: [{ field: 'stage', op: 'ne', value: 'closedLost' }],
    groupBy: [{ field: 'closeDate', bucket: 'week', name: 'week' }], aggregates: [{ name: 'amount', function: 'sum', field: 'amount' }], chart: { type: 'bar' },
  },
  {
    kind: 'report', name: 'quarterly', label: 'Quarterly', entity: 'opportunity',
    groupBy: [{ field: 'closeDate', bucket: 'quarter', name: 'quarter' }, { field: 'closeDate', bucket: 'year', name: 'year' }],
    aggregates: [{ name: 'count', function: 'count' }], chart: { type: 'table' },
  },
  {
    kind: 'report', name: 'winRate', label: 'Win rate by rep', entity: 'opportunity', filters: [{ field: 'stage', op: 'in', value: ['closedWon', 'closedLost'] }],
    groupBy: [{ field: 'owner' }],
    aggregates: [
      { name: 'closed', function: 'count' },
      { name: 'won', function: 'count', where: [{ field: 'stage', op: 'eq', value: 'closedWon' }] },
      { name: 'winRate', function: 'ratio', numerator: 'won', denominator: 'closed' },
      { name: 'wonAmount', function: 'sum', field: 'amount', where: [{ field: 'stage', op: 'eq', value: 'closedWon' }] },
      { name: 'cycleDays', function: 'avgDaysBetween', field: 'createdAt', endField: 'closeDate' },
    ],
    sort: [{ by: 'winRate', direction: 'desc' }],
    compare: { aggregate: 'winRate', belowPercent: 70 },
    chart: { type: 'bar', series: ['winRate'] },
  },
  {
    kind: 'report', name: 'total', label: 'Open pipeline', entity: 'opportunity', filters: [{ field: 'stage', op: 'in', value: ['prospecting', 'qualification', 'proposal'] }],
    parameters: [{ name: 'minimum', field: 'amount', op: 'gte', type: 'number', required: true }],
    aggregates: [{ name: 'count', function: 'count' }, { name: 'amount', function: 'sum', field: 'amount' }], chart: { type: 'number' },
  },
  {
    kind: 'report', name: 'funnel', label: { en: 'Sales funnel', 'zh-CN': '销售漏斗' }, entity: 'opportunity', parameters: PERIOD.slice(0, 2),
    funnel: { process: 'opportunitySales', stages: ['prospecting', 'qualification', 'proposal', 'closedWon'] }, chart: { type: 'funnel' },
  },
  {
    kind: 'report', name: 'revenueByIndustry', label: 'Revenue by industry', entity: 'account',
    groupBy: [{ field: 'industry' }], aggregates: [{ name: 'revenue', function: 'sum', field: 'annualRevenue' }], chart: { type: 'pie' },
  },
];

interface Row extends Record<string, unknown> {
  owner?: string;
}

async function reportBundle(): Promise<MetadataBundle> {
  const bundle = await loadExampleBundle();
  bundle.reports = Object.fromEntries(REPORTS.map((report) => [report.name, report]));
  return bundle;
}

describe.each(testDialects())('reports on %s', (dialect) => {
  let runtime: TestRuntime;
  let manager: TestUser;
  let repA: TestUser;
  let repB: TestUser;
  let agent: TestUser;

  const run = async (user: TestUser, path: string, status = 200): Promise<{ columns: Array<{ name: string; label: string; type: string }>; rows: Row[]; chart: unknown; compare?: unknown; label: string; error?: unknown }> => {
    const response = await runtime.as(user.token).get(`/api/reports/${path}`);
    expect({ path, status: response.status, body: response.status === status ? undefined : response.body }).toEqual({ path, status, body: undefined });
    return response.body;
  };

  beforeAll(async () => {
    runtime = await startTestRuntime(dialect, { bundle: await reportBundle(), now: () => NOW });
    await runtime.ensureRole('salesManager', 'admin');
    await runtime.ensureRole('salesRep', 'salesManager');
    manager = await runtime.createUser({ username: 'manager', role: 'salesManager', team: 'East' });
    repA = await runtime.createUser({ username: 'repa', role: 'salesRep', parentRole: 'salesManager', team: 'East' });
    repB = await runtime.createUser({ username: 'repb', role: 'salesRep', parentRole: 'salesManager', team: 'West' });
    agent = await runtime.createUser({ username: 'agent', role: 'supportAgent', team: 'Support' });
    const account = await createThroughApi(runtime, 'account', { name: 'Acme', owner: manager.id, industry: 'software', annualRevenue: 5000 });
    await createThroughApi(runtime, 'account', { name: 'Bolt', owner: repA.id, industry: 'retail', annualRevenue: 700 });
    const deal = async (owner: TestUser, amount: number, probability: number, closeDate: string, events: string[]): Promise<void> => {
      const created = await createThroughApi(runtime, 'opportunity', { name: `Deal ${amount}`, account: account.id, owner: owner.id, amount, probability, closeDate });
      for (const event of events) {
        const body = event === 'LOSE' ? { event, data: { lostReason: 'Price' } } : { event };
        await runtime.api().post(`/api/records/opportunity/${created.id}/transitions`).send(body).expect(200);
      }
    };
    await deal(repA, 100, 20, '2026-01-15', []);
    await deal(repA, 200, 50, '2026-01-20', ['QUALIFY']);
    await deal(repA, 300, 30, '2026-02-10', ['QUALIFY', 'PROPOSE', 'WIN']);
    await deal(repA, 400, 30, '2026-02-25', ['QUALIFY', 'PROPOSE']);
    await deal(repB, 1000, 10, '2026-03-05', ['LOSE']);
    await deal(repB, 500, 30, '2026-03-31', ['QUALIFY', 'PROPOSE', 'LOSE']);
    await deal(repB, 250, 30, '2026-01-31', ['QUALIFY', 'PROPOSE', 'WIN']);
    await deal(manager, 600, 40, '2026-02-01', ['QUALIFY']);
  });
  afterAll(async () => {
    await runtime.close();
  });

  it('groups the pipeline by stage in option order with count, sum, weighted sum, average and minimum', async () => {
    const result = await run(runtime.admin, 'pipeline');
    expect(result.columns.map((column) => [column.name, column.type])).toEqual([['stage', 'enum'], ['count', 'integer'], ['amount', 'number'], ['weighted', 'number'], ['average', 'number'], ['firstClose', 'date']]);
    expect(result.rows).toEqual([
      { stage: 'prospecting', count: 1, amount: 100, weighted: 20, average: 100, firstClose: '2026-01-15' },
      { stage: 'qualification', count: 2, amount: 800, weighted: 340, average: 400, firstClose: '2026-01-20' },
      { stage: 'proposal', count: 1, amount: 400, weighted: 240, average: 400, firstClose: '2026-02-25' },
      { stage: 'closedWon', count: 2, amount: 550, weighted: 330, average: 275, firstClose: '2026-01-31' },
      { stage: 'closedLost', count: 2, amount: 1500, weighted: 400, average: 750, firstClose: '2026-03-05' },
    ]);
    expect(result.chart).toEqual({ type: 'bar', x: 'stage', series: ['count', 'amount', 'weighted', 'average', 'firstClose'] });
    const chinese = await run(runtime.admin, 'pipeline?locale=zh-CN');
    expect([chinese.label, chinese.columns[0]?.label, chinese.columns[1]?.label]).toEqual(['按阶段的销售管道', '阶段', '商机数']);
  });

  it('counts only what the reader may read: a rep their own deals, a manager their reps\' too', async () => {
    const figures = async (user: TestUser) => (await run(user, 'pipeline')).rows.map((row) => [row.stage, row.count, row.amount, row.weighted]);
    expect(await figures(repA)).toEqual([['prospecting', 1, 100, 20], ['qualification', 1, 200, 100], ['proposal', 1, 400, 240], ['closedWon', 1, 300, 180]]);
    expect(await figures(repB)).toEqual([['closedWon', 1, 250, 150], ['closedLost', 2, 1500, 400]]);
    expect(await figures(manager)).toEqual(await figures(runtime.admin));
    expect((await run(repA, 'funnel')).rows.map((row) => row.reached)).toEqual([4, 3, 2, 1]);
  });

  it('applies the caller\'s parameters as bound filters', async () => {
    const february = await run(runtime.admin, 'pipeline?closeFrom=2026-02-01&closeTo=2026-02-28');
    expect(february.rows.map((row) => [row.stage, row.count, row.amount])).toEqual([['qualification', 1, 600], ['proposal', 1, 400], ['closedWon', 1, 300]]);
    const stages = await run(runtime.admin, 'pipeline?stages=proposal,closedWon');
    expect(stages.rows.map((row) => [row.stage, row.amount])).toEqual([['proposal', 400], ['closedWon', 550]]);
    expect((await run(runtime.admin, 'total?minimum=150')).rows).toEqual([{ count: 3, amount: 1200 }]);
    expect((await run(repA, 'total?minimum=0')).rows).toEqual([{ count: 3, amount: 700 }]);
  });

  it('buckets dates by month, week (its Monday), quarter and year', async () => {
    expect((await run(runtime.admin, 'forecast')).rows).toEqual([
      { month: '2026-01', count: 3, amount: 550, weighted: 270 },
      { month: '2026-02', count: 3, amount: 1300, weighted: 660 },
    ]);
    expect((await run(runtime.admin, 'weekly')).rows).toEqual([
      { week: '2026-01-12', amount: 100 },
      { week: '2026-01-19', amount: 200 },
      { week: '2026-01-26', amount: 850 },
      { week: '2026-02-09', amount: 300 },
      { week: '2026-02-23', amount: 400 },
    ]);
    expect((await run(runtime.admin, 'quarterly')).rows).toEqual([{ quarter: '2026-Q1', year: '2026', count: 8 }]);
  });

  it('compares each rep\'s win rate with the team\'s and flags the one far below it', async () => {
    const result = await run(runtime.admin, 'winRate');
    expect(result.compare).toEqual({ aggregate: 'winRate', overall: 50, belowPercent: 70 });
    expect(result.rows).toEqual([
      { owner: repA.id, ownerLabel: 'repa', closed: 1, won: 1, winRate: 100, wonAmount: 300, cycleDays: 40, percentOfOverall: 200, belowAverage: false },
      { owner: repB.id, ownerLabel: 'repb', closed: 3, won: 1, winRate: 33.33, wonAmount: 250, cycleDays: 60.67, percentOfOverall: 66.67, belowAverage: true },
    ]);
    expect(result.columns.map((column) => column.name)).toEqual(['owner', 'closed', 'won', 'winRate', 'wonAmount', 'cycleDays', 'ownerLabel', 'percentOfOverall', 'belowAverage']);
  });

  it('counts the records that reached each funnel stage, lost ones included, with conversion rates', async () => {
    const result = await run(runtime.admin, 'funnel');
    expect(result.rows).toEqual([
      { stage: 'prospecting', reached: 8, conversionRate: null, overallRate: 100 },
      { stage: 'qualification', reached: 6, conversionRate: 75, overallRate: 75 },
      { stage: 'proposal', reached: 4, conversionRate: 66.67, overallRate: 50 },
      { stage: 'closedWon', reached: 2, conversionRate: 50, overallRate: 25 },
    ]);
    expect(result.chart).toEqual({ type: 'funnel', x: 'stage', series: ['reached'] });
    expect((await run(runtime.admin, 'funnel?closeTo=2026-01-31')).rows.map((row) => row.reached)).toEqual([3, 2, 1, 1]);
  });

  it('lists the reports each user may run and refuses hidden fields (400) and forbidden entities (403)', async () => {
    const names = async (user: TestUser) => ((await runtime.as(user.token).get('/api/reports').expect(200)).body.data as Array<{ name: string }>).map((report) => report.name);
    const all = ['forecast', 'funnel', 'pipeline', 'quarterly', 'revenueByIndustry', 'total', 'weekly', 'winRate'];
    expect(await names(manager)).toEqual(all);
    expect(await names(repA)).toEqual(all.filter((name) => name !== 'revenueByIndustry'));
    expect(await names(agent)).toEqual([]);
    expect((await run(manager, 'revenueByIndustry')).rows).toEqual([{ industry: 'software', revenue: 5000 }, { industry: 'retail', revenue: 700 }]);
    const hidden = await run(repA, 'revenueByIndustry', 400);
    expect(hidden.error).toMatchObject({ code: 'badRequest', details: [{ path: '/report/aggregates/0/field', code: 'unknownField', message: 'account has no field "annualRevenue"' }] });
    expect((await run(agent, 'pipeline', 403)).error).toMatchObject({ code: 'forbidden' });
    expect((await run(repA, 'nothing', 404)).error).toMatchObject({ code: 'notFound' });
  });

  it('answers 400 naming each bad parameter', async () => {
    const bad = await run(runtime.admin, 'pipeline?closeFrom=yesterday&stages=won&colour=red', 400);
    expect(bad.error).toMatchObject({ code: 'badRequest' });
    const details = (bad.error as { details: Array<{ path: string; code: string }> }).details.map((detail) => [detail.path, detail.code]);
    expect(details).toEqual([['/parameters/colour', 'unknownParameter'], ['/parameters/closeFrom', 'type']]);
    const enumValue = await run(runtime.admin, 'pipeline?stages=won', 400);
    expect(enumValue.error).toMatchObject({ details: [{ path: '/parameters/stages', code: 'badFilter' }] });
    expect((await run(runtime.admin, 'total', 400)).error).toMatchObject({ details: [{ path: '/parameters/minimum', code: 'required' }] });
    expect((await run(runtime.admin, 'total?minimum=1e', 400)).error).toMatchObject({ details: [{ path: '/parameters/minimum', code: 'type' }] });
    expect((await run(runtime.admin, "pipeline?closeTo=2026-01-01'%20OR%201=1--", 400)).error).toMatchObject({ details: [{ path: '/parameters/closeTo' }] });
    expect((await run(runtime.admin, 'pipeline?locale=x', 400)).error).toMatchObject({ details: [{ path: '/locale' }] });
  });
});
