// The browser test harness: the real server (`stagecraft start` on a fresh SQLite file with the
// SFA pack, its demo data and the demo users), headless Chromium through playwright-core, and
// helpers to sign in, take screenshots (tests/browser/screenshots/, not committed) and check a
// page with axe-core. Seeding the demo data takes a minute, so the first harness of a run seeds a
// template database once and every harness starts on its own fresh copy of it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { runCli, type RunningServer } from '@stagecraft/runtime';
import { newestChange, withFileLock } from './file-lock';
import { ensureWebBuild } from './web-build';

const REPOSITORY = path.resolve(__dirname, '../..');
export const SCREENSHOT_DIRECTORY = path.join(__dirname, 'screenshots');
export const DEMO_PASSWORD = 'demo';
export const ADMIN_PASSWORD = 'browser-admin-password';
/** A laptop screen. */
export const VIEWPORT = { width: 1366, height: 800 };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** `describe` when Chromium is there (global setup looked), else skipped with the reason in its title. */
export const describeBrowser: jest.Describe = process.env.STAGECRAFT_TEST_BROWSER_AVAILABLE === '1' ? describe : (describe.skip as jest.Describe);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export interface BrowserHarness {
  /** The server's base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  server: RunningServer;
  browser: Browser;
  /** A new, signed-out browser context (own cookies) and page at the laptop viewport. */
  newPage(options?: { locale?: string }): Promise<Page>;
  /** Opens the app and signs in through the login form; resolves when the shell is shown. */
  login(page: Page, username: string, password?: string): Promise<void>;
  /** Writes tests/browser/screenshots/<name>.png and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  /** Runs axe-core on the page; the serious and critical violations. */
  accessibilityViolations(page: Page): Promise<AxeViolation[]>;
  /** A bearer token for direct API calls (seeding test data as a user). */
  token(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

function startEnvironment(dataDirectory: string): NodeJS.ProcessEnv {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    STAGECRAFT_DATA: dataDirectory,
    STAGECRAFT_PACKS: path.join(REPOSITORY, 'packs/sfa'),
    STAGECRAFT_ADMIN_PASSWORD: ADMIN_PASSWORD,
    STAGECRAFT_DEMO_PASSWORD: DEMO_PASSWORD,
    STAGECRAFT_METADATA_POLL_MS: '1000',
  };
}

async function start(dataDirectory: string, workingDirectory: string): Promise<RunningServer> {
  const output: string[] = [];
  const started = await runCli(['start'], startEnvironment(dataDirectory), { io: { out: (line) => output.push(line), error: (line) => output.push(line) }, workingDirectory });
  if (!started.server) throw new Error(`stagecraft start failed (exit ${started.exitCode}):\n${output.join('\n')}`);
  return started.server;
}

/** A data folder `stagecraft start` has seeded, for the packs and seeding code as they are now. */
async function seededTemplate(): Promise<string> {
  const inputs = ['packs/sfa', 'runtime/packs', 'runtime/src/seed', 'runtime/src/identity'].map((input) => newestChange(path.join(REPOSITORY, input)));
  const key = createHash('sha256').update(JSON.stringify([inputs, DEMO_PASSWORD, ADMIN_PASSWORD])).digest('hex').slice(0, 16);
  const template = path.join(os.tmpdir(), `stagecraft-browser-template-${key}`);
  const ready = path.join(template, 'ready');
  if (fs.existsSync(ready)) return template;
  return withFileLock('stagecraft-browser-template', async () => {
    if (fs.existsSync(ready)) return template;
    fs.rmSync(template, { recursive: true, force: true });
    fs.mkdirSync(template, { recursive: true });
    const server = await start(path.join(template, 'data'), template);
    await server.close();
    fs.writeFileSync(ready, new Date().toISOString());
    return template;
  });
}

export async function startBrowserHarness(): Promise<BrowserHarness> {
  await ensureWebBuild();
  const template = await seededTemplate();
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-browser-'));
  fs.cpSync(path.join(template, 'data'), path.join(directory, 'data'), { recursive: true });
  const server = await start(path.join(directory, 'data'), directory);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: process.env.STAGECRAFT_CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  } catch (error) {
    await server.close();
    throw error;
  }
  const contexts: BrowserContext[] = [];
  fs.mkdirSync(SCREENSHOT_DIRECTORY, { recursive: true });

  return {
    url: server.url,
    server,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({ viewport: VIEWPORT, locale: options.locale ?? 'en-US', baseURL: server.url });
      contexts.push(context);
      // Every step of the app answers in well under a second here: fail fast rather than wait 30 s.
      context.setDefaultTimeout(10_000);
      return context.newPage();
    },
    async login(page, username, password = DEMO_PASSWORD) {
      await page.goto(`${server.url}/`);
      await page.getByLabel(/Username|用户名/).fill(username);
      await page.getByLabel(/Password|密码/).fill(password);
      await page.getByRole('button', { name: /Sign in|登录/ }).click();
      await page.getByRole('navigation', { name: /Main navigation|主导航/ }).waitFor();
    },
    async screenshot(page, name) {
      const file = path.join(SCREENSHOT_DIRECTORY, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    async accessibilityViolations(page) {
      // Evaluated through DevTools, which the app's CSP does not govern (an injected <script> it refuses);
      // as text, so this file compiles without the DOM library.
      await page.evaluate(axe.source);
      const results = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((found) => found.violations.map((violation) => ({
        id: violation.id, impact: violation.impact ?? null, help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')),
      })))`)) as AxeViolation[];
      return results.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    },
    async token(username, password = DEMO_PASSWORD) {
      const response = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password, token: true }) });
      if (!response.ok) throw new Error(`login of ${username} failed: ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
