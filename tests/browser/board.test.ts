// The opportunity board in a real browser, as rep1: columns per stage with counts and sums,
// a card dragged to a stage its process refuses (no contact yet) snaps back with the reason, a
// card with a contact dragged to Qualification moves for real (the record's stage changes), and
// the keyboard "Move to…" menu moves a card too. Then the notifications inbox and its unread count.
import { insertNotification } from '@stagecraft/runtime';
import type { Locator, Page } from 'playwright-core';
import { describeBrowser, startBrowserHarness, type BrowserHarness } from './browser-harness';

jest.setTimeout(180_000);

interface Created {
  id: string;
  version: number;
  stage?: string;
}

describeBrowser('kanban board and inbox (Chromium)', () => {
  let harness: BrowserHarness;
  let page: Page;
  let token: string;
  const ids: Record<string, string> = {};

  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${harness.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };

  /** A column of the board (a region named by its stage). */
  const column = (name: string): Locator => page.getByRole('region', { name, exact: true });
  const card = (stage: string, title: string): Locator => column(stage).getByRole('listitem').filter({ hasText: title });
  const count = async (stage: string): Promise<string> => (await column(stage).locator('.board-column__count [aria-hidden="true"]').textContent()) ?? '';

  beforeAll(async () => {
    harness = await startBrowserHarness();
    token = await harness.token('rep1');
    const account = await api<Created>('POST', '/api/records/account', { name: 'Kanban Test Co' });
    const contact = await api<Created>('POST', '/api/records/contact', { lastName: 'Kanban', account: account.id });
    ids.refused = (await api<Created>('POST', '/api/records/opportunity', { name: 'Kanban refused deal', account: account.id, amount: 1000 })).id;
    ids.accepted = (await api<Created>('POST', '/api/records/opportunity', { name: 'Kanban accepted deal', account: account.id, contact: contact.id, amount: 2500, closeDate: '2027-01-15' })).id;
    page = await harness.newPage();
    await harness.login(page, 'rep1');
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('lists the boards the rep may open, each by its label or its entity', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Boards', exact: true }).click();
    await page.getByRole('heading', { name: 'Boards' }).waitFor();
    // The heading is drawn before the list arrives: wait for the cards themselves.
    await page.locator('.board-list .card__title').first().waitFor();
    const names = await page.locator('.board-list .card__title').allTextContents();
    expect(names.sort()).toEqual(['Activities by type', 'Lead qualification', 'Pipeline']);
    expect(await harness.accessibilityViolations(page)).toEqual([]);
  });

  it('opens the pipeline board from the navigation: a column per stage with counts and sums in the user\'s locale', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Pipeline' }).click();
    await card('Prospecting', 'Kanban refused deal').waitFor();
    const board = await api<{ columns: Array<{ value: string; count: number; sum: number }> }>('GET', '/api/boards/opportunityBoard');
    const headings = await page.locator('.board-column__title').allTextContents();
    expect(headings).toEqual(['Prospecting', 'Qualification', 'Proposal', 'Negotiation', 'Closed won', 'Closed lost']);
    const prospecting = board.columns.find((entry) => entry.value === 'prospecting');
    expect(await count('Prospecting')).toBe(new Intl.NumberFormat('en').format(prospecting?.count ?? -1));
    const sum = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(prospecting?.sum ?? -1);
    await expect(column('Prospecting').locator('.board-column__sum').textContent()).resolves.toBe(sum);
    expect(await harness.accessibilityViolations(page)).toEqual([]);
    await harness.screenshot(page, 'board');
  });

  it('loads a column\'s cards 20 at a time, the next ones when scrolled to its end', async () => {
    const total = (await api<{ total: number }>('GET', '/api/boards/opportunityBoard/columns/prospecting?pageSize=1')).total;
    // rep1's demo deals plus this suite's two fill more than one page.
    expect(total).toBeGreaterThan(20);
    const cards = column('Prospecting').getByRole('listitem');
    expect(await cards.count()).toBe(20);
    await column('Prospecting').getByRole('button', { name: `Show more (${total - 20} left)` }).waitFor();
    // Scrolling to the end of the column loads the next page (the button does the same for a click).
    await column('Prospecting').locator('.board-column__sentinel').scrollIntoViewIfNeeded();
    const expected = Math.min(total, 40);
    await cards.nth(expected - 1).waitFor();
    expect(await cards.count()).toBe(expected);
  });

  it('snaps a refused move back and says why (Qualification needs a contact)', async () => {
    const before = await count('Qualification');
    await card('Prospecting', 'Kanban refused deal').dragTo(column('Qualification'));
    const notice = page.locator('.board-page__notice');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toMatch(/Kanban refused deal stays in Prospecting: Primary contact is required to enter Qualification/);
    await card('Prospecting', 'Kanban refused deal').waitFor();
    expect(await card('Qualification', 'Kanban refused deal').count()).toBe(0);
    expect(await count('Qualification')).toBe(before);
    const stored = await api<Created>('GET', `/api/records/opportunity/${ids.refused}`);
    expect(stored.stage).toBe('prospecting');
    await harness.screenshot(page, 'board-refused');
  });

  it('moves a card by dragging: the transition fires and the record is in Qualification', async () => {
    await card('Prospecting', 'Kanban accepted deal').dragTo(column('Qualification'));
    // The card jumps at once; the confirmation comes when the server has answered.
    await page.locator('.toast--success', { hasText: 'Moved Kanban accepted deal to Qualification.' }).waitFor();
    await card('Qualification', 'Kanban accepted deal').waitFor();
    expect((await api<Created>('GET', `/api/records/opportunity/${ids.accepted}`)).stage).toBe('qualification');
    expect(await card('Prospecting', 'Kanban accepted deal').count()).toBe(0);
    const history = await api<{ data: Array<{ action: string }> }>('GET', `/api/records/opportunity/${ids.accepted}/history`);
    expect(history.data.map((entry) => entry.action)).toContain('transition');
  });

  it('moves a card with the keyboard through its "Move to…" menu', async () => {
    const button = card('Qualification', 'Kanban accepted deal').getByRole('button', { name: 'Move to… Kanban accepted deal' });
    await button.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Prospecting', 'Proposal', 'Negotiation', 'Closed won', 'Closed lost']);
    await page.keyboard.press('ArrowDown');
    // A string expression: the tests compile without the DOM library.
    await expect(page.evaluate('document.activeElement?.textContent')).resolves.toBe('Proposal');
    await page.keyboard.press('Enter');
    await page.locator('.toast--success', { hasText: 'Moved Kanban accepted deal to Proposal.' }).waitFor();
    await card('Proposal', 'Kanban accepted deal').waitFor();
    expect((await api<Created>('GET', `/api/records/opportunity/${ids.accepted}`)).stage).toBe('proposal');
    expect(await harness.accessibilityViolations(page)).toEqual([]);
  });

  it('narrows the board to a search: counts, sums and cards of the matching deals only', async () => {
    await page.getByRole('searchbox', { name: 'Search the board' }).fill('Kanban');
    await page.getByText(/^2 records ·/).waitFor();
    // The total arrives with the columns, the cards with each column's own page: wait for those too.
    await page.waitForFunction("document.querySelectorAll('.board-card').length === 2");
    expect(await page.locator('.board-card').count()).toBe(2);
    expect(await count('Prospecting')).toBe('1');
    expect(await count('Proposal')).toBe('1');
    await expect(column('Proposal').locator('.board-column__sum').textContent()).resolves.toBe('$2,500');
    await page.getByRole('searchbox', { name: 'Search the board' }).fill('');
    await page.getByText(/^2 records ·/).waitFor({ state: 'detached' });
  });

  it('shows the unread count in the header and the notification in the inbox; opening it marks it read', async () => {
    const me = await api<{ user: { id: string } }>('GET', '/api/auth/me');
    await insertNotification(harness.server.system.database, { id: `board-test-${Date.now()}`, userId: me.user.id, title: 'Kanban accepted deal was assigned to you', body: 'Assigned by the manager.', entity: 'opportunity', recordId: ids.accepted ?? '' }, new Date());
    await page.goto(`${harness.url}/notifications`);
    const bell = page.getByRole('link', { name: /^Notifications, \d+ unread$/ });
    await bell.waitFor();
    const unread = Number(/(\d+) unread/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1]);
    expect(unread).toBeGreaterThanOrEqual(1);
    const item = page.getByRole('listitem').filter({ hasText: 'Kanban accepted deal was assigned to you' });
    await item.waitFor();
    expect(await harness.accessibilityViolations(page)).toEqual([]);
    await harness.screenshot(page, 'inbox');
    await item.getByRole('button', { name: 'Open record' }).click();
    await page.waitForURL(`**/records/opportunity/${ids.accepted ?? ''}`);
    // Opening marks it read before leaving the inbox.
    expect((await api<{ unread: number }>('GET', '/api/notifications')).unread).toBe(unread - 1);
  });
});
