// Importing a spreadsheet in a real browser as a sales manager: the list offers Import (a rep, who
// may not import leads, is not offered it), the file's columns are matched to fields by their
// labels, a bad row refuses the whole file with the row and field named, and the fixed file is
// checked and imported. Checked with axe-core and photographed.
import type { Page } from 'playwright-core';
import { describeBrowser, startBrowserHarness, type BrowserHarness } from './browser-harness';

jest.setTimeout(180_000);

const STAMP = Date.now().toString(36);

function csvFile(rows: string[][]): { name: string; mimeType: string; buffer: Buffer } {
  const text = rows.map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')).join('\r\n');
  return { name: 'trade-show-leads.csv', mimeType: 'text/csv', buffer: Buffer.from(`${text}\r\n`, 'utf8') };
}

describeBrowser('importing records in the web app (Chromium)', () => {
  let harness: BrowserHarness;
  let page: Page;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    page = await harness.newPage();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('offers Import only to those who may import', async () => {
    await harness.login(page, 'rep1');
    await page.goto(`${harness.url}/records/lead`);
    await page.getByRole('link', { name: 'New', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Import', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  it('matches the columns, refuses a file with a bad row naming it, then imports the fixed file', async () => {
    await harness.login(page, 'manager');
    await page.goto(`${harness.url}/records/lead`);
    await page.getByRole('link', { name: 'Export CSV', exact: true }).waitFor();
    await harness.screenshot(page, 'list-import-export');
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import Leads', level: 1 }).waitFor();
    const header = ['Last name', 'Company', 'E-mail', 'Booth notes'];
    const good = [`Ng`, `Harbour Freight ${STAMP}`, `ng.${STAMP}@example.com`, 'Met at booth 12'];
    await page.setInputFiles('#import-file', csvFile([header, good, ['Ode', `Summit Labs ${STAMP}`, 'not-an-email', '']]));
    await page.getByText(/2 rows, 4 columns in trade-show-leads\.csv/).waitFor();
    const matched = await Promise.all(header.map((column) => page.getByLabel(`Field for the column ${column}`).inputValue()));
    expect(matched).toEqual(['lastName', 'company', 'email', '']);
    // The notes are worth keeping: into the description.
    await page.getByLabel('Field for the column Booth notes').selectOption('description');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('alert').getByText(/1 of 2 rows cannot be imported/).waitFor();
    const problem = page.locator('.import-problems tbody tr');
    expect(await problem.count()).toBe(1);
    expect(await problem.locator('td').nth(0).textContent()).toBe('3');
    expect(await problem.locator('td').nth(1).textContent()).toBe('E-mail');
    expect(await harness.accessibilityViolations(page)).toEqual([]);
    await harness.screenshot(page, 'import-refused');

    await page.setInputFiles('#import-file', csvFile([header, good, ['Ode', `Summit Labs ${STAMP}`, `ode.${STAMP}@example.com`, '']]));
    await page.getByLabel('Field for the column Booth notes').selectOption('description');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText('All 2 rows can be imported.').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported: 2 created, 0 updated.').waitFor();
    expect(await harness.accessibilityViolations(page)).toEqual([]);
    await harness.screenshot(page, 'import-done');

    const token = await harness.token('manager');
    const response = await fetch(`${harness.url}/api/records/lead?q=${encodeURIComponent(STAMP)}&fields=lastName,company,email,description`, { headers: { authorization: `Bearer ${token}` } });
    const leads = ((await response.json()) as { data: Array<Record<string, unknown>> }).data;
    expect(leads.map((lead) => [lead.lastName, lead.description]).sort()).toEqual([['Ng', 'Met at booth 12'], ['Ode', null]]);
  });
});
