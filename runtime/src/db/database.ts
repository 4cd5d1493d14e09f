// The record layer's thin handle on Sequelize: raw SQL with bound parameters, identifier quoting
// per dialect, affected-row counts, and transactions. SQL text here is always built from
// metadata; request values only ever travel as bind parameters.
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { dialectOf, type Dialect } from '@stagecraft/metadata';
import { SerialQueue } from './serial-queue';

export type SqlRow = Record<string, unknown>;

/** Bind placeholders in our SQL text; identifiers come from metadata and never contain `$`. */
const PLACEHOLDER = /\$(\d+)/g;

export class Database {
  readonly dialect: Dialect;
  /** SQLite allows one writer: write transactions of this process queue here instead of failing busy. */
  private readonly writeQueue = new SerialQueue();
  private closing: Promise<void> | undefined;

  constructor(readonly sequelize: Sequelize) {
    this.dialect = dialectOf(sequelize);
  }

  /** Quotes a metadata-derived identifier (table, column, index) for this dialect. */
  quote(identifier: string): string {
    return this.dialect === 'mysql' ? `\`${identifier.replace(/`/g, '``')}\`` : `"${identifier.replace(/"/g, '""')}"`;
  }

  async select(sql: string, bind: readonly unknown[], transaction?: Transaction): Promise<SqlRow[]> {
    return this.sequelize.query<SqlRow>(this.parameterised(sql, bind), { ...this.parameters(sql, bind), type: QueryTypes.SELECT, transaction, raw: true });
  }

  async insert(sql: string, bind: readonly unknown[], transaction?: Transaction): Promise<void> {
    await this.sequelize.query(this.parameterised(sql, bind), { ...this.parameters(sql, bind), type: QueryTypes.INSERT, transaction, raw: true });
  }

  /** Runs an UPDATE and returns how many rows it changed. */
  async update(sql: string, bind: readonly unknown[], transaction?: Transaction): Promise<number> {
    const [, affected] = await this.sequelize.query(this.parameterised(sql, bind), { ...this.parameters(sql, bind), type: QueryTypes.UPDATE, transaction, raw: true });
    return Number(affected ?? 0);
  }

  /** Runs a DELETE and returns how many rows it removed. */
  async delete(sql: string, bind: readonly unknown[], transaction?: Transaction): Promise<number> {
    const affected: unknown = await this.sequelize.query(this.parameterised(sql, bind), { ...this.parameters(sql, bind), type: QueryTypes.BULKDELETE, transaction, raw: true });
    return Number(affected ?? 0);
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
    await this.sequelize.query(sql, { transaction, raw: true });
  }

  /** Runs a single-statement write outside a transaction (queued behind SQLite's one writer). */
  async write<T>(work: () => Promise<T>): Promise<T> {
    return this.dialect === 'sqlite' ? this.writeQueue.run(work) : work();
  }

  /** Runs work in one transaction, committed when it resolves and rolled back when it throws. */
  async transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    if (this.dialect === 'sqlite') return this.writeQueue.run(() => this.sequelize.transaction(work));
    return this.sequelize.transaction(work);
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
