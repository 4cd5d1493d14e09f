// Applies dropIndex: indexes hold no data, so a missing index (or table) means already done.
import { readLiveTable } from '../introspect-table';
import type { StepApplier } from './step-applier';

export const applyDropIndex: StepApplier<'dropIndex'> = async (session, step) => {
  const live = await readLiveTable(session, step.table);
  if (!live?.indexes.some((index) => index.name === step.index.name)) return { skipped: true };
  const name = session.quote(step.index.name);
  // SQLite index names are global to the database; MySQL's belong to their table.
  await session.run(session.dialect === 'mysql' ? `ALTER TABLE ${session.quote(step.table)} DROP INDEX ${name}, ALGORITHM=INPLACE, LOCK=NONE` : `DROP INDEX ${name}`);
  return { skipped: false };
};
