// The studio's remaining administrator flows in a real browser, no JSON in sight: a removed field's
// data kept, restored with its values and finally purged; a sharing rule written with the criteria
// editor; a partner user's account picked by name; two administrators on one draft (each sees who
// changed it last); and a publish that lost the race to another administrator's (refused, nothing
// overwritten, a reload offered). Plans read in Chinese too. Each screen is checked with axe-core.
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, describeBrowser, startBrowserHarness, type BrowserHarness } from './browser-harness';

jest.setTimeout(300_000);

type Json = Record<string, unknown>;

describeBrowser('studio: kept data, sharing rules, partner accounts, two administrators (Chromium)', () => {
  let harness: BrowserHarness;
  let studio: Page;
  let token: string;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    studio = await harness.newPage();
    // Removing a field asks the browser's own confirmation.
    studio.on('dialog', (dialog) => void dialog.accept());
    await harness.login(studio, 'admin', ADMIN_PASSWORD);
    token = await harness.token('admin', ADMIN_PASSWORD);
    await studio.goto(`${harness.url}/studio`);
    await studio.getByRole('heading', { name: 'Entities', level: 1 }).waitFor();
  });
  afterAll(async () => {
    await harness?.close();
  });

  const api = async (method: string, path: string, body?: unknown, bearer = token): Promise<{ status: number; body: Json }> => {
    const response = await fetch(`${harness.url}${path}`, { method, headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: response.status === 204 ? {} : ((await response.json()) as Json) };
  };
  const expectAccessible = async (page: Page, screen: string) => {
    expect([screen, await harness.accessibilityViolations(page)]).toEqual([screen, []]);
  };
  const sections = (page: Page = studio) => page.getByRole('navigation', { name: /Studio sections|工作室分区/ });
  const liveVersion = async (): Promise<number> => (await api('GET', '/api/metadata/versions')).body.live as number;
  const draftSaved = () => studio.getByRole('status').filter({ hasText: /Draft saved/ }).first().waitFor();

  async function publish(expectSteps: RegExp[], options: { confirm?: boolean } = {}): Promise<number> {
    const expected = (await liveVersion()) + 1;
    await draftSaved();
    await studio.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = studio.getByRole('dialog', { name: 'Publish the draft' });
    // A plan, or the note that there are no schema changes.
    await dialog.locator('.plan, p.muted').first().waitFor();
    const plan = expectSteps.length === 0 ? '' : await dialog.locator('.plan').textContent();
    for (const step of expectSteps) expect(plan).toMatch(step);
    expect(plan?.includes('needs confirmation')).toBe(options.confirm === true);
    if (options.confirm) await dialog.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    await studio.getByRole('status').filter({ hasText: `Published version ${expected}.` }).waitFor();
    return expected;
  }

  it('keeps a removed field\'s values, restores them with the field, and purges them only when confirmed', async () => {
    const accounts = (await api('GET', '/api/records/account?pageSize=1&sort=name')).body.data as Array<{ id: string; city: string }>;
    const account = accounts[0];
    if (!account?.city) throw new Error('the demo accounts have cities');

    await sections().getByRole('link', { name: 'Data model' }).click();
    await studio.getByRole('link', { name: 'Account', exact: true }).click();
    await studio.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
    await studio.getByRole('button', { name: 'Remove City' }).click();
    // Off the form and the list too: the draft has no problem, and the retirement needs confirming.
    const removedIn = await publish([/Retire column account\.city → _dropped_v\d+_city/], { confirm: true });
    expect((await api('GET', `/api/records/account/${account.id}`)).body).not.toHaveProperty('city');

    const card = studio.getByRole('region', { name: 'Removed fields with kept data' });
    await card.getByText(`removed in version ${removedIn}`).waitFor();
    await card.scrollIntoViewIfNeeded();
    await expectAccessible(studio, 'removed fields');
    await harness.screenshot(studio, 'studio-retired-fields');
    await card.getByRole('button', { name: 'Restore City' }).click();
    await card.getByText('In the draft: restored with its values on publish').waitFor();
    await publish([new RegExp(`Restore column account\\.city from _dropped_v${removedIn}_city: the values kept since version ${removedIn} come back`)]);
    expect((await api('GET', `/api/records/account/${account.id}`)).body.city).toBe(account.city);
    await card.waitFor({ state: 'detached' });

    await studio.getByRole('button', { name: 'Remove City' }).click();
    const removedAgain = await publish([/Retire column account\.city/], { confirm: true });
    await card.getByRole('button', { name: 'Purge… City' }).click();
    const purge = studio.getByRole('dialog', { name: 'Purge the values of "City"?' });
    await expect(purge.getByRole('button', { name: 'Purge now' }).isDisabled()).resolves.toBe(true);
    await expectAccessible(studio, 'purge dialog');
    await harness.screenshot(studio, 'studio-purge');
    await purge.getByRole('checkbox').check();
    await purge.getByRole('button', { name: 'Purge now' }).click();
    await card.getByText('The values of "City" were purged.').waitFor();
    const retired = (await api('GET', '/api/metadata/retired-fields')).body.data as Array<{ retiredName: string }>;
    expect(retired.map((field) => field.retiredName)).not.toContain(`_dropped_v${removedAgain}_city`);
    const audit = (await api('GET', '/api/audit?action=purge')).body.data as Array<{ actorUsername?: string; recordId: string }>;
    expect(audit.map((row) => row.recordId)).toEqual([`_dropped_v${removedAgain}_city`]);
  });

  it('gives an entity an icon, drawn in the app\'s navigation once published', async () => {
    await sections().getByRole('link', { name: 'Data model' }).click();
    await studio.getByRole('link', { name: 'Lead', exact: true }).click();
    await studio.getByLabel('Icon').selectOption('star');
    await studio.locator('h1 .entity-icon--title').waitFor();
    await harness.screenshot(studio, 'studio-entity-icon');
    await publish([]);
    const rep = await harness.newPage();
    await harness.login(rep, 'rep1');
    const link = rep.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Leads' });
    await expect(link.locator('svg.sidenav__icon path').getAttribute('d')).resolves.toMatch(/^M12 3l2\.8 5\.7/);
    await harness.screenshot(rep, 'app-navigation-icons');
  });

  it('writes a sharing rule with the criteria editor, refusing a bad name where it is typed', async () => {
    await sections().getByRole('link', { name: 'Permissions' }).click();
    await studio.getByRole('heading', { name: 'Permissions', level: 1 }).waitFor();
    const card = studio.getByRole('region', { name: 'Sharing rules' });
    await card.getByRole('button', { name: 'New sharing rule' }).click();
    const dialog = studio.getByRole('dialog', { name: 'New sharing rule' });
    const setOption = dialog.getByLabel('Permission set (role)').locator('option', { hasText: 'Sales representative' }).first();
    await dialog.getByLabel('Permission set (role)').selectOption(String(await setOption.getAttribute('value')));
    await dialog.getByLabel('Rule name').fill('Gold accounts');
    await dialog.getByLabel('Records of').selectOption('account');
    await dialog.getByLabel('Access').selectOption('read');
    await dialog.getByLabel('Field', { exact: true }).selectOption('tier');
    await dialog.getByLabel('Condition').selectOption('eq');
    await dialog.getByLabel('Value', { exact: true }).selectOption('gold');
    await dialog.getByRole('button', { name: 'Add filter' }).click();
    await dialog.getByText('Tier').first().waitFor();
    await dialog.getByRole('button', { name: 'Save rule' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toMatch(/camelCase/);
    await expectAccessible(studio, 'sharing rule dialog with an error');
    await harness.screenshot(studio, 'studio-sharing-rule');
    await dialog.getByLabel('Rule name').fill('goldAccounts');
    await dialog.getByRole('button', { name: 'Save rule' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card.getByRole('row', { name: /goldAccounts/ }).getByText('Read').waitFor();
    await publish([/index/i]);
    const bundle = (await api('GET', `/api/metadata/versions/${await liveVersion()}`)).body.bundle as { permissions: Record<string, { role: string; sharingRules?: unknown[] }> };
    const rules = Object.values(bundle.permissions).flatMap((set) => set.sharingRules ?? []);
    expect(rules).toContainEqual({ name: 'goldAccounts', entity: 'account', access: 'read', where: [{ field: 'tier', op: 'eq', value: 'gold' }] });
  });

  it('picks a partner user\'s account by name, never by id', async () => {
    const account = ((await api('GET', '/api/records/account?pageSize=1&sort=name')).body.data as Array<{ id: string; name: string }>)[0];
    if (!account) throw new Error('no demo account');
    await sections().getByRole('link', { name: 'People' }).click();
    await studio.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await studio.getByRole('button', { name: 'New user' }).click();
    const dialog = studio.getByRole('dialog', { name: 'New user' });
    await dialog.getByLabel('Username').fill('partner.picked');
    await dialog.getByLabel('Display name').fill('Picked Partner');
    await dialog.getByLabel('Partner account').fill(account.name.slice(0, 6));
    await dialog.getByRole('button', { name: `Choose ${account.name}` }).click();
    await dialog.locator('.picker__chosen').getByText(account.name).waitFor();
    await dialog.getByLabel('Initial password').fill('partner-password-1');
    await expectAccessible(studio, 'new user with a partner account');
    await harness.screenshot(studio, 'studio-partner-picker');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await studio.getByText('User "partner.picked" created. They can sign in now.').waitFor();
    const users = (await api('GET', '/api/records/user?filter[username]=partner.picked')).body.data as Array<{ partnerAccount: string | null }>;
    expect(users).toEqual([expect.objectContaining({ partnerAccount: account.id })]);
  });

  it('shows two administrators one draft and who changed it last, and refuses a publish that lost the race', async () => {
    const adminRole = ((await api('GET', '/api/records/role?filter[name]=admin')).body.data as Array<{ id: string }>)[0];
    const second = await api('POST', '/api/records/user', { username: 'second.admin', displayName: 'Second Admin', role: adminRole?.id });
    expect(second.status).toBe(201);
    expect((await api('PUT', `/api/auth/users/${String(second.body.id)}/password`, { password: 'second-admin-password' })).status).toBe(204);
    const other = await harness.newPage();
    await harness.login(other, 'second.admin', 'second-admin-password');
    await other.goto(`${harness.url}/studio/entities/contact`);
    await other.getByRole('heading', { name: 'Contact', level: 1 }).waitFor();

    // The first administrator relabels contacts; the second, with nothing unsaved, sees it and who did it.
    await sections().getByRole('link', { name: 'Data model' }).click();
    await studio.getByRole('link', { name: 'Contact', exact: true }).click();
    await studio.locator('#entity-plural-en').fill('People we know');
    await draftSaved();
    await other.getByText(/admin changed this draft/).waitFor({ timeout: 15_000 });
    await expect(other.locator('#entity-plural-en').inputValue()).resolves.toBe('People we know');
    await expectAccessible(other, 'draft taken over');
    await harness.screenshot(other, 'studio-two-admins');

    // The second administrator publishes another change straight away; the first one's publish is refused.
    await studio.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = studio.getByRole('dialog', { name: 'Publish the draft' });
    await dialog.locator('.plan, p.muted').first().waitFor();
    const secondToken = await harness.token('second.admin', 'second-admin-password');
    const live = (await api('GET', `/api/metadata/versions/${await liveVersion()}`)).body.bundle as { entities: Record<string, { label: unknown }> };
    const contact = live.entities.contact;
    if (contact) contact.label = { en: 'Contact person', 'zh-CN': '联系人' };
    const raced = await api('POST', '/api/metadata/publish', { bundle: live, message: 'from the other administrator' }, secondToken);
    expect(raced.status).toBe(201);
    const before = await liveVersion();
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    const alert = dialog.getByRole('alert');
    await alert.getByText(/Someone else published version \d+ while you were editing\. Nothing was overwritten\./).waitFor();
    await expectAccessible(studio, 'publish race');
    await harness.screenshot(studio, 'studio-publish-race');
    expect(await liveVersion()).toBe(before);
    const published = (await api('GET', `/api/metadata/versions/${before}`)).body.bundle as { entities: Record<string, { label: unknown; pluralLabel?: unknown }> };
    expect(published.entities.contact?.label).toEqual({ en: 'Contact person', 'zh-CN': '联系人' });
    await alert.getByRole('button', { name: 'Keep my draft and review it' }).waitFor();
    await alert.getByRole('button', { name: 'Reload from live' }).click();
    await dialog.waitFor({ state: 'detached' });
    await studio.getByRole('heading', { name: 'Contact person', level: 1 }).waitFor();
    await studio.getByRole('status').filter({ hasText: 'No unpublished changes' }).first().waitFor();
    expect((await api('GET', '/api/metadata/drafts/studio')).status).toBe(404);
  });

  it('reads a plan in Chinese', async () => {
    await studio.getByLabel('Language').selectOption('zh-CN');
    await studio.getByRole('button', { name: '移除 手机' }).click();
    await studio.getByRole('status').filter({ hasText: /草稿已保存|草稿由/ }).first().waitFor();
    await studio.getByRole('button', { name: '发布', exact: true }).click();
    const dialog = studio.getByRole('dialog', { name: '发布草稿' });
    await dialog.locator('.plan').waitFor();
    await expect(dialog.locator('.plan').textContent()).resolves.toMatch(/停用列 contact\.mobile → _dropped_v\d+_mobile：数据保留，直至清除/);
    await expectAccessible(studio, 'publish dialog in Chinese');
    await harness.screenshot(studio, 'studio-publish-zh');
    await dialog.getByRole('button', { name: '取消' }).click();
    await studio.getByRole('button', { name: '撤销' }).click();
    await studio.getByRole('cell', { name: 'mobile', exact: true }).waitFor();
    await studio.getByLabel('语言').selectOption('en');
  });

  it('compares any two versions: what changed from one to the other', async () => {
    await studio.getByLabel('Language').selectOption('en');
    await sections().getByRole('link', { name: 'Versions' }).click();
    const compare = studio.getByRole('region', { name: 'Compare two versions' });
    await compare.getByLabel('From').selectOption('1');
    await compare.getByLabel('to').selectOption('2');
    // Version 2 removed the accounts' city.
    const account = compare.locator('.changes > li', { has: studio.getByRole('heading', { name: 'Account Changed' }) });
    await account.locator('dd', { hasText: 'city' }).waitFor();
    await expect(account.textContent()).resolves.toMatch(/Removed/);
    await expectAccessible(studio, 'versions compared');
    await harness.screenshot(studio, 'studio-versions-compare');
  });
});
