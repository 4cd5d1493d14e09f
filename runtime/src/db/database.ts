// The record layer's thin handle on Sequelize: raw SQL with bound parameters, identifier quoting
// per dialect, affected-row counts, and transactions. SQL text here is always built from
// metadata; request values only ever travel as bind parameters (escaped by Sequelize on MySQL).
// Writes whose answer is not needed at once (log rows, updates of rows the transaction holds
// locked) can be deferred: on MySQL they travel together in one round trip before the
// transaction's next statement or its commit — a process step's four writes cost one.
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { escape, type Escapable } from 'sequelize/lib/sql-string';
import { dialectOf, type Dialect } from '@stagecraft/metadata';
import { SerialQueue } from './serial-queue';

export type SqlRow = Record<string, unknown>;

/** A deferred write, with the affected-row count it must report (else `error()` is thrown). */
interface DeferredWrite {
  sql: string;
  bind: readonly unknown[];
  expect?: DeferredExpectation;
}

export interface DeferredExpectation {
  affected: number;
  error: () => Error;
}

/** Bind placeholders in our SQL text; identifiers come from metadata and never contain `$`. */
const PLACEHOLDER = /\$(\d+)/g;

/** The part of a mysql2 connection the raw path uses. */
interface MysqlConnection {
  query(sql: string, callback: (error: Error | null, result: unknown) => void): unknown;
}

/** Sequelize's MySQL query class, for turning a driver error into Sequelize's (UniqueConstraintError…). */
type SequelizeQueryClass = new (connection: unknown, sequelize: Sequelize, options: object) => { formatError(error: unknown, stack?: string): Error };

const ER_DEADLOCK = 1213;

export class Database {
  readonly dialect: Dialect;
  /** SQLite allows one writer: write transactions of this process queue here instead of failing busy. */
  private readonly writeQueue = new SerialQueue();
  private closing: Promise<void> | undefined;
  /** Transactions run by `transaction()`: only these are sure to flush their deferred writes. */
  private readonly managed = new WeakSet<Transaction>();
  private readonly deferred = new WeakMap<Transaction, DeferredWrite[]>();

  /**
   * MySQL statements go straight to the driver (values inlined exactly as Sequelize escapes
   * replacements) instead of through Sequelize's per-query machinery, which profiling showed as a
   * large share of a short request's CPU. Off while Sequelize logs SQL or has query hooks (tests
   * count statements with them), so logs and hooks stay complete.
   */
  private readonly canUseRawMysql: boolean;

  constructor(readonly sequelize: Sequelize) {
    this.dialect = dialectOf(sequelize);
    this.canUseRawMysql = this.dialect === 'mysql' && !(sequelize as unknown as { options: { logging?: unknown } }).options.logging;
  }

