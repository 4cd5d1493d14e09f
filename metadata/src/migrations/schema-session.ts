// The connection a migration runs on: quoting, raw statements (logged, so a publish can show
// the DDL it ran) and atomic groups of statements where the engine allows DDL in a transaction.
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { dialectOf, type Dialect } from '../db/connection';

export interface SchemaSession {
  dialect: Dialect;
  /** The statements run so far through this session (and sessions derived from it). */
  statements: string[];
  quote(identifier: string): string;
  run(sql: string): Promise<void>;
  select<Row extends object>(sql: string, replacements?: unknown[]): Promise<Row[]>;
  /**
   * Runs `work` in one transaction on SQLite, where DDL is transactional. MySQL commits every
   * DDL statement on its own, so there the work runs as it is and each step must be resumable.
   */
  atomically<Result>(work: (session: SchemaSession) => Promise<Result>): Promise<Result>;
}

export function createSchemaSession(sequelize: Sequelize, transaction?: Transaction, statements: string[] = []): SchemaSession {
  const queryInterface = sequelize.getQueryInterface();
  const dialect = dialectOf(sequelize);
  const session: SchemaSession = {
    dialect,
    statements,
    quote: (identifier) => queryInterface.quoteIdentifier(identifier, true),
    async run(sql) {
      statements.push(sql);
      await sequelize.query(sql, { raw: true, transaction });
    },
    async select<Row extends object>(sql: string, replacements: unknown[] = []) {
      const rows: object[] = await sequelize.query(sql, { type: QueryTypes.SELECT, replacements, transaction });
      return rows as Row[];
    },
    async atomically(work) {
      if (dialect !== 'sqlite' || transaction) return work(session);
      return sequelize.transaction((inner) => work(createSchemaSession(sequelize, inner, statements)));
    },
  };
  return session;
}
