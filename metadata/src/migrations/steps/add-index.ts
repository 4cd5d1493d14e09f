// Applies addIndex: online on MariaDB (in place, no lock); a unique index is first checked
// against the stored rows so duplicates are reported, with their count, before anything runs.
import { ValidationError, type ColumnType, type IndexPlan } from '@stagecraft/core';
import { indexColumnsSql, MYSQL_ONLINE_INDEX_OPTIONS } from '../column-sql';
import { countDuplicateValues } from '../data-checks';
import type { SchemaSession } from '../schema-session';
import { columnPath, requireLiveTable, type StepApplier } from './step-applier';

export const applyAddIndex: StepApplier<'addIndex'> = async (session, step) => ({ skipped: !(await ensureIndex(session, step.table, step.index)) });

/** Creates the index unless the table already has one of that name; returns whether it created one. */
export async function ensureIndex(session: SchemaSession, table: string, index: IndexPlan): Promise<boolean> {
  const live = await requireLiveTable(session, table);
  if (live.indexes.some((existing) => existing.name === index.name)) return false;
  if (index.unique) {
    const duplicates = await countDuplicateValues(session, table, index.columns);
    if (duplicates > 0) {
      const path = columnPath(table, index.columns.join(','));
      const message = `${duplicates} value${duplicates === 1 ? '' : 's'} of ${index.columns.join(', ')} occur${duplicates === 1 ? 's' : ''} in more than one row; make them unique before adding the unique index.`;
      throw new ValidationError(`Cannot add unique index ${index.name} on ${table}: duplicate values`, [{ path, code: 'duplicateValues', message }]);
    }
  }
  const types = new Map(live.columns.map((column) => [column.name, column.type]));
  await session.run(createIndexSql(session, table, index, (column) => types.get(column)));
  return true;
}

export function createIndexSql(session: SchemaSession, table: string, index: IndexPlan, typeOf: (column: string) => ColumnType | undefined): string {
  const statement = `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${session.quote(index.name)} ON ${session.quote(table)} ${indexColumnsSql(session, index, typeOf)}`;
  return session.dialect === 'mysql' ? `${statement} ${MYSQL_ONLINE_INDEX_OPTIONS}` : statement;
}
