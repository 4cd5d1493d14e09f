// Makes sure the end-user app (runtime/web/dist) and the studio (designer/dist) hold builds of
// their current sources before browser tests run, so `npm test` works on a fresh clone (no build
// step). One build at a time across Jest workers; a build is reused while no source is newer.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { newestChange, withFileLock } from './file-lock';

const REPOSITORY = path.resolve(__dirname, '../..');
export const WEB_DIRECTORY = path.join(REPOSITORY, 'runtime/web');
export const STUDIO_DIRECTORY = path.join(REPOSITORY, 'designer');

interface BuiltApp {
  directory: string;
  /** What the bundle is made of: the app, its build config, and the parts of core it imports. */
  inputs: string[];
}

const APPS: readonly BuiltApp[] = [
  { directory: WEB_DIRECTORY, inputs: ['runtime/web/src', 'runtime/web/index.html', 'runtime/web/vite.config.mts', 'core/src/expr', 'core/src/model/label.ts', 'package-lock.json'] },
  {
    directory: STUDIO_DIRECTORY,
    // The studio's layout preview renders with the app's form code and compiles entity schemas with core's compiler.
    inputs: ['designer/src', 'designer/index.html', 'designer/vite.config.mts', 'runtime/web/src', 'core/schemas', 'core/src', 'package-lock.json'],
  },
];

function isCurrent(app: BuiltApp): boolean {
  const built = fs.statSync(path.join(app.directory, 'dist/index.html'), { throwIfNoEntry: false });
  return built !== undefined && built.mtimeMs >= Math.max(...app.inputs.map((input) => newestChange(path.join(REPOSITORY, input))));
}

export function isWebBuildCurrent(): boolean {
  return APPS.every(isCurrent);
}

/**
 * Builds into a fresh folder and swaps it in, keeping the previous build's hashed assets: a server
 * another test file runs at that moment keeps serving the pages (and lazy chunks) it handed out.
 */
function build(app: BuiltApp): void {
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin/vite.js');
  const output = path.join(app.directory, `dist.building-${process.pid}`);
  const result = spawnSync(process.execPath, [vite, 'build', app.directory, '--outDir', output, '--emptyOutDir', '--logLevel', 'warn'], { cwd: REPOSITORY, encoding: 'utf8' });
  if (result.status !== 0) {
    fs.rmSync(output, { recursive: true, force: true });
    throw new Error(`${path.relative(REPOSITORY, app.directory)} did not build (vite exited with ${String(result.status)}):\n${result.stderr}\n${result.stdout}`);
  }
  const dist = path.join(app.directory, 'dist');
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

/** Builds the end-user app and the studio unless current builds are there. */
export async function ensureWebBuild(): Promise<void> {
  if (isWebBuildCurrent()) return;
  await withFileLock('stagecraft-web-build', () => {
    for (const app of APPS) if (!isCurrent(app)) build(app);
  });
}
