// People and permissions in the studio, in a real browser, as the administrator and through the
// studio's UI only: a role created under salesRep, a user with that role and a password (a bad
// username refused at its input on the way), the role granted read-only accounts with the phone
// hidden, published; then that user signs in to the app and sees accounts without the phone and
// without New or Edit; disabled in the studio, they can no longer sign in. Every new screen is
// checked with axe-core and photographed in English and Simplified Chinese.
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, describeBrowser, startBrowserHarness, type BrowserHarness } from './browser-harness';

jest.setTimeout(300_000);

const ROLE = 'fieldAuditor';
const ROLE_LABEL = 'Field auditor';
const USERNAME = 'auditor.one';
const PASSWORD = 'auditor-password-1';

describeBrowser('people and permissions in the studio (Chromium)', () => {
  let harness: BrowserHarness;
  let studio: Page;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    studio = await harness.newPage();
    await harness.login(studio, 'admin', ADMIN_PASSWORD);
    await studio.goto(`${harness.url}/studio/people/roles`);
    await studio.getByRole('heading', { name: 'Roles', level: 1 }).waitFor();
  });
  afterAll(async () => {
    await harness?.close();
  });

  const expectAccessible = async (screen: string, page: Page = studio) => {
    const violations = await harness.accessibilityViolations(page);
    expect([screen, violations]).toEqual([screen, []]);
  };
  const studioNav = () => studio.getByRole('navigation', { name: 'Studio sections' });
  const peopleTab = (name: string) => studio.getByRole('navigation', { name: 'People' }).getByRole('link', { name, exact: true });

  it('creates a role under salesRep, shown indented beneath it in the tree', async () => {
    await expectAccessible('roles');
    await harness.screenshot(studio, 'studio-roles');
    await studio.getByRole('button', { name: 'Add below salesRep' }).click();
    const dialog = studio.getByRole('dialog', { name: 'New role' });
    await expect(dialog.getByLabel('Parent role').inputValue()).resolves.not.toBe('');
    await dialog.getByLabel('Key').fill(ROLE);
    await dialog.getByLabel('Label').fill(ROLE_LABEL);
    await expectAccessible('new role dialog');
    await dialog.getByRole('button', { name: 'Create role' }).click();
    await studio.getByText(`Role "${ROLE}" saved.`).waitFor();
    const row = studio.getByRole('row', { name: new RegExp(ROLE_LABEL) });
    await expect(row.getByText('under Sales representative', { exact: false }).count()).resolves.toBe(1);
    const indentOf = async (text: string) => parseFloat(/padding-inline-start:\s*([\d.]+)rem/.exec((await studio.locator('.role-tree__label', { hasText: text }).first().getAttribute('style')) ?? '')?.[1] ?? 'NaN');
    expect(await indentOf(ROLE_LABEL)).toBeGreaterThan(await indentOf('Sales representative'));
  });

  it('creates a user with that role and a password, showing the API refusing a bad username at its input', async () => {
    await studioNav().getByRole('link', { name: 'People' }).click();
    await studio.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await studio.getByRole('table').waitFor();
    await expectAccessible('users');
    await harness.screenshot(studio, 'studio-users');

    await studio.getByRole('button', { name: 'New user' }).click();
    const dialog = studio.getByRole('dialog', { name: 'New user' });
    await dialog.getByLabel('Username').fill('Not Valid');
    await dialog.getByLabel('Display name').fill('Auditor One');
    await dialog.getByLabel('E-mail').fill('auditor.one@example.com');
    const roleOption = dialog.getByLabel('Role').locator('option', { hasText: ROLE_LABEL });
    await dialog.getByLabel('Role').selectOption(String(await roleOption.getAttribute('value')));
    await dialog.getByLabel('Initial password').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Create user' }).click();
    const usernameError = dialog.locator('#user-username-error');
    await usernameError.waitFor();
    expect(await dialog.getByLabel('Username').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByLabel('Username').getAttribute('aria-describedby')).toContain('user-username-error');
    await expectAccessible('new user dialog with an error');
    await harness.screenshot(studio, 'studio-user-error');

    await dialog.getByLabel('Username').fill(USERNAME);
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await studio.getByText(`User "${USERNAME}" created. They can sign in now.`).waitFor();
    const row = studio.getByRole('row', { name: new RegExp(USERNAME) });
    await expect(row.getByRole('cell', { name: ROLE_LABEL }).count()).resolves.toBe(1);
  });

  it('shows teams and adds the user to a new team', async () => {
    await peopleTab('Teams').click();
    await studio.getByRole('heading', { name: 'Teams', level: 1 }).waitFor();
    await studio.getByRole('table').waitFor();
    await expectAccessible('teams');
    await harness.screenshot(studio, 'studio-teams');
    await studio.getByRole('button', { name: 'New team' }).click();
    const dialog = studio.getByRole('dialog', { name: 'New team' });
    await dialog.getByLabel('Name', { exact: true }).fill('Auditors');
    await dialog.getByLabel('Manager', { exact: true }).selectOption({ label: `Auditor One (${USERNAME})` });
    await dialog.getByRole('checkbox', { name: `Auditor One (${USERNAME})` }).check();
    await expectAccessible('new team dialog');
    await dialog.getByRole('button', { name: 'Create team' }).click();
    await studio.getByText('Team "Auditors" saved.').waitFor();
    await expect(studio.getByRole('row', { name: /Auditors/ }).getByRole('cell', { name: 'Auditor One' }).count()).resolves.toBe(2);
  });

  it('grants the role read-only accounts with the phone hidden, sees it as that role, and publishes', async () => {
    await studioNav().getByRole('link', { name: 'Permissions' }).click();
    await studio.getByRole('heading', { name: 'Permissions', level: 1 }).waitFor();
    await expectAccessible('permissions');
    await harness.screenshot(studio, 'studio-permissions');

    await studio.getByRole('button', { name: 'New permission set' }).click();
    const create = studio.getByRole('dialog', { name: 'New permission set' });
    await create.getByLabel('Role').selectOption(ROLE);
    await create.getByRole('button', { name: 'Create set' }).click();
    await studio.getByRole('button', { name: `Access of ${ROLE_LABEL} (${ROLE}Access) to Account` }).click();
    const cell = studio.getByRole('dialog', { name: `${ROLE_LABEL}: Account` });
    await cell.getByLabel('Read', { exact: true }).selectOption({ label: 'All records' });
    await cell.getByLabel('Phone', { exact: true }).selectOption({ label: 'Hidden' });
    await expectAccessible('permission cell dialog');
    await harness.screenshot(studio, 'studio-permission-cell');
    await cell.getByRole('button', { name: 'Done' }).click();
    const summary = studio.getByRole('button', { name: `Access of ${ROLE_LABEL} (${ROLE}Access) to Account` });
    await expect(summary.textContent()).resolves.toMatch(/ReadAll records.*1 hidden/);

    const viewAs = studio.getByRole('region', { name: 'View as role' });
    await viewAs.getByLabel('Role').selectOption(ROLE);
    await viewAs.getByLabel('Entity').selectOption('account');
    await expect(viewAs.getByRole('row', { name: /^Read/ }).textContent()).resolves.toContain('Every record');
    await expect(viewAs.getByRole('row', { name: /^Create/ }).textContent()).resolves.toContain('No');
    await expect(viewAs.getByRole('row', { name: /^Phone/ }).textContent()).resolves.toContain('Hidden');
    await viewAs.scrollIntoViewIfNeeded();
    await harness.screenshot(studio, 'studio-view-as-role');

    await studio.getByText(/Draft saved/).waitFor();
    const publish = studio.getByRole('button', { name: 'Publish', exact: true });
    await studio.waitForFunction("document.querySelector('.studio-bar__draft .button--primary')?.disabled === false");
    await publish.click();
    const dialog = studio.getByRole('dialog', { name: 'Publish the draft' });
    await dialog.getByLabel('What changed (shown in the history)').fill('Field auditors read accounts without phones');
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    await studio.getByText(/Published version \d+/).waitFor();
  });

  it('lets the new user read accounts without the hidden phone, and offers no New or Edit', async () => {
    const app = await harness.newPage();
    await harness.login(app, USERNAME, PASSWORD);
    await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Accounts', exact: true }).click();
    await app.getByRole('table').waitFor();
    await expect(app.getByRole('link', { name: 'New', exact: true }).count()).resolves.toBe(0);
    await app.getByRole('table').getByRole('row').nth(1).getByRole('link').first().click();
    await app.getByRole('heading', { level: 1 }).waitFor();
    await app.getByText('Website', { exact: true }).first().waitFor();
    await expect(app.getByText('Phone', { exact: true }).count()).resolves.toBe(0);
    await expect(app.getByRole('button', { name: 'Edit', exact: true }).count()).resolves.toBe(0);
    await expect(app.getByRole('link', { name: 'Edit', exact: true }).count()).resolves.toBe(0);
    await harness.screenshot(app, 'studio-people-app-as-auditor');
  });

  it('changes the user\'s language, then disables the user in the studio, after which their sign-in fails', async () => {
    await studio.goto(`${harness.url}/studio/people/users`);
    await studio.getByRole('row', { name: new RegExp(USERNAME) }).waitFor();
    // An edit is checked against the version shown: the language changes, nothing else.
    await studio.getByRole('button', { name: `Edit ${USERNAME}` }).click();
    const edit = studio.getByRole('dialog', { name: `User "${USERNAME}"` });
    await edit.getByLabel('Language').selectOption('zh-CN');
    await edit.getByRole('button', { name: 'Save' }).click();
    await studio.getByText(`User "${USERNAME}" saved.`).waitFor();
    await expect(studio.getByRole('row', { name: new RegExp(USERNAME) }).getByRole('cell', { name: '简体中文' }).count()).resolves.toBe(1);
    studio.once('dialog', (confirm) => void confirm.accept());
    await studio.getByRole('button', { name: `Disable ${USERNAME}` }).click();
    await studio.getByText(`User "${USERNAME}" disabled: their sessions and tokens ended.`).waitFor();
    await studio.getByRole('button', { name: `Enable ${USERNAME}` }).waitFor();

    const app = await harness.newPage();
    await app.goto(`${harness.url}/`);
    await app.getByLabel('Username').fill(USERNAME);
    await app.getByLabel('Password').fill(PASSWORD);
    await app.getByRole('button', { name: 'Sign in' }).click();
    await app.getByText('The username or password is wrong.').waitFor();
    await expect(app.getByRole('navigation', { name: 'Main navigation' }).count()).resolves.toBe(0);
  });

  it('shows every People and Permissions screen in Simplified Chinese, accessibly', async () => {
    await studio.getByLabel('Language').selectOption('zh-CN');
    await studio.getByRole('heading', { name: '用户', level: 1 }).waitFor();
    await expectAccessible('users (zh-CN)');
    await harness.screenshot(studio, 'studio-users-zh');
    for (const [tab, heading, name] of [
      ['团队', '团队', 'studio-teams-zh'],
      ['角色', '角色', 'studio-roles-zh'],
    ] as const) {
      await studio.getByRole('navigation', { name: '人员' }).getByRole('link', { name: tab, exact: true }).click();
      await studio.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await studio.getByRole('table').waitFor();
      await expectAccessible(name);
      await harness.screenshot(studio, name);
    }
    await studio.getByRole('navigation', { name: '设计室栏目' }).getByRole('link', { name: '权限' }).click();
    await studio.getByRole('heading', { name: '权限', level: 1 }).waitFor();
    await expectAccessible('permissions (zh-CN)');
    await harness.screenshot(studio, 'studio-permissions-zh');
    await studio.getByRole('region', { name: '以角色身份查看' }).scrollIntoViewIfNeeded();
    await harness.screenshot(studio, 'studio-view-as-role-zh');
    await studio.getByRole('button', { name: `${ROLE_LABEL}（${ROLE}Access）对客户的权限` }).click();
    await studio.getByRole('dialog').waitFor();
    await expectAccessible('permission cell dialog (zh-CN)');
    await harness.screenshot(studio, 'studio-permission-cell-zh');
  });
});
