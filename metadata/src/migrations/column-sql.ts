// Portable column types as each dialect's SQL. MySQL gets exact types (VARCHAR lengths are
// enforced there); SQLite gets declared types whose affinities store the values faithfully
// (VARCHAR → TEXT affinity, DECIMAL/BOOLEAN/DATE → NUMERIC) and keep the portable type readable
// for introspection, so a resumed migration can tell what is already done.
import { INDEX_PREFIX_LENGTH, isFullyIndexable, type ColumnPlan, type ColumnType, type IndexPlan } from '@stagecraft/core';
import type { Dialect } from '../db/connection';
import type { SchemaSession } from './schema-session';

export function sqlTypeOf(dialect: Dialect, type: ColumnType): string {
  switch (type.kind) {
    case 'string':
      return `VARCHAR(${type.length})`;
    case 'text':
      // MEDIUMTEXT (16 MB) rather than TEXT (64 KB, about 16k characters in utf8mb4): long notes fit.
      return dialect === 'mysql' ? 'MEDIUMTEXT' : 'TEXT';
    case 'integer':
      return dialect === 'mysql' ? 'BIGINT' : 'INTEGER';
    case 'decimal':
      return `DECIMAL(${type.precision},${type.scale})`;
    case 'boolean':
      return dialect === 'mysql' ? 'TINYINT(1)' : 'BOOLEAN';
    case 'date':
      return 'DATE';
    case 'datetime':
      return dialect === 'mysql' ? 'DATETIME(3)' : 'DATETIME';
  }
}

export function columnDefinitionSql(session: SchemaSession, column: Pick<ColumnPlan, 'name' | 'type' | 'nullable'>): string {
  return `${session.quote(column.name)} ${sqlTypeOf(session.dialect, column.type)} ${column.nullable ? 'NULL' : 'NOT NULL'}`;
}

/** The parenthesised column list of an index; MySQL indexes only a prefix of long strings and text. */
export function indexColumnsSql(session: SchemaSession, index: IndexPlan, typeOf: (column: string) => ColumnType | undefined): string {
  const parts = index.columns.map((column) => {
    const type = typeOf(column);
    const prefix = session.dialect === 'mysql' && type !== undefined && !isFullyIndexable(type) ? `(${INDEX_PREFIX_LENGTH})` : '';
    return `${session.quote(column)}${prefix}`;
  });
  return `(${parts.join(', ')})`;
}

/** The options that make MySQL create or drop an index without copying or locking the table. */
export const MYSQL_ONLINE_INDEX_OPTIONS = 'ALGORITHM=INPLACE LOCK=NONE';
