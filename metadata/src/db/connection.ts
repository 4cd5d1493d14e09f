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

/** How long a SQLite writer waits for another process's write lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

interface SqliteConnection {
  configure(option: 'busyTimeout', milliseconds: number): void;
  exec(sql: string, callback: (error: Error | null) => void): void;
}

/**
 * Sequelize's SQLite dialect opens a separate connection per transaction and bypasses its
 * connect hooks there, so per-connection settings (busy timeout, foreign keys) would be lost on
 * exactly the connections that write. Wrapping getConnection gives every connection them once.
 */
function configureEverySqliteConnection(sequelize: Sequelize): void {
  const manager = sequelize.connectionManager as unknown as { getConnection(options?: object): Promise<SqliteConnection> };
  const getConnection = manager.getConnection.bind(manager);
  const configured = new WeakSet<SqliteConnection>();
  manager.getConnection = async (options?: object) => {
    const connection = await getConnection(options);
    if (!configured.has(connection)) {
      configured.add(connection);
      connection.configure('busyTimeout', SQLITE_BUSY_TIMEOUT_MS);
      await new Promise<void>((resolve, reject) => connection.exec('PRAGMA foreign_keys = ON', (error) => (error ? reject(error) : resolve())));
    }
    return connection;
  };
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
    configureEverySqliteConnection(sequelize);
    await sequelize.query('PRAGMA journal_mode = WAL');
    await sequelize.query('PRAGMA synchronous = NORMAL');
    return sequelize;
  }
  const url = options.url.replace(/^mariadb:/, 'mysql:');
  const sequelize = new Sequelize(url, {
    dialect: 'mysql',
    logging,
    timezone: '+00:00',
    pool: { max: options.poolMax ?? 10, min: 0, idle: 30_000 },
    // multipleStatements: the record layer sends a transaction's deferred writes in one round trip
    // (values always escaped by Sequelize; SQL text only ever comes from metadata).
    dialectOptions: { decimalNumbers: true, supportBigNumbers: true, bigNumberStrings: false, dateStrings: false, charset: 'utf8mb4', multipleStatements: true },
    define: { timestamps: false, charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
  });
  // mysql2's end() reports done before the server has closed the socket; a closing socket must not
  // keep a finished process (a CLI command, a test worker) alive while the server gets round to it.
  sequelize.addHook('afterDisconnect', (connection: unknown) => {
    (connection as { stream?: { unref?: () => void } }).stream?.unref?.();
  });
  await sequelize.authenticate();
  return sequelize;
}
