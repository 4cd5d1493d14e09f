// Purging a retired column: the one DROP Stagecraft ever runs, and only on a column an earlier
// publish set aside (the caller checks that), after the administrator confirmed it. On MariaDB the
// drop is instant (no table copy); SQLite 3.35+ drops a column that no index or constraint uses,
// which a retired column never is (its indexes went when it was retired).
import type { Sequelize } from 'sequelize';
import { createSchemaSession } from './schema-session';

/** Drops `table.column`; returns the statement it ran. */
export async function purgeColumn(sequelize: Sequelize, table: string, column: string): Promise<string[]> {
  const statements: string[] = [];
  const session = createSchemaSession(sequelize, undefined, statements);
  const statement = `ALTER TABLE ${session.quote(table)} DROP COLUMN ${session.quote(column)}`;
  await session.run(session.dialect === 'mysql' ? `${statement}, ALGORITHM=INSTANT` : statement);
  return statements;
}
