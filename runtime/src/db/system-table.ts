// Creates the runtime's own bookkeeping tables (credentials, sessions, audit…) if missing, with
// their indexes, in SQL both dialects accept. MySQL declares indexes inside CREATE TABLE (it has
// no CREATE INDEX IF NOT EXISTS); SQLite creates them afterwards, each IF NOT EXISTS.
import type { Dialect } from '@stagecraft/metadata';
import type { Database } from './database';

export type SystemColumnType = 'id' | 'datetime' | 'text' | 'integer' | { string: number };

export interface SystemColumn {
  name: string;
  type: SystemColumnType;
  isNullable?: boolean;
}

export interface SystemTable {
  name: string;
  columns: readonly SystemColumn[];
  primaryKey: readonly string[];
  indexes: ReadonlyArray<{ name: string; columns: readonly string[]; isUnique?: boolean }>;
}

export function systemColumnSqlType(dialect: Dialect, type: SystemColumnType): string {
  if (typeof type === 'object') return `VARCHAR(${type.string})`;
  switch (type) {
    case 'id':
      return 'VARCHAR(36)';
    case 'datetime':
      return dialect === 'mysql' ? 'DATETIME(3)' : 'DATETIME';
    case 'text':
      return dialect === 'mysql' ? 'MEDIUMTEXT' : 'TEXT';
    case 'integer':
      return dialect === 'mysql' ? 'BIGINT' : 'INTEGER';
  }
}

export async function ensureSystemTable(database: Database, table: SystemTable): Promise<void> {
  const q = (name: string): string => database.quote(name);
  const list = (columns: readonly string[]): string => columns.map(q).join(', ');
  const parts = table.columns.map((column) => `${q(column.name)} ${systemColumnSqlType(database.dialect, column.type)} ${column.isNullable ? 'NULL' : 'NOT NULL'}`);
  parts.push(`PRIMARY KEY (${list(table.primaryKey)})`);
  if (database.dialect === 'mysql') {
    for (const index of table.indexes) parts.push(`${index.isUnique ? 'UNIQUE ' : ''}INDEX ${q(index.name)} (${list(index.columns)})`);
  }
  const options = database.dialect === 'mysql' ? ' CHARACTER SET utf8mb4 COLLATE utf8mb4_bin' : '';
  await database.execute(`CREATE TABLE IF NOT EXISTS ${q(table.name)} (${parts.join(', ')})${options}`);
  if (database.dialect === 'mysql') return;
  for (const index of table.indexes) {
    await database.execute(`CREATE ${index.isUnique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${q(index.name)} ON ${q(table.name)} (${list(index.columns)})`);
  }
}
