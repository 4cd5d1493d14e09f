// The studio's Layouts section in a real browser, as an administrator using the UI only: on the
// SFA account form, add a section, move a field into it by keyboard, give the section a
// visibleWhen rule in the expression editor (a parse error first, then the right rule tried on a
// sample record and in the live preview), add a column to the account list, publish — and then,
// as a sales rep in the app, see the section appear only while the rule holds and the new column
// in the list. Every studio screen is checked with axe-core and photographed in both languages.
import type { Locator, Page } from 'playwright-core';
import { ADMIN_PASSWORD, describeBrowser, startBrowserHarness, type BrowserHarness } from './browser-harness';

jest.setTimeout(300_000);

describeBrowser('the studio Layouts section (Chromium)', () => {
  let harness: BrowserHarness;
  let page: Page;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    page = await harness.newPage();
    await harness.login(page, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await harness?.close();
  });

  const expectAccessible = async (screen: string) => {
    const violations = await harness.accessibilityViolations(page);
    expect([screen, violations]).toEqual([screen, []]);
  };
  const status = (scope: Page | Locator = page) => scope.locator('p[role="status"][aria-live="polite"]');
  const setLanguage = async (language: 'English' | '简体中文') => {
    await page.getByLabel(/^(Language|语言)$/).selectOption({ label: language });
  };
  /** Photographs the screen in English and in 简体中文, back in English afterwards. */
  const photograph = async (name: string, englishHeading: string, chineseHeading: string) => {
    await harness.screenshot(page, `studio-${name}-en`);
    await setLanguage('简体中文');
    await page.getByRole('heading', { name: chineseHeading, level: 1 }).waitFor();
    await expectAccessible(`${name} in 简体中文`);
    await harness.screenshot(page, `studio-${name}-zh`);
    await setLanguage('English');
    await page.getByRole('heading', { name: englishHeading, level: 1 }).waitFor();
  };

  it('lists the layouts by entity and kind', async () => {
    await page.goto(`${harness.url}/studio/layouts`);
    await page.getByRole('heading', { name: 'Layouts', level: 1 }).waitFor();
    const accountRow = page.getByRole('row', { name: /^Account account/ });
    await accountRow.getByRole('link', { name: 'accountForm' }).waitFor();
    await accountRow.getByRole('link', { name: 'accountList' }).waitFor();
    await expect(accountRow.getByRole('button', { name: 'New board layout for Account' }).isVisible()).resolves.toBe(true);
    await expectAccessible('layout list');
    await photograph('layouts', 'Layouts', '布局');
  });

  it('adds a section to the account form and moves a field into it by keyboard', async () => {
    await page.getByRole('row', { name: /^Account account/ }).getByRole('link', { name: 'accountForm' }).click();
    await page.getByRole('heading', { name: 'accountForm', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add section' }).click();
    // Named by its title and its (generated) name; the title changes as it is typed.
    const section = page.getByRole('region', { name: / section3$/ });
    await section.getByLabel('English').fill('Key account');
    await section.getByLabel('简体中文').fill('重点客户');
    await page.getByRole('heading', { name: 'Key account section3' }).waitFor();

    // Description is first of three in Details: ↓ twice to the end, once more into the new section.
    const down = page.getByRole('button', { name: 'Move Description down' });
    await down.focus();
    await page.keyboard.press('Enter');
    await expect(status().first().textContent()).resolves.toBe('Description moved to Details, position 2 of 3.');
    await page.keyboard.press('Enter');
    await page.getByText('Description moved to Details, position 3 of 3.').waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Description moved to Key account, position 1 of 1.').waitFor();
    await section.getByRole('list', { name: 'Fields of Key account' }).getByRole('button', { name: 'Details of Description' }).waitFor();
    // Focus stayed on the moved field (its ↓ is disabled at the end of the form, so on its ↑).
    await expect(page.evaluate('document.activeElement?.getAttribute("aria-label")')).resolves.toBe('Move Description up');
  });

  it('writes the section rule in the expression editor: a parse error, then the rule tried on a sample and in the preview', async () => {
    const section = page.getByRole('region', { name: / section3$/ });
    const rule = section.getByRole('combobox', { name: 'Show the section when' });
    await rule.click();
    await page.keyboard.type('tier == ');
    await section.getByRole('alert').filter({ hasText: /Expected expression/i }).waitFor();
    await harness.screenshot(page, 'studio-expression-error');

    await rule.fill('');
    await page.keyboard.type('indu');
    await section.getByRole('listbox', { name: 'Suggestions' }).getByRole('option', { name: /^industry/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type(" == 'software'");
    await expect(rule.inputValue()).resolves.toBe("industry == 'software'");
    await expect(section.getByRole('alert').count()).resolves.toBe(0);

    const sample = section.getByRole('group', { name: 'Try it on a sample record' });
    await sample.getByLabel('Industry').selectOption('software');
    await sample.getByText('Result: true').waitFor();
    await sample.getByLabel('Industry').selectOption('retail');
    await sample.getByText('Result: false').waitFor();
    await rule.press('Enter');

    // The preview is the app's own form: the section shows once the preview's industry is software.
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByRole('group', { name: 'Account' }).waitFor();
    await expect(preview.getByRole('group', { name: 'Key account' }).count()).resolves.toBe(0);
    await preview.getByLabel('Industry').selectOption('software');
    await preview.getByRole('group', { name: 'Key account' }).getByLabel('Description').waitFor();
    await preview.getByRole('button', { name: '简体中文' }).click();
    await preview.getByRole('group', { name: '重点客户' }).waitFor();
    await preview.getByRole('button', { name: 'English' }).click();

    await page.getByText(/^Draft saved/).waitFor();
    await expectAccessible('form layout editor');
    await photograph('form-layout', 'accountForm', 'accountForm');
  });

  it('gives a placed field help text in both languages in its details', async () => {
    await page.getByRole('button', { name: 'Details of Description' }).click();
    const dialog = page.getByRole('dialog', { name: 'Field "Description" on this form' });
    await dialog.getByLabel('English').fill('What makes this software account special');
    await dialog.getByLabel('简体中文').fill('此软件客户的特别之处');
    await dialog.getByRole('combobox', { name: 'Require the field when' }).waitFor();
    await expectAccessible('field details dialog');
    await harness.screenshot(page, 'studio-placement-dialog-en');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('list', { name: 'Fields of Key account' }).getByText('help text').waitFor();
  });

  it('adds a column to the account list', async () => {
    await page.getByRole('link', { name: 'All layouts' }).click();
    await page.getByRole('row', { name: /^Account account/ }).getByRole('link', { name: 'accountList' }).click();
    await page.getByRole('heading', { name: 'accountList', level: 1 }).waitFor();
    await page.getByLabel('Column', { exact: true }).selectOption('website');
    await page.getByRole('button', { name: 'Add column' }).click();
    await page.getByText('Website added as the last column.').waitFor();
    await page.getByRole('row', { name: /^8 Website website/ }).waitFor();
    await expectAccessible('list layout editor');
    await photograph('list-layout', 'accountList', 'accountList');
  });

  it('shows a board layout with its group-by field, cards and total', async () => {
    await page.getByRole('link', { name: 'All layouts' }).click();
    await page.getByRole('link', { name: 'Pipeline', exact: true }).click();
    await page.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor();
    await expect(page.getByLabel('One column per value of').inputValue()).resolves.toBe('stage');
    await expectAccessible('board layout editor');
    await photograph('board-layout', 'Pipeline', '销售管道');
  });

  it('publishes, and the app shows the section only while the rule holds and the list the new column', async () => {
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish the draft' });
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    await page.getByText(/^Published version \d+/).waitFor({ timeout: 30_000 });

    const rep = await harness.newPage();
    await harness.login(rep, 'rep1');
    await rep.goto(`${harness.url}/records/account`);
    await rep.getByRole('columnheader', { name: 'Website' }).waitFor();

    await rep.goto(`${harness.url}/records/account/new`);
    await rep.getByRole('group', { name: 'Account' }).waitFor();
    await expect(rep.getByRole('group', { name: 'Key account' }).count()).resolves.toBe(0);
    await rep.getByLabel('Industry').selectOption('software');
    await rep.getByRole('group', { name: 'Key account' }).getByLabel('Description').waitFor();
    await rep.getByText('What makes this software account special').waitFor();
    await harness.screenshot(rep, 'studio-layouts-app-form');
    await rep.getByLabel('Industry').selectOption('retail');
    await rep.getByRole('group', { name: 'Key account' }).waitFor({ state: 'detached' });
  });
});
