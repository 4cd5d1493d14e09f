// Applies addColumn: a nullable column, which MariaDB adds instantly (no table copy) and SQLite
// adds natively; existing rows read NULL.
import { ConflictError, describeColumnType, sameColumnType } from '@stagecraft/core';
import { columnDefinitionSql } from '../column-sql';
import { columnPath, requireLiveTable, type StepApplier } from './step-applier';

export const applyAddColumn: StepApplier<'addColumn'> = async (session, step) => {
  const live = await requireLiveTable(session, step.table);
  const existing = live.columns.find((column) => column.name === step.column.name);
  if (existing) {
    if (existing.type && sameColumnType(existing.type, step.column.type)) return { skipped: true };
    throw new ConflictError(`Column ${step.table}.${step.column.name} already exists with another type`, [
      { path: columnPath(step.table, step.column.name), code: 'columnExists', message: `Expected ${describeColumnType(step.column.type)}, found ${existing.sqlType}.` },
    ]);
  }
  const statement = `ALTER TABLE ${session.quote(step.table)} ADD COLUMN ${columnDefinitionSql(session, step.column)}`;
  await session.run(session.dialect === 'mysql' ? `${statement}, ALGORITHM=INSTANT` : statement);
  return { skipped: false };
};
