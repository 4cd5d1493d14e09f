// How many records run each version of a process, and in which states: what an administrator
// needs to see before publishing a change that removes states (those records need a mapping).
// One grouped query over the instance rows (indexed by process and version); each distinct state
// value is expanded to the state paths it stands in.
import { activeStatePaths, type ProcessStateValue } from '@stagecraft/core';
import type { Database } from '../db/database';
import { PROCESS_INSTANCES_TABLE } from './workflow-tables';

export interface RunningVersion {
  version: number;
  /** Records running (not finished) on this version. */
  running: number;
  /** Finished records (in a final state) on this version. */
  done: number;
  /** State path → running records in it (a compound state counts the records in any of its children). */
  states: Record<string, number>;
}

function parseState(text: string): ProcessStateValue | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' || (typeof value === 'object' && value !== null) ? (value as ProcessStateValue) : undefined;
  } catch {
    return undefined;
  }
}

export async function runningInstancesOf(database: Database, process: string): Promise<RunningVersion[]> {
  const q = (name: string): string => database.quote(name);
  const rows = await database.select(
    `SELECT ${q('metadata_version')} AS version, ${q('state')} AS state, ${q('status')} AS status, COUNT(*) AS count FROM ${q(PROCESS_INSTANCES_TABLE)} WHERE ${q('process')} = $1 GROUP BY ${q('metadata_version')}, ${q('state')}, ${q('status')}`,
    [process],
  );
  const versions = new Map<number, RunningVersion>();
  for (const row of rows) {
    const version = Number(row.version);
    const count = Number(row.count);
    const entry = versions.get(version) ?? { version, running: 0, done: 0, states: {} };
    versions.set(version, entry);
    if (String(row.status) === 'done') {
      entry.done += count;
      continue;
    }
    entry.running += count;
    const value = parseState(String(row.state));
    for (const path of value === undefined ? [] : activeStatePaths(value)) entry.states[path] = (entry.states[path] ?? 0) + count;
  }
  return [...versions.values()].sort((left, right) => right.version - left.version);
}
