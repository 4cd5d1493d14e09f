// Renames that tolerate having already happened: renamed and retired tables and columns all
// go through these, so a re-run after a failure skips what is done. A target that exists means
// done even when the source name exists too: the same plan may have given that name to a new
// field or entity. Skipping never loses data; the source stays where it is.
import { NotFoundError } from '@stagecraft/core';
import { readLiveTable } from '../introspect-table';
import type { SchemaSession } from '../schema-session';
import { columnPath, requireLiveTable, type StepOutcome } from './step-applier';

export async function renameTableOnce(session: SchemaSession, from: string, to: string): Promise<StepOutcome> {
  const hasSource = (await readLiveTable(session, from)) !== null;
  const hasTarget = (await readLiveTable(session, to)) !== null;
  if (hasTarget) return { skipped: true };
  if (!hasSource) throw new NotFoundError(`Cannot rename table ${from} to ${to}: neither exists`, [{ path: `/${from}`, code: 'missingTable', message: `No table named ${from} or ${to} exists.` }]);
  const quote = (name: string): string => session.quote(name);
  await session.run(session.dialect === 'mysql' ? `RENAME TABLE ${quote(from)} TO ${quote(to)}` : `ALTER TABLE ${quote(from)} RENAME TO ${quote(to)}`);
  return { skipped: false };
}

export async function renameColumnOnce(session: SchemaSession, table: string, from: string, to: string): Promise<StepOutcome> {
  const live = await requireLiveTable(session, table);
  const hasSource = live.columns.some((column) => column.name === from);
  const hasTarget = live.columns.some((column) => column.name === to);
  if (hasTarget) return { skipped: true };
  if (!hasSource) throw new NotFoundError(`Cannot rename column ${table}.${from} to ${to}: neither exists`, [{ path: columnPath(table, from), code: 'missingColumn', message: `No column named ${from} or ${to} exists.` }]);
  const statement = `ALTER TABLE ${session.quote(table)} RENAME COLUMN ${session.quote(from)} TO ${session.quote(to)}`;
  await session.run(session.dialect === 'mysql' ? `${statement}, ALGORITHM=INSTANT` : statement);
  return { skipped: false };
}
