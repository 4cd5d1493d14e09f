// Benchmark of the studio's process canvas in headless Chromium: a generated process of 200 states
// and 400 moves against one of 20 states and 40 moves measured in the same run (the baseline) —
// the time from opening its address, cold, until every state and move is drawn; and dragging a
// state across the canvas: the renderer's main-thread work per drag step (Chrome's TaskDuration
// between two frames, read through the DevTools protocol), whose 95th percentile must stay under
// a 16 ms frame. The processes live in the studio's draft on a generated entity; nothing is
// published. The server is `stagecraft serve` on a fresh SQLite file.
//
//   npm run bench:processes     (STAGECRAFT_BENCH_PROCESS_RUNS=n for more runs; STAGECRAFT_CHROMIUM_PATH)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MetadataBundle, ProcessDocument, StateDefinition } from '@stagecraft/core';
import type { Page } from 'playwright-core';
import { adminToken, launchChromium, median, ms, signedInContext, startBenchServer } from '../support/browser-bench';

const RUNS = Number(process.env.STAGECRAFT_BENCH_PROCESS_RUNS ?? 5);
const DRAG_STEPS = 60;

/** A process of `count` states in a line, each with a move to the next and one skipping a state. */
function generatedProcess(name: string, entity: string, count: number): ProcessDocument {
  const states: Record<string, StateDefinition> = {};
  for (let index = 1; index <= count; index += 1) {
    const on: NonNullable<StateDefinition['on']> = {};
    on.NEXT = { target: `s${index === count ? 1 : index + 1}`, label: { en: 'Next', 'zh-CN': '下一步' } };
    on.SKIP = { target: `s${index + 2 > count ? 1 : index + 2}`, label: { en: 'Skip', 'zh-CN': '跳过' } };
    states[`s${index}`] = { label: { en: `Stage ${index}`, 'zh-CN': `阶段 ${index}` }, probability: Math.round((index / count) * 100), on };
  }
  return { kind: 'process', name, label: { en: `Bench ${count}`, 'zh-CN': `基准 ${count}` }, entity, stageField: 'stage', initial: 's1', states };
}

function withProcesses(bundle: MetadataBundle, sizes: readonly number[]): MetadataBundle {
  const next = structuredClone(bundle);
  for (const size of sizes) {
    const entity = `benchFlow${size}`;
    next.entities[entity] = {
      kind: 'entity', name: entity, label: { en: `Bench flow ${size}`, 'zh-CN': `基准流程 ${size}` },
      fields: [
        { name: 'name', type: 'string', label: 'Name', required: true },
        { name: 'stage', type: 'enum', label: 'Stage', options: Array.from({ length: size }, (_, index) => ({ value: `s${index + 1}`, label: `Stage ${index + 1}` })) },
      ],
    };
    next.processes[`benchProcess${size}`] = generatedProcess(`benchProcess${size}`, entity, size);
  }
  return next;
}

async function openTime(page: Page, url: string, states: number, moves: number): Promise<number> {
  const client = await page.context().newCDPSession(page);
  await client.send('Network.clearBrowserCache');
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(`document.querySelectorAll('.react-flow__node').length === ${states} && document.querySelectorAll('.react-flow__edge').length === ${moves}`, undefined, { timeout: 60_000, polling: 'raf' });
  return (await page.evaluate('performance.now()')) as number;
}

/** From a click on the process in the studio's list until every state and move is drawn (the canvas chunk fetched on the click, cache cold). */
async function openFromListTime(page: Page, name: string, states: number, moves: number): Promise<number> {
  const client = await page.context().newCDPSession(page);
  await client.send('Network.clearBrowserCache');
  await page.goto('/studio/processes', { waitUntil: 'commit' });
  const link = page.getByRole('table').getByRole('link', { name, exact: true });
  await link.waitFor({ timeout: 60_000 });
  const start = (await page.evaluate('performance.now()')) as number;
  await link.click();
  await page.waitForFunction(`document.querySelectorAll('.react-flow__node').length === ${states} && document.querySelectorAll('.react-flow__edge').length === ${moves}`, undefined, { timeout: 60_000, polling: 'raf' });
  return ((await page.evaluate('performance.now()')) as number) - start;
}

