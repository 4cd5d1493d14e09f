// What the browser benchmarks share: the real server (`stagecraft serve` on a fresh SQLite file
// with the SFA pack, in this process), Debian's Chromium headless, medians, and the gzipped size of
// a Vite build's first screen and of every chunk reachable from it.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { runCli, type RunningServer } from '@stagecraft/runtime';

export const REPOSITORY = path.resolve(__dirname, '../../../..');
export const BENCH_ADMIN_PASSWORD = 'bench-admin-password';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const quiet = { io: { out: () => undefined, error: (line: string) => process.stderr.write(`${line}\n`) } };

export async function startBenchServer(directory: string): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = { HOST: '127.0.0.1', PORT: '0', STAGECRAFT_DATA: path.join(directory, 'data'), STAGECRAFT_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD, STAGECRAFT_EMBEDDED_SCHEDULER: '0' };
  const published = await runCli(['publish', path.join(REPOSITORY, 'packs/sfa')], env, { ...quiet, workingDirectory: directory });
  if (published.exitCode !== 0) throw new Error('publishing the SFA pack failed');
  const served = await runCli(['serve'], env, { ...quiet, workingDirectory: directory });
  if (!served.server) throw new Error('stagecraft serve did not start');
  return served.server;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.STAGECRAFT_CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

/** A bearer token of the benchmark's administrator. */
export async function adminToken(server: RunningServer): Promise<{ token: string; userId: string }> {
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: BENCH_ADMIN_PASSWORD, token: true }) });
  const { token, user } = (await login.json()) as { token: string; user: { id: string } };
  return { token, userId: user.id };
}

/** A laptop-sized context signed in once as the benchmark's administrator; its fresh pages share the cookie. */
export async function signedInContext(browser: Browser, server: RunningServer): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, baseURL: server.url });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill(BENCH_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  await page.close();
  return context;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Asset files a file names (static and dynamic imports, CSS), among those in dist/assets. */
function referencedAssets(dist: string, file: string, existing: ReadonlySet<string>): string[] {
  const text = fs.readFileSync(path.join(dist, file), 'utf8');
  return [...new Set([...text.matchAll(/[\w.-]+-[\w-]{8}\.(?:js|css)/g)].map((match) => `assets/${match[0]}`))].filter((name) => existing.has(name) && name !== file);
}

/** The gzipped size of what a build's index.html loads first, and of every chunk reachable from it (lazy screens too). */
export function bundleSizes(dist: string): { initial: number; all: number; initialRaw: number } {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const existing = new Set(fs.readdirSync(path.join(dist, 'assets')).map((file) => `assets/${file}`));
  const initialFiles = [...html.matchAll(/(?:src|href)="\/(?:studio\/)?(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1] as string);
  const reachable = new Set<string>(initialFiles);
  const queue = [...initialFiles.filter((file) => file.endsWith('.js'))];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const next of referencedAssets(dist, file, existing)) {
      if (reachable.has(next)) continue;
      reachable.add(next);
      if (next.endsWith('.js')) queue.push(next);
    }
  }
  const gzip = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
  return {
    initial: initialFiles.reduce((sum, file) => sum + gzip(file), 0),
    initialRaw: initialFiles.reduce((sum, file) => sum + fs.statSync(path.join(dist, file)).size, 0),
    all: [...reachable].reduce((sum, file) => sum + gzip(file), 0),
  };
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (value: number): string => `${Math.round(value)} ms`;
