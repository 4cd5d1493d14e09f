// SQLite cannot change a column's type in place: the documented way is a rebuild — create the
// new table, copy the rows, drop the old one, rename, recreate the indexes — in one transaction,
// so readers see either the old table or the new one, never a half-copied table.
import { fitIdentifier, type ColumnType } from '@stagecraft/core';
import { sqlTypeOf } from './column-sql';
import type { SchemaSession } from './schema-session';

interface SqliteColumnRow { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }

export async function rebuildSqliteColumnType(session: SchemaSession, table: string, column: string, type: ColumnType): Promise<void> {
  await session.atomically(async (transaction) => {
    const quote = (name: string): string => transaction.quote(name);
    const columns = await transaction.select<SqliteColumnRow>(`PRAGMA table_info(${quote(table)})`);
    const indexes = await transaction.select<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`, [table]);
    const temporary = fitIdentifier(`_rebuild_${table}`);
    const definitions = columns.map((row) => {
      const sqlType = row.name === column ? sqlTypeOf('sqlite', type) : row.type;
      const defaultValue = row.dflt_value === null ? '' : ` DEFAULT ${row.dflt_value}`;
      return `${quote(row.name)} ${sqlType}${row.notnull ? ' NOT NULL' : ' NULL'}${defaultValue}`;
    });
    const primaryKey = columns.filter((row) => row.pk > 0).sort((a, b) => a.pk - b.pk).map((row) => quote(row.name));
    if (primaryKey.length > 0) definitions.push(`PRIMARY KEY (${primaryKey.join(', ')})`);
    const names = columns.map((row) => quote(row.name)).join(', ');

    await transaction.run(`CREATE TABLE ${quote(temporary)} (${definitions.join(', ')})`);
    await transaction.run(`INSERT INTO ${quote(temporary)} (${names}) SELECT ${names} FROM ${quote(table)}`);
    await transaction.run(`DROP TABLE ${quote(table)}`);
    await transaction.run(`ALTER TABLE ${quote(temporary)} RENAME TO ${quote(table)}`);
    for (const index of indexes) await transaction.run(index.sql);
  });
}