/** Main-thread work (ms) of each step of dragging the first state across the canvas. */
async function dragWork(page: Page): Promise<number[]> {
  const client = await page.context().newCDPSession(page);
  await client.send('Performance.enable');
  const taskDuration = async (): Promise<number> => {
    const { metrics } = (await client.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
    return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
  const box = await page.locator('.react-flow__node[data-id="s1"]').boundingBox();
  if (!box) throw new Error('the first state is not drawn');
  const x = box.x + box.width / 2;
  const y = box.y + 12;
  await page.mouse.move(x, y);
  await page.mouse.down();
  const steps: number[] = [];
  let before = await taskDuration();
  for (let step = 1; step <= DRAG_STEPS; step += 1) {
    await page.mouse.move(x + step * 4, y + step * 2);
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    const after = await taskDuration();
    steps.push(after - before);
    before = after;
  }
  await page.mouse.up();
  return steps;
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

async function main(): Promise<void> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-bench-processes-'));
  const server = await startBenchServer(directory);
  const browser = await launchChromium();
  try {
    const { token } = await adminToken(server);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const versions = (await (await fetch(`${server.url}/api/metadata/versions`, { headers })).json()) as { live: number };
    const live = (await (await fetch(`${server.url}/api/metadata/versions/${versions.live}`, { headers })).json()) as { bundle: MetadataBundle };
    const saved = await fetch(`${server.url}/api/metadata/drafts/studio`, { method: 'PUT', headers, body: JSON.stringify({ bundle: withProcesses(live.bundle, [20, 200]) }) });
    if (!saved.ok) throw new Error(`saving the draft failed: ${saved.status} ${await saved.text()}`);
    const context = await signedInContext(browser, server);

    const results = new Map<number, { open: number[]; fromList: number[]; drag: number[] }>();
    for (const size of [20, 200]) {
      const open: number[] = [];
      const fromList: number[] = [];
      const drag: number[] = [];
      // One warm-up run (the server's compiled metadata, the OS file cache), then the measured runs.
      for (let run = 0; run <= RUNS; run += 1) {
        const page = await context.newPage();
        const time = await openTime(page, `/studio/processes/benchProcess${size}`, size, size * 2);
        const work = await dragWork(page);
        await page.close();
        const listPage = await context.newPage();
        const clicked = await openFromListTime(listPage, `Bench ${size}`, size, size * 2);
        await listPage.close();
        if (run === 0) continue;
        open.push(time);
        fromList.push(clicked);
        drag.push(...work);
      }
      results.set(size, { open, fromList, drag });
    }

    const small = results.get(20);
    const large = results.get(200);
    if (!small || !large) throw new Error('missing results');
    const line = (label: string, result: { open: number[]; fromList: number[]; drag: number[] }) =>
      `  ${label}: opened from the process list ${ms(median(result.fromList))} (worst ${ms(Math.max(...result.fromList))}, ratio ${(median(result.fromList) / median(small.fromList)).toFixed(2)}); ` +
      `as a cold first page ${ms(median(result.open))} (ratio ${(median(result.open) / median(small.open)).toFixed(2)}); drag work per step p50 ${percentile(result.drag, 0.5).toFixed(1)} ms, p95 ${percentile(result.drag, 0.95).toFixed(1)} ms (budget 16 ms)`;
    console.log(`Process canvas in headless Chromium (1366×800, cold cache, ${RUNS} runs after a warm-up, ${DRAG_STEPS} drag steps per run; ratios to the 20-state process in the same run)`);
    console.log(line('20 states, 40 moves (baseline)', small));
    console.log(line('200 states, 400 moves', large));
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
