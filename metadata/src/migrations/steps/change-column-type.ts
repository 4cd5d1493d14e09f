// Applies widenColumn and narrowColumn. MySQL: MODIFY COLUMN with the algorithm named (in place
// within a VARCHAR length class, otherwise a table copy). SQLite: a table rebuild in one
// transaction; SQLite would accept a longer VARCHAR without it (it does not enforce lengths),
// but then the declared type would lie, and introspection — how a resumed migration knows what
// is done — would read the old type. Embedded databases are small enough for the copy.
import { classifyTypeChange, ConflictError, describeColumnType, NotFoundError, sameColumnType, ValidationError, type ColumnPlan, type MysqlAlgorithm } from '@stagecraft/core';
import { columnDefinitionSql } from '../column-sql';
import { countValuesThatWouldNotFit } from '../data-checks';
import type { SchemaSession } from '../schema-session';
import { rebuildSqliteColumnType } from '../sqlite-rebuild';
import { columnPath, requireLiveTable, type StepApplier, type StepOutcome } from './step-applier';

export const applyWidenColumn: StepApplier<'widenColumn'> = (session, step) => changeColumnType(session, step.table, step.column, step.algorithm, false);

/** Narrowing first counts the stored values that would not fit and refuses while there are any. */
export const applyNarrowColumn: StepApplier<'narrowColumn'> = (session, step) => changeColumnType(session, step.table, step.column, 'copy', true);

async function changeColumnType(session: SchemaSession, table: string, column: ColumnPlan, algorithm: MysqlAlgorithm, isNarrowing: boolean): Promise<StepOutcome> {
  const path = columnPath(table, column.name);
  const live = await requireLiveTable(session, table);
  const existing = live.columns.find((candidate) => candidate.name === column.name);
  if (!existing) throw new NotFoundError(`Column ${table}.${column.name} does not exist`, [{ path, code: 'missingColumn', message: 'No column of this name exists in the database.' }]);
  if (existing.type && sameColumnType(existing.type, column.type)) return { skipped: true };
  if (!existing.type || (!isNarrowing && classifyTypeChange(existing.type, column.type) !== 'widen')) {
    throw new ConflictError(`Column ${table}.${column.name} is ${existing.sqlType}, which cannot be widened to ${describeColumnType(column.type)}`, [
      { path, code: 'unexpectedType', message: `Found ${existing.sqlType}.` },
    ]);
  }
  if (isNarrowing) {
    const misfits = await countValuesThatWouldNotFit(session, table, column.name, column.type);
    if (misfits > 0) {
      const message = `${misfits} stored value${misfits === 1 ? '' : 's'} would not fit in ${describeColumnType(column.type)}; shorten or fix ${misfits === 1 ? 'it' : 'them'} first.`;
      throw new ValidationError(`Cannot narrow ${table}.${column.name}: stored values would be truncated`, [{ path, code: 'valuesWouldNotFit', message }]);
    }
  }
  if (session.dialect === 'mysql') {
    await session.run(`ALTER TABLE ${session.quote(table)} MODIFY COLUMN ${columnDefinitionSql(session, column)}, ALGORITHM=${algorithm.toUpperCase()}`);
  } else {
    await rebuildSqliteColumnType(session, table, column.name, column.type);
  }
  return { skipped: false };
}
