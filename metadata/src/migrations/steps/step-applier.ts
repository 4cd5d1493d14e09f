// What every step applier is: given the session and its step, make the database match the step
// or find it already does (then it reports skipped, so a failed publish can simply be re-run).
import { NotFoundError, type MigrationStep, type MigrationStepKind } from '@stagecraft/core';
import { readLiveTable, type LiveTable } from '../introspect-table';
import type { SchemaSession } from '../schema-session';

export interface StepOutcome {
  /** True when the database already matched the step and nothing ran. */
  skipped: boolean;
}

export type StepApplier<Kind extends MigrationStepKind> = (session: SchemaSession, step: Extract<MigrationStep, { kind: Kind }>) => Promise<StepOutcome>;

export function columnPath(table: string, column: string): string {
  return `/${table}/${column}`;
}

export async function requireLiveTable(session: SchemaSession, table: string): Promise<LiveTable> {
  const live = await readLiveTable(session, table);
  if (!live) throw new NotFoundError(`Table ${table} does not exist`, [{ path: `/${table}`, code: 'missingTable', message: 'No table of this name exists in the database.' }]);
  return live;
}
