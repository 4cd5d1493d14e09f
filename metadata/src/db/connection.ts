// Opens the database a Stagecraft deployment runs on: a SQLite file (embedded default) or
// MySQL/MariaDB. Dialect settings that correctness depends on are fixed here, once.
import fs from 'node:fs';
import path from 'node:path';
import { Sequelize, Transaction } from 'sequelize';

export type Dialect = 'sqlite' | 'mysql';

export interface DatabaseOptions {
  /** `sqlite:/path/to/file.sqlite`, `sqlite::memory:`, or `mysql://user:pass@host:port/db`. */
  url: string;
  /** Connection pool size for MySQL (default 10). */
  poolMax?: number;
  /** Log every SQL statement (debugging). */
  logSql?: boolean;
}

export function dialectOfUrl(url: string): Dialect {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('mysql:') || url.startsWith('mariadb:')) return 'mysql';
  throw new Error(`Unsupported DATABASE_URL "${redactUrl(url)}": use sqlite:<file> or mysql://user:password@host:port/database`);
}

export function dialectOf(sequelize: Sequelize): Dialect {
  const dialect = sequelize.getDialect();
  if (dialect === 'sqlite' || dialect === 'mysql') return dialect;
  // mariadb dialect is not used: MariaDB is reached through mysql2.
  throw new Error(`Unsupported dialect ${dialect}`);
}

/** Hides the password of a connection URL for logs and errors. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

export async function openDatabase(options: DatabaseOptions): Promise<Sequelize> {
  const dialect = dialectOfUrl(options.url);
  const logging = options.logSql ? (sql: string) => console.log(sql) : false;
  if (dialect === 'sqlite') {
    const storage = options.url.slice('sqlite:'.length) || ':memory:';
    if (storage !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(storage)), { recursive: true });
    const sequelize = new Sequelize({
      dialect: 'sqlite',
      storage,
      logging,
      // One writer at a time; IMMEDIATE takes the write lock up front so two writers never
      // deadlock upgrading a read lock.
      transactionType: Transaction.TYPES.IMMEDIATE,
      pool: { max: 1, min: 0, idle: 60_000 },
      define: { timestamps: false },
    });
    await sequelize.query('PRAGMA journal_mode = WAL');
    await sequelize.query('PRAGMA busy_timeout = 10000');
    await sequelize.query('PRAGMA foreign_keys = ON');
    await sequelize.query('PRAGMA synchronous = NORMAL');
    return sequelize;
  }
  const url = options.url.replace(/^mariadb:/, 'mysql:');
  const sequelize = new Sequelize(url, {
    dialect: 'mysql',
    logging,
    timezone: '+00:00',
    pool: { max: options.poolMax ?? 10, min: 0, idle: 30_000 },
    dialectOptions: { decimalNumbers: true, supportBigNumbers: true, bigNumberStrings: false, dateStrings: false, charset: 'utf8mb4' },
    define: { timestamps: false, charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
  });
  await sequelize.authenticate();
  return sequelize;
}
