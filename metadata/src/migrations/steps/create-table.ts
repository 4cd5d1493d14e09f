// Applies createTable: columns, primary key and indexes in one go (one CREATE TABLE on MySQL,
// one transaction on SQLite). A table that exists already is completed rather than recreated.
import { ConflictError, type TablePlan } from '@stagecraft/core';
import { columnDefinitionSql, indexColumnsSql } from '../column-sql';
import { readLiveTable } from '../introspect-table';
import type { SchemaSession } from '../schema-session';
import { createIndexSql, ensureIndex } from './add-index';
import type { StepApplier } from './step-applier';

export const applyCreateTable: StepApplier<'createTable'> = async (session, step) => {
  const { plan } = step;
  const live = await readLiveTable(session, plan.table);
  if (live) {
    const missing = plan.columns.filter((column) => !live.columns.some((existing) => existing.name === column.name));
    if (missing.length > 0) {
      throw new ConflictError(`Table ${plan.table} already exists with other columns`, missing.map((column) => ({ path: `/${plan.table}/${column.name}`, code: 'missingColumn', message: 'The existing table lacks this column.' })));
    }
    let created = 0;
    for (const index of plan.indexes) if (await ensureIndex(session, plan.table, index)) created += 1;
    return { skipped: created === 0 };
  }
  await session.atomically(async (transaction) => {
    for (const statement of createTableStatements(transaction, plan)) await transaction.run(statement);
  });
  return { skipped: false };
};

function createTableStatements(session: SchemaSession, plan: TablePlan): string[] {
  const quote = (name: string): string => session.quote(name);
  const typeOf = (name: string) => plan.columns.find((column) => column.name === name)?.type;
  const definitions = [...plan.columns.map((column) => columnDefinitionSql(session, column)), `PRIMARY KEY (${plan.primaryKey.map(quote).join(', ')})`];
  if (session.dialect === 'mysql') {
    for (const index of plan.indexes) definitions.push(`${index.unique ? 'UNIQUE ' : ''}KEY ${quote(index.name)} ${indexColumnsSql(session, index, typeOf)}`);
    return [`CREATE TABLE ${quote(plan.table)} (${definitions.join(', ')}) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`];
  }
  return [`CREATE TABLE ${quote(plan.table)} (${definitions.join(', ')})`, ...plan.indexes.map((index) => createIndexSql(session, plan.table, index, typeOf))];
}
