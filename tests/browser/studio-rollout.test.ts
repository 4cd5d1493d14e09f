// A CRM rollout step done in the studio alone, end to end, as the administrator does it:
// a new entity with text, picklist, currency, date, reference and formula fields, related to accounts
// one-to-many with its delete rule; a form layout
// with a second section shown only by a rule, a list layout and a board; sales reps given access
// in the permission matrix; one publish — then a sales rep creates and lists such records in the
// app, without a restart.
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, describeBrowser, startBrowserHarness, type BrowserHarness } from './browser-harness';

jest.setTimeout(300_000);

describeBrowser('a rollout step in the studio, used at once by a rep (Chromium)', () => {
  let harness: BrowserHarness;
  let studio: Page;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    studio = await harness.newPage();
    await harness.login(studio, 'admin', ADMIN_PASSWORD);
    await studio.goto(`${harness.url}/studio`);
    await studio.getByRole('heading', { name: 'Entities', level: 1 }).waitFor();
  });
  afterAll(async () => {
    await harness?.close();
  });

  const sections = () => studio.getByRole('navigation', { name: 'Studio sections' });

  async function addField(type: string, name: string, english: string, configure?: () => Promise<void>): Promise<void> {
    await studio.locator('#new-field-type').selectOption(type);
    await studio.getByRole('button', { name: 'Add field' }).click();
    const dialog = studio.getByRole('dialog');
    await dialog.locator('#field-label-en').fill(english);
    await dialog.locator('#field-label-zh-CN').fill(`${english}（中文）`);
    await dialog.locator('#field-name').fill(name);
    await configure?.();
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  it('models a maintenance contract with six kinds of field', async () => {
    await studio.getByRole('button', { name: 'New entity' }).click();
    const dialog = studio.getByRole('dialog', { name: 'New entity' });
    await dialog.locator('#entity-name').fill('maintenanceContract');
    await dialog.locator('#entity-label-en').fill('Maintenance contract');
    await dialog.locator('#entity-label-zh-CN').fill('维护合同');
    await dialog.locator('#entity-plural-en').fill('Maintenance contracts');
    await dialog.locator('#entity-plural-zh-CN').fill('维护合同');
    await dialog.getByRole('button', { name: 'Create entity' }).click();
    await studio.getByRole('heading', { name: 'Maintenance contract', level: 1 }).waitFor();
    const panel = studio.getByRole('dialog');
    await addField('enum', 'status', 'Status', async () => {
      await panel.getByLabel(/^Value/).fill('active');
      await panel.locator('[id$="options_0_label-en"]').fill('Active');
      await panel.getByLabel('Colour').fill('#1e7e4a');
    });
    await addField('currency', 'fee', 'Annual fee');
    await addField('date', 'renewalDate', 'Renewal date');
    await addField('reference', 'account', 'Account', () => panel.getByLabel(/^Entity/).selectOption('account').then(() => undefined));
    await addField('formula', 'monthlyFee', 'Monthly fee', () => panel.getByLabel('Expression').fill('fee / 12'));
    await addField('text', 'scope', 'Scope of work');
    await studio.getByRole('cell', { name: 'scope', exact: true }).waitFor();
  });

  it('relates accounts to their contracts (one-to-many), clearing the reference when an account goes', async () => {
    await sections().getByRole('link', { name: 'Data model' }).click();
    await studio.getByRole('link', { name: 'Account', exact: true }).click();
    await studio.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
    await studio.getByRole('button', { name: 'Add relation' }).click();
    const dialog = studio.getByRole('dialog', { name: 'New relation' });
    await dialog.getByLabel('Kind').selectOption('hasMany');
    await dialog.locator('#relation-label-en').fill('Maintenance contracts');
    await dialog.locator('#relation-label-zh-CN').fill('维护合同');
    await dialog.getByLabel('Name', { exact: true }).fill('maintenanceContracts');
    await dialog.getByLabel('Related entity').selectOption('maintenanceContract');
    await dialog.getByLabel('Its reference field').selectOption('account');
    await dialog.getByLabel('When this record is deleted').selectOption('setNull');
    await expect(harness.accessibilityViolations(studio)).resolves.toEqual([]);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await studio.getByRole('region', { name: 'Relations' }).getByRole('cell', { name: 'maintenanceContracts', exact: true }).waitFor();
    await harness.screenshot(studio, 'studio-relations');
  });

  it('lays out its form (a second section shown by a rule), its list and its board', async () => {
    await sections().getByRole('link', { name: 'Layouts' }).click();
    await studio.getByRole('heading', { name: 'Layouts', level: 1 }).waitFor();
    await studio.getByRole('button', { name: 'New form layout for Maintenance contract' }).click();
    await studio.getByRole('heading', { name: 'maintenanceContractForm', level: 1 }).waitFor();
    await studio.getByRole('button', { name: 'Add section' }).click();
    const section = studio.getByRole('region', { name: / section2$/ });
    await section.getByLabel('English').fill('Work');
    await section.getByLabel('简体中文').fill('工作');
    await studio.getByRole('button', { name: 'Move Scope of work down' }).click();
    await studio.getByText('Scope of work moved to Work, position 1 of 1.').waitFor();
    const rule = section.getByRole('combobox', { name: 'Show the section when' });
    await rule.fill("status == 'active'");
    await studio.keyboard.press('Escape');
    await studio.keyboard.press('Tab');
    await expect(section.getByRole('alert').count()).resolves.toBe(0);

    await studio.getByRole('link', { name: 'All layouts' }).click();
    await studio.getByRole('button', { name: 'New list layout for Maintenance contract' }).click();
    await studio.getByRole('heading', { name: 'maintenanceContractList', level: 1 }).waitFor();
    await studio.getByRole('link', { name: 'All layouts' }).click();
    await studio.getByRole('button', { name: 'New board layout for Maintenance contract' }).click();
    await studio.getByRole('heading', { name: 'maintenanceContractBoard', level: 1 }).waitFor();
    await expect(studio.getByLabel('One column per value of').inputValue()).resolves.toBe('status');
  });

  it('lets sales reps create and work their own contracts, and publishes it all at once', async () => {
    await sections().getByRole('link', { name: 'Permissions' }).click();
    await studio.getByRole('heading', { name: 'Permissions', level: 1 }).waitFor();
    await studio.getByRole('button', { name: /^Access of Sales representative \(sfaSalesRep\) to Maintenance contract/ }).click();
    const cell = studio.getByRole('dialog', { name: 'Sales representative: Maintenance contract' });
    await cell.getByLabel('Create', { exact: true }).selectOption({ label: 'Yes' });
    await cell.getByLabel('Read', { exact: true }).selectOption({ label: 'Own records' });
    await cell.getByLabel('Edit', { exact: true }).selectOption({ label: 'Own records' });
    await cell.getByRole('button', { name: 'Done' }).click();

    await studio.getByText(/Draft saved/).waitFor();
    await studio.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = studio.getByRole('dialog', { name: 'Publish the draft' });
    await expect(dialog.locator('.plan').textContent()).resolves.toMatch(/Create table maintenance_contract/);
    await dialog.getByLabel('What changed (shown in the history)').fill('Maintenance contracts for sales');
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    await studio.getByText(/Published version \d+/).waitFor();
    const token = await harness.token('admin', ADMIN_PASSWORD);
    const entity = async (name: string) => (await (await fetch(`${harness.url}/api/metadata/entities/${name}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { relations?: Array<{ name: string }>; fields: Array<{ name: string; onDelete?: string }> };
    expect((await entity('account')).relations?.map((relation) => relation.name)).toContain('maintenanceContracts');
    expect((await entity('maintenanceContract')).fields.find((field) => field.name === 'account')?.onDelete).toBe('setNull');
  });

  it('is used by a sales rep at once: a new contract through the generated form, then the list and the board', async () => {
    const rep = await harness.newPage();
    await harness.login(rep, 'rep1');
    await rep.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Maintenance contracts', exact: true }).click();
    await rep.getByRole('link', { name: 'New', exact: true }).click();
    await rep.getByRole('textbox', { name: 'Name', exact: true }).waitFor();
    await expect(rep.getByRole('group', { name: 'Work' }).count()).resolves.toBe(0);
    await rep.getByRole('textbox', { name: 'Name', exact: true }).fill('Hosting upkeep 2027');
    await rep.getByLabel('Status').selectOption('active');
    await rep.getByRole('group', { name: 'Work' }).getByLabel('Scope of work').fill('Patching and backups');
    await rep.getByLabel('Annual fee').fill('1200');
    await rep.getByLabel('Renewal date').fill('2027-06-30');
    await harness.screenshot(rep, 'rollout-rep-form');
    await rep.getByRole('button', { name: 'Save' }).click();
    await rep.getByRole('heading', { name: 'Hosting upkeep 2027', level: 1 }).waitFor();
    const token = await harness.token('rep1');
    const stored = (await (await fetch(`${harness.url}/api/records/maintenanceContract?filter[name]=${encodeURIComponent('Hosting upkeep 2027')}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { data: Array<Record<string, unknown>> };
    expect(stored.data).toEqual([expect.objectContaining({ status: 'active', fee: 1200, monthlyFee: 100, renewalDate: '2027-06-30', scope: 'Patching and backups' })]);
    await harness.screenshot(rep, 'rollout-rep-record');

    await rep.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Maintenance contracts', exact: true }).click();
    await rep.getByRole('link', { name: 'Hosting upkeep 2027', exact: true }).waitFor();
    expect(await harness.accessibilityViolations(rep)).toEqual([]);
    await harness.screenshot(rep, 'rollout-rep-list');
    await rep.goto(`${harness.url}/boards/maintenanceContractBoard`);
    await rep.locator('.board-card', { hasText: 'Hosting upkeep 2027' }).waitFor();
  });
});
