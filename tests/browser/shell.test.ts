// The shell in a real browser: the login page, a wrong password in plain words, signing in as a
// rep, navigation generated from metadata, the language switch relabelling it, and signing out.
import type { Page } from 'playwright-core';
import { describeBrowser, startBrowserHarness, type BrowserHarness } from './browser-harness';

jest.setTimeout(180_000);

describeBrowser('web app shell (Chromium)', () => {
  let harness: BrowserHarness;
  let page: Page;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    page = await harness.newPage();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('serves the app at / with index.html uncached and hashed assets cached for long', async () => {
    const index = await fetch(`${harness.url}/records/lead`, { headers: { accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    // Generated forms compile their JSON Schemas (ajv): the app's page may eval, the API never.
    expect(index.headers.get('content-security-policy')).toMatch(/script-src 'self' 'unsafe-eval'/);
    const html = await index.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const script = await fetch(`${harness.url}${asset ?? ''}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toMatch(/max-age=31536000, immutable/);
    const api = await fetch(`${harness.url}/api/nothing-here`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(401);
    expect(api.headers.get('content-security-policy')).not.toMatch(/unsafe-eval/);
  });

  it('opens the login page signed out without a failed request or a console error', async () => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${harness.url}/`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    page.removeAllListeners('console');
    page.removeAllListeners('response');
  });

  it('refuses a wrong password in plain words, then signs rep1 in to a navigation made from metadata', async () => {
    await page.goto(`${harness.url}/`);
    await page.getByLabel('Username').fill('rep1');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/password|username/i);
    expect(await harness.accessibilityViolations(page)).toEqual([]);
    await harness.screenshot(page, 'login');

    await harness.login(page, 'rep1');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    // The entries come from metadata, loaded after sign-in.
    await nav.getByRole('link', { name: 'Opportunities', exact: true }).waitFor();
    await expect(nav.getByRole('link', { name: 'Leads', exact: true }).isVisible()).resolves.toBe(true);
    // Identity entities are for administrators.
    expect(await nav.getByRole('link', { name: 'Users', exact: true }).count()).toBe(0);
    expect(await harness.accessibilityViolations(page)).toEqual([]);
    await harness.screenshot(page, 'home');
  });

  it('switches to 简体中文 and back, relabelling the navigation from metadata labels', async () => {
    await page.getByRole('button', { name: '简体中文' }).click();
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: '商机', exact: true }).waitFor();
    await expect(nav.getByRole('link', { name: '线索', exact: true }).isVisible()).resolves.toBe(true);
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    await harness.screenshot(page, 'home-zh');
    // Remembered across a reload.
    await page.reload();
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  });

  it('signs out back to the login page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
  });
});