  /** Quotes a metadata-derived identifier (table, column, index) for this dialect. */
  quote(identifier: string): string {
    return this.dialect === 'mysql' ? `\`${identifier.replace(/`/g, '``')}\`` : `"${identifier.replace(/"/g, '""')}"`;
  }

  async select(sql: string, bind: readonly unknown[], transaction?: Transaction): Promise<SqlRow[]> {
    if (transaction) await this.flush(transaction);
    if (this.isRawMysql) return (await this.mysqlQuery(sql, bind, transaction)) as SqlRow[];
    return this.sequelize.query<SqlRow>(this.parameterised(sql, bind), { ...this.parameters(sql, bind), type: QueryTypes.SELECT, transaction, raw: true });
  }

  async insert(sql: string, bind: readonly unknown[], transaction?: Transaction): Promise<void> {
    if (transaction) await this.flush(transaction);
    if (this.isRawMysql) {
      await this.mysqlQuery(sql, bind, transaction);
      return;
    }
    await this.sequelize.query(this.parameterised(sql, bind), { ...this.parameters(sql, bind), type: QueryTypes.INSERT, transaction, raw: true });
  }

  /** Runs an UPDATE and returns how many rows it changed. */
  async update(sql: string, bind: readonly unknown[], transaction?: Transaction): Promise<number> {
    if (transaction) await this.flush(transaction);
    if (this.isRawMysql) return affectedRowsOf(await this.mysqlQuery(sql, bind, transaction));
    const [, affected] = await this.sequelize.query(this.parameterised(sql, bind), { ...this.parameters(sql, bind), type: QueryTypes.UPDATE, transaction, raw: true });
    return Number(affected ?? 0);
  }

  /** Runs a DELETE and returns how many rows it removed. */
  async delete(sql: string, bind: readonly unknown[], transaction?: Transaction): Promise<number> {
    if (transaction) await this.flush(transaction);
    if (this.isRawMysql) return affectedRowsOf(await this.mysqlQuery(sql, bind, transaction));
    const affected: unknown = await this.sequelize.query(this.parameterised(sql, bind), { ...this.parameters(sql, bind), type: QueryTypes.BULKDELETE, transaction, raw: true });
    return Number(affected ?? 0);
  }

  /**
   * Queues an INSERT, UPDATE or DELETE whose answer the caller does not need now; it runs before
   * the transaction's next statement or its commit, and a failure fails the transaction there.
   * With `expect`, a different affected-row count throws `expect.error()`. In a transaction not run
   * by `transaction()` (nothing would flush it) the write runs at once.
   */
  async defer(sql: string, bind: readonly unknown[], transaction: Transaction, expect?: DeferredExpectation): Promise<void> {
    const write: DeferredWrite = { sql, bind, ...(expect ? { expect } : {}) };
    if (!this.managed.has(transaction)) {
      await this.runDeferred([write], transaction);
      return;
    }
    const queue = this.deferred.get(transaction);
    if (queue) queue.push(write);
    else this.deferred.set(transaction, [write]);
  }

  /** Sends the transaction's deferred writes (one round trip on MySQL). */
  async flush(transaction: Transaction): Promise<void> {
    const queue = this.deferred.get(transaction);
    if (!queue) return;
    this.deferred.delete(transaction);
    await this.runDeferred(queue, transaction);
  }

  private async runDeferred(writes: readonly DeferredWrite[], transaction: Transaction): Promise<void> {
    if (this.dialect !== 'mysql' || writes.length === 1) {
      for (const write of writes) {
        const affected = await this.update(write.sql, write.bind, transaction);
        if (write.expect && affected !== write.expect.affected) throw write.expect.error();
      }
      return;
    }
    // One multi-statement query; values are inlined exactly as Sequelize escapes replacements.
    // The leading comment keeps Sequelize (when it runs the batch) from taking a batch that starts
    // with an INSERT for a single insert (it would answer with an insert id, not every result).
    const sql = `/* deferred writes */ ${writes.map((write) => inlineValues(write.sql, write.bind)).join(';\n')}`;
    const results = this.isRawMysql ? await this.mysqlQuery(sql, [], transaction) : (await this.sequelize.query(sql, { transaction, raw: true, type: QueryTypes.RAW }))[0];
    const headers = Array.isArray(results) ? results : [results];
    writes.forEach((write, index) => {
      const affected = Number((headers[index] as { affectedRows?: unknown } | undefined)?.affectedRows ?? -1);
      if (write.expect && affected !== write.expect.affected) throw write.expect.error();
    });
  }

  private get isRawMysql(): boolean {
    return this.canUseRawMysql && !this.sequelize.hasHook('beforeQuery') && !this.sequelize.hasHook('afterQuery');
  }

  /** One statement on the driver: the transaction's connection, or one from Sequelize's pool. */
  private async mysqlQuery(sql: string, bind: readonly unknown[], transaction?: Transaction): Promise<unknown> {
    const text = inlineValues(sql, bind);
    const connection = transaction ? (transaction as unknown as { connection: MysqlConnection }).connection : ((await this.sequelize.connectionManager.getConnection({ type: 'write' })) as MysqlConnection);
    try {
      return await new Promise<unknown>((resolve, reject) => {
        connection.query(text, (error, result) => (error ? reject(error) : resolve(result)));
      });
    } catch (error) {
      // As Sequelize does: a deadlock has already rolled the transaction back on the server.
      if (transaction && (error as { errno?: unknown }).errno === ER_DEADLOCK) {
        await transaction.rollback().catch(() => undefined);
      }
      const { Query } = (this.sequelize as unknown as { dialect: { Query: SequelizeQueryClass } }).dialect;
      Object.assign(error as object, { sql: text });
      // (No caller stack is captured up front: that cost more than the rest of the statement's CPU.)
      throw new Query(connection, this.sequelize, {}).formatError(error);
    } finally {
      if (!transaction) this.sequelize.connectionManager.releaseConnection(connection);
    }
  }

  /**
   * SQL text is written with `$n` placeholders. SQLite binds them natively. On MySQL they become
   * `?` with values escaped by the driver (text protocol): prepared statements would send numbers
   * as DOUBLE, and comparing a DECIMAL column with a DOUBLE keeps MariaDB off the index.
   */
  private parameterised(sql: string, bind: readonly unknown[]): string {
    return this.dialect === 'mysql' && bind.length > 0 ? sql.replace(PLACEHOLDER, '?') : sql;
  }

  private parameters(sql: string, bind: readonly unknown[]): { bind?: unknown[]; replacements?: unknown[] } {
    if (bind.length === 0) return {};
    assertBindable(bind);
    if (this.dialect !== 'mysql') return { bind: bind as unknown[] };
    const replacements: unknown[] = [];
    for (const match of sql.matchAll(PLACEHOLDER)) replacements.push(bind[Number(match[1]) - 1]);
    return { replacements };
  }

  /** Runs DDL or other statements without a result. */
  async execute(sql: string, transaction?: Transaction): Promise<void> {
    if (transaction) await this.flush(transaction);
    await this.sequelize.query(sql, { transaction, raw: true });
  }

  /** Runs a single-statement write outside a transaction (queued behind SQLite's one writer). */
  async write<T>(work: () => Promise<T>): Promise<T> {
    return this.dialect === 'sqlite' ? this.writeQueue.run(work) : work();
  }

  /** Runs work in one transaction, committed when it resolves and rolled back when it throws. */
  async transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    const managed = async (transaction: Transaction): Promise<T> => {
      this.managed.add(transaction);
      try {
        const result = await work(transaction);
        await this.flush(transaction);
        return result;
      } finally {
        this.deferred.delete(transaction);
      }
    };
    if (this.dialect === 'sqlite') return this.writeQueue.run(() => this.sequelize.transaction(managed));
    return this.sequelize.transaction(managed);
  }

  /** Closes the connections; a second call does nothing. */
  close(): Promise<void> {
    this.closing ??= this.sequelize.close();
    return this.closing;
  }
}

