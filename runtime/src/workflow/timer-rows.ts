// Durable timer rows — the truth the schedulers dispatch from. A step's timer instructions are
// applied in its transaction (arming is delete + insert by key: portable, no vendor upsert). A
// worker claims a due row with one conditional UPDATE (a lease with its own token), so two
// workers never act on the same row; the firing transaction deletes the row it claimed, so a
// committed firing can never fire again, and a crashed one is retried after the lease ends.
import type { TimerInstructions } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import type { Database } from '../db/database';
import { toSqlDateTime, VALUE_CODECS } from '../records/value-kinds';
import { TIMERS_TABLE } from './workflow-tables';

export interface TimerOwner {
  entity: string;
  recordId: string;
  process: string;
}

export interface TimerRow extends TimerOwner {
  key: string;
  state: string;
  generation: number;
  dueAt: string;
  attempts: number;
  lockedUntil: string | null;
}

const COLUMNS = ['entity', 'record_id', 'timer_key', 'process', 'state', 'generation', 'due_at', 'attempts', 'locked_until'] as const;

function rowOf(row: Record<string, unknown>): TimerRow {
  const lockedUntil = VALUE_CODECS.datetime.fromColumn(row.locked_until);
  return {
    entity: String(row.entity),
    recordId: String(row.record_id),
    process: String(row.process),
    key: String(row.timer_key),
    state: String(row.state),
    generation: Number(row.generation),
    dueAt: String(VALUE_CODECS.datetime.fromColumn(row.due_at)),
    attempts: Number(row.attempts),
    lockedUntil: lockedUntil === null ? null : String(lockedUntil),
  };
}

/** A timer row's identity across processes and queues (BullMQ job ids may not contain ":"). */
export function timerJobId(timer: Pick<TimerRow, 'entity' | 'recordId' | 'key' | 'generation'>): string {
  return [timer.entity, timer.recordId, timer.key, String(timer.generation)].join('|').replace(/:/g, '~');
}

export class TimerRows {
  constructor(private readonly database: Database) {}

  private q(name: string): string {
    return this.database.quote(name);
  }

  private get keyWhere(): string {
    return `${this.q('entity')} = $1 AND ${this.q('record_id')} = $2 AND ${this.q('timer_key')} = $3`;
  }

