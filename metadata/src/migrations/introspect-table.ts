// Reads a table as it is in the database (columns with their portable types, primary key,
// secondary indexes), so each migration step can check whether it is already done.
import type { ColumnType, IndexPlan } from '@stagecraft/core';
import type { Sequelize } from 'sequelize';
import { createSchemaSession, type SchemaSession } from './schema-session';

export interface LiveColumn {
  name: string;
  /** The portable type, or undefined when the SQL type is not one Stagecraft creates. */
  type: ColumnType | undefined;
  /** The SQL type as the database reports it, e.g. `varchar(255)`. */
  sqlType: string;
  nullable: boolean;
}

export interface LiveTable {
  table: string;
  columns: LiveColumn[];
  primaryKey: string[];
  /** Secondary indexes (not the primary key), each with its columns in key order. */
  indexes: IndexPlan[];
}

/** The table as it exists now, or null when there is no table of that name. */
export async function introspectTable(sequelize: Sequelize, table: string): Promise<LiveTable | null> {
  return readLiveTable(createSchemaSession(sequelize), table);
}

export async function readLiveTable(session: SchemaSession, table: string): Promise<LiveTable | null> {
  return session.dialect === 'mysql' ? readMysqlTable(session, table) : readSqliteTable(session, table);
}

interface SqliteColumnRow { name: string; type: string; notnull: number; pk: number }
interface SqliteIndexRow { name: string; unique: number; origin: string }
interface SqliteIndexColumnRow { seqno: number; name: string }

async function readSqliteTable(session: SchemaSession, table: string): Promise<LiveTable | null> {
  const rows = await session.select<SqliteColumnRow>(`PRAGMA table_info(${session.quote(table)})`);
  if (rows.length === 0) return null;
  const indexes: IndexPlan[] = [];
  for (const index of await session.select<SqliteIndexRow>(`PRAGMA index_list(${session.quote(table)})`)) {
    // 'c' = made by CREATE INDEX; 'pk' and 'u' are constraints of the table itself.
    if (index.origin !== 'c') continue;
    const columns = await session.select<SqliteIndexColumnRow>(`PRAGMA index_info(${session.quote(index.name)})`);
    indexes.push({ name: index.name, unique: index.unique === 1, columns: columns.sort((a, b) => a.seqno - b.seqno).map((column) => column.name) });
  }
  return {
    table,
    columns: rows.map((row) => ({ name: row.name, sqlType: row.type, type: parseSqliteType(row.type), nullable: row.notnull === 0 })),
    primaryKey: rows.filter((row) => row.pk > 0).sort((a, b) => a.pk - b.pk).map((row) => row.name),
    indexes: indexes.sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export function parseSqliteType(declared: string): ColumnType | undefined {
  const type = declared.trim().toUpperCase();
  const varchar = /^VARCHAR\((\d+)\)$/.exec(type);
  if (varchar) return { kind: 'string', length: Number(varchar[1]) };
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(type);
  if (decimal) return { kind: 'decimal', precision: Number(decimal[1]), scale: Number(decimal[2]) };
  const simple: Record<string, ColumnType> = {
    TEXT: { kind: 'text' },
    INTEGER: { kind: 'integer' },
    BIGINT: { kind: 'integer' },
    BOOLEAN: { kind: 'boolean' },
    DATE: { kind: 'date' },
    DATETIME: { kind: 'datetime' },
  };
  return simple[type];
}

interface MysqlColumnRow {
  COLUMN_NAME: string;
  DATA_TYPE: string;
  COLUMN_TYPE: string;
  CHARACTER_MAXIMUM_LENGTH: number | null;
  NUMERIC_PRECISION: number | null;
  NUMERIC_SCALE: number | null;
  IS_NULLABLE: string;
  COLUMN_KEY: string;
}
interface MysqlIndexRow { INDEX_NAME: string; NON_UNIQUE: number; COLUMN_NAME: string }

async function readMysqlTable(session: SchemaSession, table: string): Promise<LiveTable | null> {
  const rows = await session.select<MysqlColumnRow>(
    `SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, IS_NULLABLE, COLUMN_KEY
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`,
    [table],
  );
  if (rows.length === 0) return null;
  const indexRows = await session.select<MysqlIndexRow>(
    `SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX`,
    [table],
  );
  const indexes = new Map<string, IndexPlan>();
  for (const row of indexRows) {
    const index = indexes.get(row.INDEX_NAME) ?? { name: row.INDEX_NAME, unique: Number(row.NON_UNIQUE) === 0, columns: [] };
    index.columns.push(row.COLUMN_NAME);
    indexes.set(row.INDEX_NAME, index);
  }
  const primary = indexes.get('PRIMARY');
  indexes.delete('PRIMARY');
  return {
    table,
    columns: rows.map((row) => ({ name: row.COLUMN_NAME, sqlType: row.COLUMN_TYPE, type: parseMysqlType(row), nullable: row.IS_NULLABLE === 'YES' })),
    primaryKey: primary?.columns ?? [],
    indexes: [...indexes.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

function parseMysqlType(row: MysqlColumnRow): ColumnType | undefined {
  switch (row.DATA_TYPE.toLowerCase()) {
    case 'varchar':
      return { kind: 'string', length: Number(row.CHARACTER_MAXIMUM_LENGTH) };
    case 'text':
    case 'mediumtext':
    case 'longtext':
      return { kind: 'text' };
    case 'bigint':
    case 'int':
      return { kind: 'integer' };
    case 'decimal':
      return { kind: 'decimal', precision: Number(row.NUMERIC_PRECISION), scale: Number(row.NUMERIC_SCALE) };
    case 'tinyint':
      return row.COLUMN_TYPE.toLowerCase() === 'tinyint(1)' ? { kind: 'boolean' } : undefined;
    case 'date':
      return { kind: 'date' };
    case 'datetime':
      return { kind: 'datetime' };
    default:
      return undefined;
  }
}
