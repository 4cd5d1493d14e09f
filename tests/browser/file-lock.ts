// One holder at a time across Jest workers (and parallel runs): a lock directory in the temp
// folder; a lock older than five minutes is taken as left behind by a killed process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const LOCK_STALE_MS = 5 * 60_000;
const LOCK_POLL_MS = 200;

export async function withFileLock<T>(name: string, work: () => Promise<T> | T): Promise<T> {
  const lock = path.join(os.tmpdir(), `${name}.lock`);
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > LOCK_STALE_MS) fs.rmSync(lock, { recursive: true, force: true });
      // Another worker holds it: wait for it, then look again.
      else await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** The newest modification time under a file or folder (0 when missing). */
export function newestChange(file: string): number {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((entry) => newestChange(path.join(file, entry))));
}