  /** Applies a step's net timer change; returns the rows armed (for a queue to schedule after commit). */
  async apply(owner: TimerOwner, instructions: TimerInstructions, transaction: Transaction): Promise<TimerRow[]> {
    const q = (name: string): string => this.q(name);
    const removed = [...instructions.cancel, ...instructions.pause.map((pause) => pause.key)];
    const armed = [...instructions.arm, ...instructions.resume];
    const touched = [...removed, ...armed.map((timer) => timer.key)];
    // Only rows that exist are deleted: on MySQL/MariaDB a DELETE that matches nothing takes a gap
    // lock, and two transactions arming timers of new records in the same gap then deadlock on
    // their INSERTs. The record's row lock (held by every step) keeps this read current.
    const existing = touched.length === 0 ? new Set<string>() : await this.existingKeys(owner, transaction);
    for (const key of touched.filter((candidate) => existing.has(candidate))) {
      await this.database.defer(`DELETE FROM ${q(TIMERS_TABLE)} WHERE ${this.keyWhere}`, [owner.entity, owner.recordId, key], transaction);
      existing.delete(key);
    }
    const rows: TimerRow[] = [];
    for (const timer of armed) {
      const row: TimerRow = { ...owner, key: timer.key, state: timer.state, generation: timer.generation, dueAt: timer.dueAt, attempts: 0, lockedUntil: null };
      await this.database.defer(
        `INSERT INTO ${q(TIMERS_TABLE)} (${COLUMNS.map(q).join(', ')}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [row.entity, row.recordId, row.key, row.process, row.state.slice(0, 500), row.generation, toSqlDateTime(new Date(row.dueAt)), 0, null],
        transaction,
      );
      rows.push(row);
    }
    return rows;
  }

  private async existingKeys(owner: TimerOwner, transaction: Transaction): Promise<Set<string>> {
    const q = (name: string): string => this.q(name);
    const rows = await this.database.select(`SELECT ${q('timer_key')} FROM ${q(TIMERS_TABLE)} WHERE ${q('entity')} = $1 AND ${q('record_id')} = $2`, [owner.entity, owner.recordId], transaction);
    return new Set(rows.map((row) => String(row.timer_key)));
  }

  /** Due rows nobody holds a lease on, earliest first. */
  async listDue(now: Date, limit: number): Promise<TimerRow[]> {
    const q = (name: string): string => this.q(name);
    const at = toSqlDateTime(now);
    const rows = await this.database.select(
      `SELECT ${COLUMNS.map(q).join(', ')} FROM ${q(TIMERS_TABLE)} WHERE ${q('due_at')} <= $1 AND (${q('locked_until')} IS NULL OR ${q('locked_until')} < $2) ` +
        `ORDER BY ${q('due_at')} LIMIT ${Math.max(1, Math.floor(limit))}`,
      [at, at],
    );
    return rows.map(rowOf);
  }

  /** Every armed row after a cursor, for the sweeper that re-enqueues lost queue jobs. */
  async listAll(after: { dueAt: string; key: string } | null, limit: number): Promise<TimerRow[]> {
    const q = (name: string): string => this.q(name);
    const where = after ? ` WHERE ${q('due_at')} >= $1` : '';
    const rows = await this.database.select(`SELECT ${COLUMNS.map(q).join(', ')} FROM ${q(TIMERS_TABLE)}${where} ORDER BY ${q('due_at')} LIMIT ${Math.max(1, Math.floor(limit))}`, after ? [toSqlDateTime(new Date(after.dueAt))] : []);
    return rows.map(rowOf);
  }

  async find(owner: Pick<TimerOwner, 'entity' | 'recordId'>, key: string): Promise<TimerRow | null> {
    const q = (name: string): string => this.q(name);
    const rows = await this.database.select(`SELECT ${COLUMNS.map(q).join(', ')} FROM ${q(TIMERS_TABLE)} WHERE ${this.keyWhere}`, [owner.entity, owner.recordId, key]);
    return rows[0] ? rowOf(rows[0]) : null;
  }

  async listOfRecord(entity: string, recordId: string): Promise<TimerRow[]> {
    const q = (name: string): string => this.q(name);
    const rows = await this.database.select(`SELECT ${COLUMNS.map(q).join(', ')} FROM ${q(TIMERS_TABLE)} WHERE ${q('entity')} = $1 AND ${q('record_id')} = $2 ORDER BY ${q('due_at')}`, [entity, recordId]);
    return rows.map(rowOf);
  }

  async count(): Promise<number> {
    const rows = await this.database.select(`SELECT COUNT(*) AS ${this.q('n')} FROM ${this.q(TIMERS_TABLE)}`, []);
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * Takes a lease on many due rows with one UPDATE (one commit instead of one per row) and reads
   * back which of them this token holds: rows another worker claimed meanwhile, or that changed
   * generation, are left out. What `claim` does for one row, for a scheduler's whole round.
   */
  async claimBatch(timers: readonly TimerRow[], token: string, now: Date, leaseMs: number): Promise<TimerRow[]> {
    if (timers.length === 0) return [];
    const q = (name: string): string => this.q(name);
    const at = toSqlDateTime(now);
    const bind: unknown[] = [toSqlDateTime(new Date(now.getTime() + leaseMs)), token, at, at];
    const rowConditions = timers.map((timer) => {
      bind.push(timer.entity, timer.recordId, timer.key, timer.generation);
      const base = bind.length - 4;
      return `(${q('entity')} = $${base + 1} AND ${q('record_id')} = $${base + 2} AND ${q('timer_key')} = $${base + 3} AND ${q('generation')} = $${base + 4})`;
    });
    await this.database.write(() =>
      this.database.update(
        `UPDATE ${q(TIMERS_TABLE)} SET ${q('locked_until')} = $1, ${q('claimed_by')} = $2, ${q('attempts')} = ${q('attempts')} + 1 ` +
          `WHERE (${rowConditions.join(' OR ')}) AND ${q('due_at')} <= $3 AND (${q('locked_until')} IS NULL OR ${q('locked_until')} < $4)`,
        bind,
      ),
    );
    const keys: unknown[] = [token];
    const keyConditions = timers.map((timer) => {
      keys.push(timer.entity, timer.recordId, timer.key);
      const base = keys.length - 3;
      return `(${q('entity')} = $${base + 1} AND ${q('record_id')} = $${base + 2} AND ${q('timer_key')} = $${base + 3})`;
    });
    const rows = await this.database.select(`SELECT ${COLUMNS.map(q).join(', ')} FROM ${q(TIMERS_TABLE)} WHERE ${q('claimed_by')} = $1 AND (${keyConditions.join(' OR ')})`, keys);
    const claimed = new Set(rows.map((row) => `${String(row.entity)}\u0000${String(row.record_id)}\u0000${String(row.timer_key)}`));
    return timers.filter((timer) => claimed.has(`${timer.entity}\u0000${timer.recordId}\u0000${timer.key}`)).map((timer) => ({ ...timer, attempts: timer.attempts + 1 }));
  }

  /** Takes a lease on a due row of this generation; false when another worker holds it, or it changed. */
  async claim(timer: TimerRow, token: string, now: Date, leaseMs: number): Promise<boolean> {
    const q = (name: string): string => this.q(name);
    const at = toSqlDateTime(now);
    const changed = await this.database.write(() =>
      this.database.update(
        `UPDATE ${q(TIMERS_TABLE)} SET ${q('locked_until')} = $4, ${q('claimed_by')} = $5, ${q('attempts')} = ${q('attempts')} + 1 ` +
          `WHERE ${this.keyWhere} AND ${q('generation')} = $6 AND ${q('due_at')} <= $7 AND (${q('locked_until')} IS NULL OR ${q('locked_until')} < $8)`,
        [timer.entity, timer.recordId, timer.key, toSqlDateTime(new Date(now.getTime() + leaseMs)), token, timer.generation, at, at],
      ),
    );
    return changed === 1;
  }

  /** Inside the firing transaction: deletes the claimed row; false when the lease was lost meanwhile. */
  async consume(timer: TimerRow, token: string, transaction: Transaction): Promise<boolean> {
    const q = (name: string): string => this.q(name);
    const removed = await this.database.delete(
      `DELETE FROM ${q(TIMERS_TABLE)} WHERE ${this.keyWhere} AND ${q('generation')} = $4 AND ${q('claimed_by')} = $5`,
      [timer.entity, timer.recordId, timer.key, timer.generation, token],
      transaction,
    );
    return removed === 1;
  }

  /** Gives a claimed row back (not due yet, or delivery failed), optionally at a new due time. */
  async release(timer: TimerRow, token: string, options: { dueAt?: string; error?: string; retryAt?: Date } = {}): Promise<void> {
    const q = (name: string): string => this.q(name);
    const lockedUntil = options.retryAt ? toSqlDateTime(options.retryAt) : null;
    const dueAt = options.dueAt ? toSqlDateTime(new Date(options.dueAt)) : toSqlDateTime(new Date(timer.dueAt));
    await this.database.write(() =>
      this.database.update(
        `UPDATE ${q(TIMERS_TABLE)} SET ${q('locked_until')} = $4, ${q('claimed_by')} = NULL, ${q('due_at')} = $5, ${q('last_error')} = $6 WHERE ${this.keyWhere} AND ${q('claimed_by')} = $7`,
        [timer.entity, timer.recordId, timer.key, lockedUntil, dueAt, options.error?.slice(0, 2000) ?? null, token],
      ),
    );
  }

  async deleteOfRecord(entity: string, recordId: string, transaction: Transaction): Promise<void> {
    const q = (name: string): string => this.q(name);
    await this.database.delete(`DELETE FROM ${q(TIMERS_TABLE)} WHERE ${q('entity')} = $1 AND ${q('record_id')} = $2`, [entity, recordId], transaction);
  }
}
