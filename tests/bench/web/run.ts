// Benchmark of the web app in headless Chromium: the time from opening the address to a usable
// board of 500 opportunity cards (every column's count, sum and first cards drawn) and to a list
// showing 50 rows, each on a fresh page (cold: the bundle is fetched and parsed every time, the
// HTTP cache is empty), and the app's bundle size gzipped (what the first screen loads, and all
// chunks). The server is `stagecraft serve` on a fresh SQLite file with the SFA pack, in this
// process; the 500 opportunities are inserted in one statement so setting up takes no time.
//
//   npm run bench:web        (STAGECRAFT_BENCH_WEB_RUNS=n for more runs; STAGECRAFT_CHROMIUM_PATH)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningServer } from '@stagecraft/runtime';
import { adminToken, bundleSizes, kb, launchChromium, median, ms, REPOSITORY, signedInContext, startBenchServer } from '../support/browser-bench';

const DIST = path.join(REPOSITORY, 'runtime/web/dist');
const CARDS = 500;
const RUNS = Number(process.env.STAGECRAFT_BENCH_WEB_RUNS ?? 7);
const STAGES = ['prospecting', 'qualification', 'proposal', 'negotiation', 'closedWon', 'closedLost'];

async function api<T>(server: RunningServer, token: string, method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}${url}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? null : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** 20 accounts through the API, then 500 opportunities over the six stages in one INSERT. */
async function seed(server: RunningServer): Promise<void> {
  const { token, userId } = await adminToken(server);
  const user = { id: userId };
  const accounts: string[] = [];
  for (let index = 0; index < 20; index += 1) accounts.push((await api<{ id: string }>(server, token, 'POST', '/api/records/account', { name: `Bench account ${index + 1}` })).id);
  const opportunity = server.live.get().entities.get('opportunity');
  if (!opportunity) throw new Error('the SFA pack has no opportunity entity');
  const names = ['id', 'version', 'createdAt', 'updatedAt', 'name', 'account', 'stage', 'amount', 'currency', 'closeDate', 'owner'];
  const columns = names.map((name) => opportunity.fields.get(name)?.sql ?? name).join(', ');
  const values: unknown[] = [];
  const rows: string[] = [];
  for (let index = 0; index < CARDS; index += 1) {
    values.push(`0190a4d2-7a7e-7000-8000-${index.toString(16).padStart(12, '0')}`, 1, '2026-11-01 00:00:00', '2026-11-01 00:00:00', `Bench deal ${index + 1}`, accounts[index % accounts.length], STAGES[index % STAGES.length], 1000 + index * 10, 'USD', '2027-01-15', user.id);
    rows.push(`(${names.map((_name, offset) => `$${values.length - names.length + offset + 1}`).join(', ')})`);
  }
  await server.system.database.insert(`INSERT INTO ${opportunity.tableSql} (${columns}) VALUES ${rows.join(', ')}`, values);
}

/** Milliseconds from navigation start until the shell (the navigation) is drawn, and until `ready` (a page expression) holds. */
async function timeTo(page: Page, url: string, ready: string): Promise<{ shell: number; ready: number }> {
  const client = await page.context().newCDPSession(page);
  await client.send('Network.clearBrowserCache');
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(`document.querySelector('nav[aria-label="Main navigation"] a') !== null`, undefined, { timeout: 60_000, polling: 'raf' });
  const shell = (await page.evaluate('performance.now()')) as number;
  await page.waitForFunction(ready, undefined, { timeout: 60_000, polling: 'raf' });
  return { shell, ready: (await page.evaluate('performance.now()')) as number };
}

const BOARD_READY = `(() => {
  const columns = document.querySelectorAll('.board-column');
  if (columns.length !== ${STAGES.length} || document.querySelector('.board-column .loading')) return false;
  return document.querySelectorAll('.board-card').length === ${Math.min(CARDS, STAGES.length * 20)};
})()`;
const LIST_READY = `document.querySelectorAll('table tbody tr').length === 50`;

async function main(): Promise<void> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-bench-web-'));
  const server = await startBenchServer(directory);
  const browser = await launchChromium();
  try {
    await seed(server);
    const context = await signedInContext(browser, server);
    const measure = async (url: string, ready: string): Promise<{ shell: number[]; ready: number[] }> => {
      const times = { shell: [] as number[], ready: [] as number[] };
      // One warm-up run (the server's compiled metadata, the OS file cache), then the measured runs.
      for (let run = 0; run <= RUNS; run += 1) {
        const page = await context.newPage();
        const time = await timeTo(page, url, ready);
        await page.close();
        if (run === 0) continue;
        times.shell.push(time.shell);
        times.ready.push(time.ready);
      }
      return times;
    };
    const board = await measure('/boards/opportunityBoard', BOARD_READY);
    const list = await measure('/records/opportunity', LIST_READY);
    const sizes = bundleSizes(DIST);
    const figures = (times: number[]) => `${ms(median(times))} / ${ms(Math.min(...times))} / ${ms(Math.max(...times))}`;
    console.log(`Web app in headless Chromium (1366×800, cold cache, ${RUNS} runs after a warm-up; median / best / worst)`);
    console.log(`  usable board of ${CARDS} cards (6 columns, counts and sums, first 20 cards each): ${figures(board.ready)}`);
    console.log(`    of which the app shell drawn (bundle fetched, parsed, session checked):   ${figures(board.shell)}`);
    console.log(`  list of 50 rows:                                                            ${figures(list.ready)}`);
    console.log(`    of which the app shell drawn:                                             ${figures(list.shell)}`);
    console.log(`  bundle loaded by the first screen: ${kb(sizes.initial)} gzip (${kb(sizes.initialRaw)} raw); all chunks: ${kb(sizes.all)} gzip`);
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
