// Dashboards in a real browser, as rep1: every report the rep may run drawn as its chart type,
// figures in the user's locale, a click on a bar opening the list of exactly that bar's records,
// and the report page in 简体中文 with Chinese labels and figures.
import type { Page } from 'playwright-core';
import { describeBrowser, startBrowserHarness, type BrowserHarness } from './browser-harness';

jest.setTimeout(180_000);

interface ReportAnswer {
  columns: Array<{ name: string; options?: Array<{ value: string; label: string }> }>;
  rows: Array<Record<string, unknown>>;
}

describeBrowser('dashboards (Chromium)', () => {
  let harness: BrowserHarness;
  let page: Page;
  let token: string;

  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${harness.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    harness = await startBrowserHarness();
    token = await harness.token('rep1');
    // rep1's pipeline gets deals of its own whatever the demo data holds.
    const account = await api<{ id: string }>('POST', '/api/records/account', { name: 'Dashboard Test Co' });
    for (const [name, amount] of [['Dashboard deal one', 12_345.5], ['Dashboard deal two', 1_000]] as const) {
      await api('POST', '/api/records/opportunity', { name, account: account.id, amount, closeDate: '2027-02-01' });
    }
    page = await harness.newPage();
    await harness.login(page, 'rep1');
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('draws each report the rep may run as its chart', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();
    const reports = (await api<{ data: Array<{ name: string; label: string; chart: string }> }>('GET', '/api/reports')).data;
    expect(reports.length).toBeGreaterThan(0);
    const pipeline = page.getByRole('region', { name: 'Pipeline by stage' });
    await pipeline.locator('.recharts-bar-rectangle').first().waitFor();
    for (const report of reports) await page.getByRole('region', { name: report.label }).waitFor();
    expect(await harness.accessibilityViolations(page)).toEqual([]);
    await harness.screenshot(page, 'dashboard');
  });

  it('opens the list of a bar\'s records on a click (the stage of that bar, within the report\'s filters)', async () => {
    const result = await api<ReportAnswer>('GET', '/api/reports/pipelineByStage');
    const firstStage = String(result.rows[0]?.stage);
    const label = result.columns.find((column) => column.name === 'stage')?.options?.find((option) => option.value === firstStage)?.label ?? '?';
    await page.getByRole('region', { name: 'Pipeline by stage' }).locator('.recharts-bar-rectangle').first().click();
    await page.waitForURL(/\/records\/opportunity\?/);
    const filters = JSON.parse(new URL(page.url()).searchParams.get('f') ?? '[]') as Array<{ field: string; op: string; value: unknown }>;
    expect(filters).toContainEqual({ field: 'stage', op: 'eq', value: firstStage });
    // The report's own filter (open stages only) comes along.
    expect(filters).toContainEqual({ field: 'stage', op: 'in', value: ['prospecting', 'qualification', 'proposal', 'negotiation'] });
    const table = page.getByRole('table');
    await table.getByRole('row').nth(1).waitFor();
    const expected = await api<{ total: number }>('GET', `/api/records/opportunity?filter=${encodeURIComponent(JSON.stringify(filters))}&pageSize=1`);
    expect(await table.locator('tbody tr').count()).toBe(Math.min(expected.total, 50));
    expect(await table.locator('tbody tr', { hasNotText: label }).count()).toBe(0);
    await harness.screenshot(page, 'dashboard-drill-list');
  });

  it('shows a report in 简体中文 with Chinese labels and locale-formatted figures, and links each row to its records', async () => {
    await page.goto(`${harness.url}/dashboards/pipelineByStage`);
    await page.getByRole('heading', { name: 'Pipeline by stage' }).waitFor();
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('heading', { name: '按阶段的销售管道' }).waitFor();
    const result = await api<ReportAnswer>('GET', '/api/reports/pipelineByStage?locale=zh-CN');
    const amount = result.rows.reduce((sum, row) => sum + (typeof row.amount === 'number' ? row.amount : 0), 0);
    expect(amount).toBeGreaterThanOrEqual(13_345.5);
    // The table is drawn again in the new language: wait for its Chinese row links first.
    await page.getByRole('link', { name: /^显示 .+ 的记录$/ }).first().waitFor();
    const cells = await page.locator('.report-table tbody td.numeric').allTextContents();
    const firstAmount = result.rows[0]?.amount;
    expect(cells).toContain(new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(typeof firstAmount === 'number' ? firstAmount : Number.NaN));
    expect(await page.getByRole('link', { name: /^显示 .+ 的记录$/ }).count()).toBe(result.rows.length);
    expect(await harness.accessibilityViolations(page)).toEqual([]);
    await harness.screenshot(page, 'report-zh');
    await page.getByRole('button', { name: 'English' }).click();
  });
});
