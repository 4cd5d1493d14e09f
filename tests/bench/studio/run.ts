// Benchmark of the studio in headless Chromium, against the end-user app measured in the same run
// as the baseline: the time from opening the address to a usable first screen (the studio's entity
// list; the app's navigation), cold (bundle fetched and parsed every time, HTTP cache empty); the
// entity diagram of 60 entities (the SFA pack's 14 and 46 more in the draft, each with references)
// until every node is drawn; and both bundles' first-screen and total sizes gzipped — the app's must
// not grow because of the studio. The server is `stagecraft serve` on a fresh SQLite file.
//
//   npm run bench:studio     (STAGECRAFT_BENCH_STUDIO_RUNS=n for more runs; STAGECRAFT_CHROMIUM_PATH)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EntityDocument, MetadataBundle } from '@stagecraft/core';
import type { Page } from 'playwright-core';
import { adminToken, bundleSizes, kb, launchChromium, median, ms, REPOSITORY, signedInContext, startBenchServer } from '../support/browser-bench';

const RUNS = Number(process.env.STAGECRAFT_BENCH_STUDIO_RUNS ?? 7);
const DIAGRAM_ENTITIES = 60;

/**
 * The live bundle plus generated entities shaped like a grown data model: each refers to an
 * account and to two earlier entities (a tree a few levels deep, as real models are).
 */
function withGeneratedEntities(bundle: MetadataBundle, total: number): MetadataBundle {
  const next = structuredClone(bundle);
  const missing = total - Object.keys(next.entities).length;
  for (let index = 1; index <= missing; index += 1) {
    const name = `benchEntity${index}`;
    const fields: EntityDocument['fields'] = [
      { name: 'name', type: 'string', label: { en: `Bench ${index}`, 'zh-CN': `基准 ${index}` }, required: true },
      { name: 'account', type: 'reference', entity: 'account', label: 'Account' },
      { name: 'amount', type: 'currency', label: 'Amount' },
    ];
    if (index > 1) fields.push({ name: 'parent', type: 'reference', entity: `benchEntity${Math.floor(index / 2)}`, label: 'Parent' });
    if (index > 2) fields.push({ name: 'source', type: 'reference', entity: `benchEntity${Math.floor(index / 3)}`, label: 'Source' });
    next.entities[name] = { kind: 'entity', name, label: { en: `Bench entity ${index}`, 'zh-CN': `基准实体 ${index}` }, fields };
  }
  return next;
}

/** Milliseconds from navigation start until `ready` (a page expression) holds, cold. */
async function timeTo(page: Page, url: string, ready: string): Promise<number> {
  const client = await page.context().newCDPSession(page);
  await client.send('Network.clearBrowserCache');
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(ready, undefined, { timeout: 60_000, polling: 'raf' });
  return (await page.evaluate('performance.now()')) as number;
}

async function main(): Promise<void> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-bench-studio-'));
  const server = await startBenchServer(directory);
  const browser = await launchChromium();
  try {
    const { token } = await adminToken(server);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const versions = (await (await fetch(`${server.url}/api/metadata/versions`, { headers })).json()) as { live: number };
    const live = (await (await fetch(`${server.url}/api/metadata/versions/${versions.live}`, { headers })).json()) as { bundle: MetadataBundle };
    const context = await signedInContext(browser, server);
    const measure = async (url: string, ready: string): Promise<number[]> => {
      const times: number[] = [];
      // One warm-up run (compiled metadata, the OS file cache), then the measured runs.
      for (let run = 0; run <= RUNS; run += 1) {
        const page = await context.newPage();
        const time = await timeTo(page, url, ready);
        await page.close();
        if (run > 0) times.push(time);
      }
      return times;
    };
    const app = await measure('/', `document.querySelector('nav[aria-label="Main navigation"] a') !== null`);
    const studio = await measure('/studio', `document.querySelectorAll('table tbody tr').length >= ${Object.keys(live.bundle.entities).length}`);
    const draft = withGeneratedEntities(live.bundle, DIAGRAM_ENTITIES);
    const saved = await fetch(`${server.url}/api/metadata/drafts/studio`, { method: 'PUT', headers, body: JSON.stringify({ bundle: draft }) });
    if (!saved.ok) throw new Error(`saving the draft failed: ${saved.status} ${await saved.text()}`);
    const diagramReady = `document.querySelectorAll('.react-flow__node').length === ${DIAGRAM_ENTITIES} && document.querySelectorAll('.react-flow__edge').length > ${DIAGRAM_ENTITIES}`;
    const diagram = await measure('/studio/diagram', diagramReady);
    // Opening the diagram from the studio's first screen (its chunk fetched on the click, cache cold).
    const opened: number[] = [];
    for (let run = 0; run <= RUNS; run += 1) {
      const page = await context.newPage();
      await timeTo(page, '/studio', `document.querySelectorAll('table tbody tr').length >= ${DIAGRAM_ENTITIES}`);
      const start = (await page.evaluate('performance.now()')) as number;
      await page.getByRole('navigation', { name: 'Studio sections' }).getByRole('link', { name: 'Diagram' }).click();
      await page.waitForFunction(diagramReady, undefined, { timeout: 60_000, polling: 'raf' });
      const end = (await page.evaluate('performance.now()')) as number;
      await page.close();
      if (run > 0) opened.push(end - start);
    }

    const figures = (times: number[]) => `${ms(median(times))} (best ${ms(Math.min(...times))}, worst ${ms(Math.max(...times))})`;
    const ratio = (times: number[]) => (median(times) / median(app)).toFixed(2);
    const studioSizes = bundleSizes(path.join(REPOSITORY, 'designer/dist'));
    const appSizes = bundleSizes(path.join(REPOSITORY, 'runtime/web/dist'));
    console.log(`Studio in headless Chromium (1366×800, cold cache, ${RUNS} runs after a warm-up; medians, ratios to the app's first screen in the same run)`);
    console.log(`  baseline: the app's first screen (navigation drawn):        ${figures(app)}  1.00`);
    console.log(`  the studio's first screen (entity list drawn):              ${figures(studio)}  ${ratio(studio)}`);
    console.log(`  entity diagram of ${DIAGRAM_ENTITIES} entities opened from the studio, every node and edge drawn: ${figures(opened)}  ${ratio(opened)}`);
    console.log(`  the same diagram as the first page of a cold start:        ${figures(diagram)}  ${ratio(diagram)}`);
    console.log(`  studio bundle: first screen ${kb(studioSizes.initial)} gzip (${kb(studioSizes.initialRaw)} raw); all chunks ${kb(studioSizes.all)} gzip`);
    console.log(`  app bundle:    first screen ${kb(appSizes.initial)} gzip (${kb(appSizes.initialRaw)} raw); all chunks ${kb(appSizes.all)} gzip`);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
