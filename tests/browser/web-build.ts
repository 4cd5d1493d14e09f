// Makes sure runtime/web/dist holds a build of the current web sources before browser tests
// run, so `npm test` works on a fresh clone (no build step). One build at a time across Jest
// workers; a build is reused while no source is newer than it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { newestChange, withFileLock } from './file-lock';

const REPOSITORY = path.resolve(__dirname, '../..');
export const WEB_DIRECTORY = path.join(REPOSITORY, 'runtime/web');
const BUILT_INDEX = path.join(WEB_DIRECTORY, 'dist/index.html');
/** What the bundle is made of: the app, its build config, and the parts of core it imports. */
const INPUTS = ['runtime/web/src', 'runtime/web/index.html', 'runtime/web/vite.config.mts', 'core/src/expr', 'core/src/model/label.ts', 'package-lock.json'].map((input) => path.join(REPOSITORY, input));

export function isWebBuildCurrent(): boolean {
  const built = fs.statSync(BUILT_INDEX, { throwIfNoEntry: false });
  return built !== undefined && built.mtimeMs >= Math.max(...INPUTS.map(newestChange));
}

/**
 * Builds into a fresh folder and swaps it in, keeping the previous build's hashed assets: a server
 * another test file runs at that moment keeps serving the pages (and lazy chunks) it handed out.
 */
function build(): void {
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin/vite.js');
  const output = path.join(WEB_DIRECTORY, `dist.building-${process.pid}`);
  const result = spawnSync(process.execPath, [vite, 'build', WEB_DIRECTORY, '--outDir', output, '--emptyOutDir', '--logLevel', 'warn'], { cwd: REPOSITORY, encoding: 'utf8' });
  if (result.status !== 0) {
    fs.rmSync(output, { recursive: true, force: true });
    throw new Error(`The web app did not build (vite exited with ${String(result.status)}):\n${result.stderr}\n${result.stdout}`);
  }
  const dist = path.join(WEB_DIRECTORY, 'dist');
  const previousAssets = path.join(dist, 'assets');
  if (fs.existsSync(previousAssets)) {
    for (const asset of fs.readdirSync(previousAssets)) {
      const target = path.join(output, 'assets', asset);
      if (!fs.existsSync(target)) fs.copyFileSync(path.join(previousAssets, asset), target);
    }
  }
  const retired = `${dist}.old-${process.pid}`;
  if (fs.existsSync(dist)) fs.renameSync(dist, retired);
  fs.renameSync(output, dist);
  fs.rmSync(retired, { recursive: true, force: true });
}

/** Builds the web app unless a current build is there. */
export async function ensureWebBuild(): Promise<void> {
  if (isWebBuildCurrent()) return;
  await withFileLock('stagecraft-web-build', () => {
    if (!isWebBuildCurrent()) build();
  });
}
