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

export class Database {
  readonly dialect: Dialect;
  /** SQLite allows one writer: write transactions of this process queue here instead of failing busy. */
  private readonly writeQueue = new SerialQueue();
  private closing: Promise<void> | undefined;
  /** Transactions run by `transaction()`: only these are sure to flush their deferred writes. */
  private readonly managed = new WeakSet<Transaction>();
  private readonly deferred = new WeakMap<Transaction, DeferredWrite[]>();

  constructor(readonly sequelize: Sequelize) {
    this.dialect = dialectOf(sequelize);
  }

  /** Quotes a metadata-derived identifier (table, column, index) for this dialect. */
  quote(identifier: string): string {
    return this.dialect === 'mysql' ? `\`${identifier.replace(/`/g, '``')}\`` : `"${identifier.replace(/"/g, '""')}"`;
  }

  async select(sql: string, bind: readonly unknown[], transaction?: Transaction): Promise<SqlRow[]> {
    if (transaction) await this.flush(transaction);
    return this.sequelize.query<SqlRow>(this.parameterised(sql, bind), { ...this.parameters(sql, bind), type: QueryTypes.SELECT, transaction, raw: true });
  }

  async insert(sql: string, bind: readonly unknown[], transaction?: Transaction): Promise<void> {
    if (transaction) await this.flush(transaction);
    await this.sequelize.query(this.parameterised(sql, bind), { ...this.parameters(sql, bind), type: QueryTypes.INSERT, transaction, raw: true });
  }

  /** Runs an UPDATE and returns how many rows it changed. */
  async update(sql: string, bind: readonly unknown[], transaction?: Transaction): Promise<number> {
    if (transaction) await this.flush(transaction);
    const [, affected] = await this.sequelize.query(this.parameterised(sql, bind), { ...this.parameters(sql, bind), type: QueryTypes.UPDATE, transaction, raw: true });
    return Number(affected ?? 0);
  }

  /** Runs a DELETE and returns how many rows it removed. */
  async delete(sql: string, bind: readonly unknown[], transaction?: Transaction): Promise<number> {
    if (transaction) await this.flush(transaction);
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
    if (!this.managed.has(transaction)) {
      await this.runDeferred([{ sql, bind, ...(expect ? { expect } : {}) }], transaction);
      return;
    }
    const queue = this.deferred.get(transaction);
    const write: DeferredWrite = { sql, bind, ...(expect ? { expect } : {}) };
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
    // The leading comment keeps Sequelize from taking a batch that starts with an INSERT for a single
    // insert (it would answer with an insert id instead of every statement's result).
    const statements = writes.map((write) => write.sql.replace(PLACEHOLDER, (_, index: string) => escape(write.bind[Number(index) - 1] as Escapable, undefined, 'mysql', true)));
    const sql = `/* deferred writes */ ${statements.join(';\n')}`;
    const [results] = await this.sequelize.query(sql, { transaction, raw: true, type: QueryTypes.RAW });
    const headers = Array.isArray(results) ? results : [results];
    writes.forEach((write, index) => {
      const affected = Number((headers[index] as { affectedRows?: unknown } | undefined)?.affectedRows ?? -1);
      if (write.expect && affected !== write.expect.affected) throw write.expect.error();
    });
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

/** Collects bind parameters while SQL text is assembled; `add` returns the placeholder. */
export class BindParameters {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
