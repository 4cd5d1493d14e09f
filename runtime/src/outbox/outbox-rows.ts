// The outbox: side effects (e-mail, webhooks, other records' processes) written as rows in the
// transaction that decided them, delivered after commit by a worker, at least once. A worker
// leases a row with a conditional UPDATE (its token, a lease end in next_attempt_at), so two
// workers never deliver the same row at the same time; a crashed delivery is retried after the
// lease. The row id travels with every delivery as its idempotency key.
import type { Transaction } from 'sequelize';
import type { Database } from '../db/database';
import { newRecordId } from '../records/record-id';
import { toSqlDateTime, VALUE_CODECS } from '../records/value-kinds';
import { OUTBOX_TABLE } from '../workflow/workflow-tables';

/** Where the effect came from, for links and logs. */
export interface OutboxSource {
  entity: string;
  recordId: string;
  process?: string;
  event?: string;
}

export interface OutboxMessage {
  kind: string;
  params: Record<string, unknown>;
  source: OutboxSource;
}

export interface OutboxRow extends OutboxMessage {
  id: string;
  attempts: number;
  createdAt: string;
  doneAt: string | null;
  lastError: string | null;
  result: unknown;
}

const COLUMNS = ['id', 'kind', 'payload', 'created_at', 'attempts', 'next_attempt_at', 'claimed_by', 'done_at', 'last_error', 'result'] as const;

function rowOf(row: Record<string, unknown>): OutboxRow {
  const payload = JSON.parse(String(row.payload)) as { params?: Record<string, unknown>; source?: OutboxSource };
  const doneAt = VALUE_CODECS.datetime.fromColumn(row.done_at);
  return {
    id: String(row.id),
    kind: String(row.kind),
    params: payload.params ?? {},
    source: payload.source ?? { entity: '', recordId: '' },
    attempts: Number(row.attempts),
    createdAt: String(VALUE_CODECS.datetime.fromColumn(row.created_at)),
    doneAt: doneAt === null ? null : String(doneAt),
    lastError: row.last_error === null || row.last_error === undefined ? null : String(row.last_error),
    result: row.result === null || row.result === undefined ? null : (JSON.parse(String(row.result)) as unknown),
  };
}

export class OutboxRows {
  constructor(private readonly database: Database) {}

  private q(name: string): string {
    return this.database.quote(name);
  }

  async enqueue(message: OutboxMessage, now: Date, transaction: Transaction): Promise<string> {
    const q = (name: string): string => this.q(name);
    const id = newRecordId(now.getTime());
    const at = toSqlDateTime(now);
    await this.database.defer(
      `INSERT INTO ${q(OUTBOX_TABLE)} (${COLUMNS.map(q).join(', ')}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [id, message.kind, JSON.stringify({ params: message.params, source: message.source }), at, 0, at, null, null, null, null],
      transaction,
    );
    return id;
  }

  /** Leases up to `limit` pending rows whose next attempt is due; returns the ones this token got. */
  async claimDue(now: Date, limit: number, token: string, leaseMs: number): Promise<OutboxRow[]> {
    const q = (name: string): string => this.q(name);
    const at = toSqlDateTime(now);
    const candidates = await this.database.select(
      `SELECT ${q('id')} FROM ${q(OUTBOX_TABLE)} WHERE ${q('done_at')} IS NULL AND ${q('next_attempt_at')} <= $1 ORDER BY ${q('next_attempt_at')} LIMIT ${Math.max(1, Math.floor(limit))}`,
      [at],
    );
    const claimed: OutboxRow[] = [];
    for (const candidate of candidates) {
      const changed = await this.database.write(() =>
        this.database.update(
          `UPDATE ${q(OUTBOX_TABLE)} SET ${q('next_attempt_at')} = $1, ${q('claimed_by')} = $2, ${q('attempts')} = ${q('attempts')} + 1 ` +
            `WHERE ${q('id')} = $3 AND ${q('done_at')} IS NULL AND ${q('next_attempt_at')} <= $4`,
          [toSqlDateTime(new Date(now.getTime() + leaseMs)), token, String(candidate.id), at],
        ),
      );
      if (changed !== 1) continue;
      const row = await this.get(String(candidate.id));
      if (row) claimed.push(row);
    }
    return claimed;
  }

  async get(id: string): Promise<OutboxRow | null> {
    const q = (name: string): string => this.q(name);
    const rows = await this.database.select(`SELECT ${COLUMNS.map(q).join(', ')} FROM ${q(OUTBOX_TABLE)} WHERE ${q('id')} = $1`, [id]);
    return rows[0] ? rowOf(rows[0]) : null;
  }

  async list(filter: { kind?: string; pending?: boolean } = {}, limit = 1000): Promise<OutboxRow[]> {
    const q = (name: string): string => this.q(name);
    const conditions: string[] = [];
    const bind: unknown[] = [];
    if (filter.kind !== undefined) conditions.push(`${q('kind')} = $${bind.push(filter.kind)}`);
    if (filter.pending !== undefined) conditions.push(`${q('done_at')} IS ${filter.pending ? '' : 'NOT '}NULL`);
    const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
    const rows = await this.database.select(`SELECT ${COLUMNS.map(q).join(', ')} FROM ${q(OUTBOX_TABLE)}${where} ORDER BY ${q('created_at')}, ${q('id')} LIMIT ${limit}`, bind);
    return rows.map(rowOf);
  }

  /** Marks a delivered row done (only by the token holding it). */
  async complete(id: string, token: string, now: Date, result: unknown): Promise<void> {
    const q = (name: string): string => this.q(name);
    await this.database.write(() =>
      this.database.update(
        `UPDATE ${q(OUTBOX_TABLE)} SET ${q('done_at')} = $1, ${q('claimed_by')} = NULL, ${q('last_error')} = NULL, ${q('result')} = $2 WHERE ${q('id')} = $3 AND ${q('claimed_by')} = $4`,
        [toSqlDateTime(now), result === undefined ? null : JSON.stringify(result), id, token],
      ),
    );
  }

  /** Records a failed attempt; the row comes due again at `retryAt`, or is given up (done with the error) when null. */
  async fail(id: string, token: string, now: Date, error: string, retryAt: Date | null): Promise<void> {
    const q = (name: string): string => this.q(name);
    const next = retryAt ?? now;
    await this.database.write(() =>
      this.database.update(
        `UPDATE ${q(OUTBOX_TABLE)} SET ${q('next_attempt_at')} = $1, ${q('claimed_by')} = NULL, ${q('last_error')} = $2, ${q('done_at')} = $3 WHERE ${q('id')} = $4 AND ${q('claimed_by')} = $5`,
        [toSqlDateTime(next), error.slice(0, 2000), retryAt ? null : toSqlDateTime(now), id, token],
      ),
    );
  }
}