/** `$n` placeholders replaced by their values as MySQL literals, escaped exactly as Sequelize escapes replacements. */
function inlineValues(sql: string, bind: readonly unknown[]): string {
  if (bind.length === 0) return sql;
  assertBindable(bind);
  return sql.replace(PLACEHOLDER, (_, index: string) => escape(bind[Number(index) - 1] as Escapable, undefined, 'mysql', true));
}

/** A bound value the database layer refuses: validation should have stopped it (a bug, hence a 500). */
export class UnbindableValueError extends Error {
  constructor(position: number) {
    super(`Bind parameter $${position} is not a finite number; it is never sent to the database`);
    this.name = 'UnbindableValueError';
  }
}

/**
 * Infinity and NaN have no SQL literal: Sequelize's escape writes them bare, so MySQL would read
 * `Infinity` as a column name, and SQLite would store a value MySQL cannot. Whatever let one through
 * validation, it stops here.
 */
export function assertBindable(bind: readonly unknown[]): void {
  for (let index = 0; index < bind.length; index += 1) {
    const value = bind[index];
    if (typeof value === 'number' && !Number.isFinite(value)) throw new UnbindableValueError(index + 1);
  }
}

function affectedRowsOf(result: unknown): number {
  return Number((result as { affectedRows?: unknown } | undefined)?.affectedRows ?? 0);
}

/** Collects bind parameters while SQL text is assembled; `add` returns the placeholder. */
export class BindParameters {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
