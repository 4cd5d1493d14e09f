// Test databases on real engines: a fresh SQLite file, or a fresh MariaDB database per call
// (one per test file and worker), dropped afterwards. MySQL runs when global-setup found it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';

export type TestDialect = 'sqlite' | 'mysql';

export interface TestDatabase {
  dialect: TestDialect;
  /** A DATABASE_URL for openDatabase(). */
  url: string;
  /** Removes the database and its files. */
  drop(): Promise<void>;
}

/** end() resolves before the server closed the socket; unref it so the closing socket never holds a test worker open. */
async function closeFully(connection: mysql.Connection): Promise<void> {
  await connection.end();
  (connection as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
}

export function isMysqlAvailable(): boolean {
  return process.env.STAGECRAFT_TEST_MYSQL_AVAILABLE === '1';
}

/** The dialects to run a database suite on: always SQLite, MySQL when it answers. */
export function testDialects(): TestDialect[] {
  return isMysqlAvailable() ? ['sqlite', 'mysql'] : ['sqlite'];
}

function mysqlServerUrl(): URL {
  return new URL(process.env.STAGECRAFT_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test');
}

export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  const suffix = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  if (dialect === 'sqlite') {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-test-'));
    return {
      dialect,
      url: `sqlite:${path.join(directory, 'test.sqlite')}`,
      drop: async () => fs.rmSync(directory, { recursive: true, force: true }),
    };
  }
  const server = mysqlServerUrl();
  const database = `sc_test_${suffix}`;
  const admin = await mysql.createConnection({ host: server.hostname, port: Number(server.port || 3306), user: decodeURIComponent(server.username || 'root'), password: decodeURIComponent(server.password) });
  try {
    await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await closeFully(admin);
  }
  const url = new URL(server.toString());
  url.pathname = `/${database}`;
  return {
    dialect,
    url: url.toString(),
    drop: async () => {
      const connection = await mysql.createConnection({ host: server.hostname, port: Number(server.port || 3306), user: decodeURIComponent(server.username || 'root'), password: decodeURIComponent(server.password) });
      try {
        await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
      } finally {
        await closeFully(connection);
      }
    },
  };
}
