// The studio's data model in a real browser, as an administrator who never sees JSON: create an
// entity with text, picklist (with a colour), currency, date, reference and formula fields; publish
// it and see the API take its records at once (no restart); rename a field (the formula that used
// it shows its problem on its row until fixed) and widen another, with a plan that needs no
// confirmation and keeps the data; roll back one version with its plan shown first; see it on the
// entity diagram. Bad names are
// refused where typed. Every screen is checked with axe-core and photographed in both languages.
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, describeBrowser, startBrowserHarness, type BrowserHarness } from './browser-harness';

jest.setTimeout(300_000);

describeBrowser('studio: data model (Chromium)', () => {
  let harness: BrowserHarness;
  let page: Page;
  let token: string;
  let recordId: string;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    page = await harness.newPage();
    await harness.login(page, 'admin', ADMIN_PASSWORD);
    token = await harness.token('admin', ADMIN_PASSWORD);
    await page.goto(`${harness.url}/studio`);
    await page.getByRole('heading', { name: 'Entities', level: 1 }).waitFor();
  });
  afterAll(async () => {
    await harness?.close();
  });

  const api = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await fetch(`${harness.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const expectAccessible = async (screen: string) => {
    const violations = await harness.accessibilityViolations(page);
    expect([screen, violations]).toEqual([screen, []]);
  };
  const draftSaved = () => page.getByRole('status').filter({ hasText: /Draft saved/ }).waitFor();

  async function addField(type: string, name: string, english: string, chinese: string, configure?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<void> {
    await page.locator('#new-field-type').selectOption(type);
    await page.getByRole('button', { name: 'Add field' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#field-label-en').fill(english);
    await dialog.locator('#field-label-zh-CN').fill(chinese);
    await dialog.locator('#field-name').fill(name);
    await configure?.(dialog);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name, exact: true }).waitFor();
  }

  /** Publishes the draft through the dialog, checking its plan; resolves when version `expected` is live. */
  async function publish(expected: number, expectSteps: RegExp[]): Promise<void> {
    await draftSaved();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish the draft' });
    await dialog.locator('.plan, p.muted').first().waitFor();
    const plan = await dialog.locator('.plan').textContent();
    for (const step of expectSteps) expect(plan).toMatch(step);
    expect(plan).not.toContain('needs confirmation');
    await expectAccessible('publish dialog');
    await harness.screenshot(page, 'studio-publish');
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    await page.getByRole('status').filter({ hasText: `Published version ${expected}.` }).waitFor();
    const versions = await api('GET', '/api/metadata/versions');
    expect(versions.body.live).toBe(expected);
  }

  it('is offered to administrators only: a rep gets the app\'s "no such page"', async () => {
    const rep = await harness.newPage();
    await harness.login(rep, 'rep1');
    await rep.goto(`${harness.url}/studio`);
    await rep.getByRole('heading', { name: 'There is no such page.' }).waitFor();
    await expectAccessible('entities');
    await harness.screenshot(page, 'studio-entities');
  });

  it('refuses an invalid entity name and a duplicate one where they are typed, changing nothing', async () => {
    await page.getByRole('button', { name: 'New entity' }).click();
    const dialog = page.getByRole('dialog', { name: 'New entity' });
    await dialog.locator('#entity-name').fill('Service contract');
    await dialog.getByRole('button', { name: 'Create entity' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toMatch(/camelCase/);
    await dialog.locator('#entity-name').fill('account');
    await dialog.getByRole('button', { name: 'Create entity' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toMatch(/already named "account"/);
    await expectAccessible('new entity dialog with an error');
    await harness.screenshot(page, 'studio-new-entity-error');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    // A field named like another of its entity is refused in the panel.
    await page.getByRole('link', { name: 'Account', exact: true }).click();
    await page.locator('#new-field-type').selectOption('string');
    await page.getByRole('button', { name: 'Add field' }).click();
    const panel = page.getByRole('dialog');
    await panel.locator('#field-label-en').fill('Another name');
    await panel.locator('#field-name').fill('name');
    await panel.getByRole('button', { name: 'Apply' }).click();
    await expect(panel.getByRole('alert').textContent()).resolves.toBe('Another field of this entity is already named "name".');
    expect(await panel.locator('#field-name').getAttribute('aria-invalid')).toBe('true');
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/No unpublished changes/);
    await page.getByRole('link', { name: 'All entities' }).click();
  });

  it('creates an entity with six fields of different types, publishes it, and the API takes its records at once', async () => {
    await page.getByRole('button', { name: 'New entity' }).click();
    const dialog = page.getByRole('dialog', { name: 'New entity' });
    await dialog.locator('#entity-name').fill('serviceContract');
    await dialog.locator('#entity-label-en').fill('Service contract');
    await dialog.locator('#entity-label-zh-CN').fill('服务合同');
    await dialog.locator('#entity-plural-en').fill('Service contracts');
    await dialog.locator('#entity-plural-zh-CN').fill('服务合同');
    await dialog.getByRole('button', { name: 'Create entity' }).click();
    await page.getByRole('heading', { name: 'Service contract', level: 1 }).waitFor();

    await addField('enum', 'status', 'Status', '状态', async (panel) => {
      await panel.getByLabel(/^Value/).fill('active');
      await panel.locator('[id$="options_0_label-en"]').fill('Active');
      await panel.locator('[id$="options_0_label-zh-CN"]').fill('生效');
      await panel.getByLabel('Colour').fill('#2f80ed');
    });
    await addField('currency', 'contractValue', 'Contract value', '合同金额');
    await addField('date', 'startDate', 'Start date', '开始日期');
    await addField('reference', 'account', 'Account', '客户', (panel) => panel.getByLabel(/^Entity/).selectOption('account').then(() => undefined));
    await addField('formula', 'doubleValue', 'Double value', '双倍金额', (panel) => panel.getByLabel('Expression').fill('contractValue * 2'));
    await addField('text', 'notes', 'Notes', '备注');
    await expectAccessible('entity editor');
    await harness.screenshot(page, 'studio-entity-editor');

    // The field panel, generated from core's meta-schema.
    await page.getByRole('button', { name: 'Edit Status' }).click();
    await page.getByRole('dialog').getByLabel('Colour').waitFor();
    await expectAccessible('field panel');
    await harness.screenshot(page, 'studio-field-panel');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    await publish(2, [/Create table service_contract/]);
    const accounts = await api('GET', '/api/records/account?pageSize=1');
    const accountId = String((accounts.body.data as Array<{ id: string }>)[0]?.id);
    const created = await api('POST', '/api/records/serviceContract', { name: 'SC-1', status: 'active', contractValue: 1000, startDate: '2027-01-01', account: accountId, notes: 'first' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'SC-1', status: 'active', contractValue: 1000, doubleValue: 2000, account: accountId });
    recordId = String(created.body.id);
    const refused = await api('POST', '/api/records/serviceContract', { name: 'SC-2', status: 'unheard-of' });
    expect([refused.status, (refused.body.error as { details: Array<{ path: string }> }).details[0]?.path]).toEqual([422, '/status']);
  });

  it('renames a field and widens another with a plan that needs no confirmation, keeping the data', async () => {
    await page.getByRole('button', { name: 'Edit Contract value' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#field-name').fill('annualValue');
    await dialog.getByText('Renamed from "contractValue"').waitFor();
    await dialog.getByRole('button', { name: 'Apply' }).click();
    // The formula still names the old field: its row says so, and Publish waits for the fix.
    const formulaRow = page.getByRole('row').filter({ hasText: 'doubleValue' });
    await formulaRow.locator('.inline-error').waitFor();
    await expect(page.getByRole('button', { name: 'Publish', exact: true }).isDisabled()).resolves.toBe(true);
    await harness.screenshot(page, 'studio-field-problem');
    await page.getByRole('button', { name: 'Edit Double value' }).click();
    await page.getByRole('dialog').getByLabel('Expression').fill('annualValue * 2');
    await page.getByRole('dialog').getByRole('button', { name: 'Apply' }).click();
    await formulaRow.locator('.inline-error').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Edit Name' }).click();
    await page.getByRole('dialog').getByLabel('Longest text').fill('500');
    // The planner's verdict, before anything is applied.
    const verdict = page.getByRole('dialog').locator('.verdict');
    await verdict.filter({ hasText: 'Safe: the planner will' }).waitFor();
    await expect(verdict.textContent()).resolves.toMatch(/Widen column service_contract\.name: varchar\(255\) → varchar\(500\)/);
    await page.getByRole('dialog').getByRole('button', { name: 'Apply' }).click();

    await page.getByRole('link', { name: 'Changes' }).click();
    await page.getByRole('heading', { name: 'Changes against the live version' }).waitFor();
    await expect(page.locator('.changes').textContent()).resolves.toContain('contractValue → annualValue');
    await expectAccessible('changes');
    await harness.screenshot(page, 'studio-changes');

    await publish(3, [/Rename column service_contract\.contract_value → annual_value/, /Widen column service_contract\.name/]);
    const record = await api('GET', `/api/records/serviceContract/${recordId}`);
    expect(record.body).toMatchObject({ name: 'SC-1', annualValue: 1000, doubleValue: 2000, notes: 'first' });
    expect((await api('POST', '/api/records/serviceContract', { name: 'x'.repeat(400) })).status).toBe(201);
    // A name that long would not fit the column a rollback narrows back to: it goes before the rollback.
    const long = (await api('GET', '/api/records/serviceContract?pageSize=10')).body.data as Array<{ id: string; name: string }>;
    for (const record of long.filter((candidate) => candidate.name.length > 255)) await fetch(`${harness.url}/api/records/serviceContract/${record.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
  });

  it('shows a type change the planner refuses, with its advice, and applies nothing', async () => {
    await page.getByRole('link', { name: 'Data model' }).click();
    await page.getByRole('link', { name: 'Service contract', exact: true }).click();
    await page.getByRole('button', { name: 'Edit Start date' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#field-type').selectOption('integer');
    await dialog.locator('.verdict').filter({ hasText: 'The planner refuses this change' }).waitFor();
    await expect(dialog.locator('.verdict').textContent()).resolves.toMatch(/Add a new field with the new type instead/);
    await expect(dialog.getByRole('button', { name: 'Apply' }).isDisabled()).resolves.toBe(true);
    await expectAccessible('refused type change');
    await harness.screenshot(page, 'studio-type-change-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'startDate' }).textContent()).resolves.toContain('Date');
    await expect(page.getByRole('status').first().textContent()).resolves.toMatch(/No unpublished changes/);
  });

  it('rolls back one version with its plan shown first, and the data follows', async () => {
    await page.getByRole('link', { name: 'Versions' }).click();
    await page.getByRole('heading', { name: 'Versions', level: 1 }).waitFor();
    await expectAccessible('versions');
    await harness.screenshot(page, 'studio-versions');
    await page.getByRole('button', { name: 'Roll back to this 2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Roll back to version 2' });
    await dialog.locator('.plan').waitFor();
    await expect(dialog.locator('.plan').textContent()).resolves.toMatch(/Rename column service_contract\.annual_value → contract_value/);
    await harness.screenshot(page, 'studio-rollback');
    // Narrowing the name back to 255 characters is a step that needs confirmation.
    await expect(dialog.locator('.plan').textContent()).resolves.toMatch(/Narrow column service_contract\.name/);
    await dialog.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: 'Roll back now' }).click();
    await page.getByRole('status').filter({ hasText: /Rolled back: version 4 is live/ }).waitFor();
    const record = await api('GET', `/api/records/serviceContract/${recordId}`);
    expect(record.body).toMatchObject({ name: 'SC-1', contractValue: 1000, doubleValue: 2000 });
  });

  it('draws every entity and reference on the diagram, and opens an entity from it', async () => {
    await page.getByRole('link', { name: 'Diagram' }).click();
    await page.getByRole('heading', { name: 'Entity diagram' }).waitFor();
    await page.locator('.react-flow__node').first().waitFor();
    // The SFA pack's 14 entities (identity included) and the new one; an edge per reference.
    expect(await page.locator('.react-flow__node').count()).toBe(15);
    await page.locator('[aria-label="Service contract refers to Account through Account"]').waitFor({ state: 'attached' });
    await expectAccessible('diagram');
    await harness.screenshot(page, 'studio-diagram');
    await page.locator('.react-flow__node[data-id="serviceContract"]').click();
    await page.getByRole('heading', { name: 'Service contract', level: 1 }).waitFor();
  });

  it('speaks 简体中文 on every screen, without accessibility violations', async () => {
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('link', { name: '数据模型' }).click();
    await page.getByRole('heading', { name: '实体', level: 1 }).waitFor();
    await page.getByRole('link', { name: '服务合同' }).waitFor();
    await expectAccessible('entities in Chinese');
    await harness.screenshot(page, 'studio-entities-zh');
    await page.getByRole('link', { name: '服务合同' }).click();
    await page.getByRole('heading', { name: '服务合同', level: 1 }).waitFor();
    await expectAccessible('entity editor in Chinese');
    await harness.screenshot(page, 'studio-entity-editor-zh');
    await page.getByRole('button', { name: '编辑 状态' }).click();
    await page.getByRole('dialog').getByText('颜色').first().waitFor();
    await harness.screenshot(page, 'studio-field-panel-zh');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await page.getByLabel('语言').selectOption('en');
  });
});
