// Working records in a real browser as a sales rep: create an opportunity through its generated
// form (a validation error fixed on the way), find it in the filtered list and save that view,
// open its record page, fire a transition and see it on the timeline, then switch to 简体中文 and
// see the metadata's Chinese labels. Every screen is checked with axe-core and photographed.
import type { Page } from 'playwright-core';
import { describeBrowser, startBrowserHarness, type BrowserHarness } from './browser-harness';

jest.setTimeout(240_000);

const DEAL = `Browser Test Deal ${Date.now().toString(36)}`;

describeBrowser('records in the web app (Chromium)', () => {
  let harness: BrowserHarness;
  let page: Page;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    page = await harness.newPage();
    await harness.login(page, 'rep1');
  });
  afterAll(async () => {
    await harness?.close();
  });

  const expectAccessible = async (screen: string) => {
    const violations = await harness.accessibilityViolations(page);
    expect([screen, violations]).toEqual([screen, []]);
  };

  it('creates an opportunity through the generated form, fixing a validation error on the way', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Opportunities', exact: true }).click();
    await page.getByRole('link', { name: 'New', exact: true }).click();
    await page.getByRole('heading', { name: 'New Opportunity' }).waitFor();
    // Read-only for reps by their permission set: shown, not editable.
    expect(await page.getByLabel('Probability').getAttribute('readonly')).not.toBeNull();

    await page.getByRole('button', { name: 'Save' }).click();
    // RJSF names fields root_<field>; the error sits under the field and describes its input.
    const nameError = page.locator('#root_name__error');
    await expect(nameError.textContent()).resolves.toBe('Fill this in.');
    expect(await page.getByRole('textbox', { name: 'Name', exact: true }).getAttribute('aria-describedby')).toContain('root_name__error');
    await expectAccessible('form with errors');
    await harness.screenshot(page, 'form-errors');

    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(DEAL);
    await page.getByRole('combobox', { name: 'Account' }).fill('a');
    await page.getByRole('option').first().click();
    await page.getByRole('combobox', { name: 'Primary contact' }).fill('a');
    await page.getByRole('option').first().click();
    await page.getByLabel('Amount').fill('125000');
    await page.getByLabel('Close date').fill('2027-03-31');
    await expect(nameError.count()).resolves.toBe(0);
    await harness.screenshot(page, 'form-filled');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: DEAL, level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/records\/opportunity\/[0-9a-f-]{36}$/);
  });

  it('finds the new opportunity in the list filtered by name, sorts by a header and keeps the view on the server', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Opportunities', exact: true }).click();
    await page.getByRole('table').waitFor();
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByRole('searchbox', { name: 'Name' }).fill(DEAL);
    await page.getByRole('link', { name: DEAL, exact: true }).waitFor();
    await expect(page.getByText('Total: 1').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Amount' }).click();
    await page.locator('th[aria-sort="ascending"]', { hasText: 'Amount' }).waitFor();
    expect(new URL(page.url()).searchParams.get('sort')).toBe('amount');
    // The header turns at once; the rows dim (aria-busy) until the sorted page arrives.
    await page.locator('.table-wrap[aria-busy="false"]').waitFor();
    await expectAccessible('list');
    await harness.screenshot(page, 'list-filtered');

    await page.getByRole('button', { name: 'Save as new view' }).click();
    await page.getByLabel('View name').fill('My browser deal');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('View "My browser deal" saved.').waitFor();
    // Saved views live on the server, per user.
    const token = await harness.token('rep1');
    const views = (await (await fetch(`${harness.url}/api/views?entity=opportunity`, { headers: { authorization: `Bearer ${token}` } })).json()) as { data: Array<{ name: string; definition: { filters: Array<{ field: string; value: unknown }> } }> };
    expect(views.data.map((view) => view.name)).toEqual(['My browser deal']);
    expect(views.data[0]?.definition.filters).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'name', value: DEAL })]));
  });

  it('opens the record page, fires a transition and sees it on the timeline', async () => {
    await page.getByRole('link', { name: DEAL, exact: true }).click();
    await page.getByRole('heading', { name: DEAL, level: 1 }).waitFor();
    const path = page.getByRole('list').filter({ has: page.locator('.process-path__step') });
    await expect(path.locator('[aria-current="step"]').textContent()).resolves.toMatch(/^Prospecting/);
    await expect(page.getByText('Confirm the account has a need').isVisible()).resolves.toBe(true);
    const lose = page.getByRole('button', { name: 'Mark lost' });
    expect(await lose.isDisabled()).toBe(true);
    await expect(page.getByText('Lost reason is required to enter Closed lost').isVisible()).resolves.toBe(true);
    await expectAccessible('record');
    await harness.screenshot(page, 'record');

    await page.getByRole('button', { name: 'Qualify' }).click();
    await page.getByText('Moved to Qualification.').waitFor();
    await path.locator('[aria-current="step"]', { hasText: 'Qualification' }).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('rep1 moved it to Qualification').waitFor();
    await expect(timeline.getByText('created this record').isVisible()).resolves.toBe(true);
    await harness.screenshot(page, 'record-moved');
  });

  it('logs meetings against the deal from its related list: a conditional field appears, the server\'s overlap lands on its field and is kept on purpose, and both show on the timeline', async () => {
    const dealUrl = page.url();
    const newMeeting = async (subject: string) => {
      await page.getByRole('link', { name: 'New: Activity' }).click();
      await page.getByRole('heading', { name: 'New Activity' }).waitFor();
      // Prefilled from the deal it was started from.
      await page.getByRole('combobox', { name: 'Opportunity' }).and(page.locator(`[value="${DEAL}"]`)).waitFor();
      await page.getByRole('textbox', { name: 'Subject', exact: true }).fill(subject);
      expect(await page.getByLabel('Start').count()).toBe(0);
      await page.getByLabel('Type').selectOption('meeting');
      await page.getByLabel('Start').fill('2027-06-01T09:00');
      await page.getByLabel('End').fill('2027-06-01T10:00');
      await page.getByRole('button', { name: 'Save' }).click();
    };
    await newMeeting('Kick-off with the buyer');
    await page.getByRole('heading', { name: 'Kick-off with the buyer', level: 1 }).waitFor();

    await page.goto(dealUrl);
    await newMeeting('Second meeting');
    await expect(page.locator('#root_startAt__error').textContent()).resolves.toMatch(/already has a meeting at this time/);
    await expectAccessible('form with a server error');
    await harness.screenshot(page, 'form-server-error');
    await page.getByRole('button', { name: 'Save anyway' }).click();
    await page.getByRole('heading', { name: 'Second meeting', level: 1 }).waitFor();

    await page.goto(dealUrl);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('link', { name: 'Kick-off with the buyer' }).waitFor();
    await expect(timeline.getByRole('link', { name: 'Second meeting' }).isVisible()).resolves.toBe(true);
    await expect(timeline.getByText('rep1 moved it to Qualification').isVisible()).resolves.toBe(true);
    await harness.screenshot(page, 'record-timeline');
  });

  it('switches to 简体中文 and shows the metadata\'s Chinese labels', async () => {
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('heading', { name: '时间线' }).waitFor();
    const path = page.getByRole('list').filter({ has: page.locator('.process-path__step') });
    await expect(path.locator('[aria-current="step"]').textContent()).resolves.toMatch(/^资格确认/);
    await expect(page.getByText('金额', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '商机', exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('region', { name: '时间线' }).getByText('rep1 推进到资格确认').isVisible()).resolves.toBe(true);
    await expectAccessible('record in Chinese');
    await harness.screenshot(page, 'record-zh');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '商机', exact: true }).click();
    await page.getByRole('columnheader', { name: /金额/ }).waitFor();
    await harness.screenshot(page, 'list-zh');
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('lets a manager reassign selected rows in bulk, and offers no selection to a rep who may not assign owners', async () => {
    const onlyTheDeal = `/records/opportunity?f=${encodeURIComponent(JSON.stringify([{ field: 'name', op: 'contains', value: DEAL }]))}`;
    await page.goto(`${harness.url}${onlyTheDeal}`);
    await page.getByRole('link', { name: DEAL, exact: true }).waitFor();
    expect(await page.getByRole('checkbox', { name: `Select ${DEAL}` }).count()).toBe(0);

    const manager = await harness.newPage();
    await harness.login(manager, 'manager');
    await manager.goto(`${harness.url}${onlyTheDeal}`);
    await manager.getByRole('checkbox', { name: `Select ${DEAL}` }).check();
    await manager.getByRole('combobox', { name: 'New owner' }).fill('Robin');
    await manager.getByRole('option', { name: 'Robin Rep' }).click();
    await manager.getByRole('button', { name: 'Apply' }).click();
    await manager.getByText('1 reassigned.').waitFor();
    await manager.getByRole('row', { name: new RegExp(DEAL) }).getByText('Robin Rep').waitFor();
    await harness.screenshot(manager, 'list-reassigned');
    expect(await harness.accessibilityViolations(manager)).toEqual([]);
  });

  it('shows edit and delete only where the rep may use them, and deletes after asking', async () => {
    const call = async (token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
      const response = await fetch(`${harness.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: response.status, body: response.status === 204 ? {} : ((await response.json()) as Record<string, unknown>) };
    };
    const rep2 = await harness.token('rep2');
    const rep1 = await harness.token('rep1');
    // Reps read every account but change only their own, and delete none; their own contacts they may delete.
    const theirs = await call(rep2, 'POST', '/api/records/account', { name: `Someone Else's Co ${Date.now().toString(36)}` });
    const mine = await call(rep1, 'POST', '/api/records/contact', { lastName: `Leaving ${Date.now().toString(36)}`, account: theirs.body.id });
    expect([theirs.status, mine.status]).toEqual([201, 201]);

    const permissionsAnswered = page.waitForResponse((response) => response.url().endsWith('/permissions'));
    await page.goto(`${harness.url}/records/account/${String(theirs.body.id)}`);
    expect((await permissionsAnswered).status()).toBe(200);
    await page.getByRole('heading', { name: String(theirs.body.name), level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete', exact: true }).count()).toBe(0);

    await page.goto(`${harness.url}/records/contact/${String(mine.body.id)}`);
    await page.getByRole('link', { name: 'Edit', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const question = page.getByRole('alertdialog');
    await question.getByText(/This cannot be undone/).waitFor();
    await expectAccessible('delete confirmation');
    await harness.screenshot(page, 'record-delete-confirm');
    // Cancel keeps it; asking again and confirming deletes it and goes back to the list.
    await question.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(/\/records\/contact$/);
    expect((await call(rep1, 'GET', `/api/records/contact/${String(mine.body.id)}`)).status).toBe(404);
  });

  it('pages a long timeline: the newest 50 entries first, older ones on request', async () => {
    const token = await harness.token('rep1');
    const call = async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
      const response = await fetch(`${harness.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect([path, response.status]).toEqual([path, method === 'POST' ? 201 : 200]);
      return (await response.json()) as Record<string, unknown>;
    };
    const contact = await call('POST', '/api/records/contact', { lastName: `Chatty ${Date.now().toString(36)}` });
    for (let edit = 1; edit <= 59; edit += 1) await call('PATCH', `/api/records/contact/${String(contact.id)}`, { title: `Title ${edit}` });
    await page.goto(`${harness.url}/records/contact/${String(contact.id)}`);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const entries = timeline.locator('.timeline__item');
    await timeline.getByRole('button', { name: 'Show older' }).waitFor();
    expect(await entries.count()).toBe(50);
    await expect(timeline.getByText(/Title 59/).first().isVisible()).resolves.toBe(true);
    await timeline.getByRole('button', { name: 'Show older' }).scrollIntoViewIfNeeded();
    await harness.screenshot(page, 'timeline-paged');
    await timeline.getByRole('button', { name: 'Show older' }).click();
    await timeline.getByText('created this record').waitFor();
    expect(await entries.count()).toBe(60);
    expect(await timeline.getByRole('button', { name: 'Show older' }).count()).toBe(0);
  });
});
