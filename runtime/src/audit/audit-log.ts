// Appending to and reading the audit log. A record write passes its transaction, so the audit
// row commits or rolls back with the change; other events (logins, tokens) append on their own.
import type { Transaction } from 'sequelize';
import { BindParameters, type Database } from '../db/database';
import type { Actor, RequestOrigin } from '../identity/actor';
import { newRecordId } from '../records/record-id';
import { toSqlDateTime, VALUE_CODECS } from '../records/value-kinds';
import { AUDIT_TABLE } from './audit-table';

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'transition',
  'ownerChange',
  'convert',
  'merge',
  'permissionChange',
  'login',
  'loginFailed',
  'logout',
  'tokenCreated',
  'tokenRevoked',
  'passwordChanged',
  'publish',
  'rollback',
  'purge',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  action: AuditAction;
  /** Who acted; for a failed login, who was claimed (`userId` null when no such user). */
  actor: Pick<Actor, 'userId' | 'username'>;
  origin: RequestOrigin;
  at: Date;
  entity?: string | null;
  recordId?: string | null;
  changes?: unknown;
}

export interface AuditRow {
  id: string;
  at: string;
  actorId: string | null;
  actorUsername: string;
  requestId: string | null;
  action: string;
  entity: string | null;
  recordId: string | null;
  changes: unknown;
  ip: string | null;
}

export interface AuditFilter {
  entity?: string;
  recordId?: string;
  /** A user id or username. */
  actor?: string;
  action?: string;
}

const COLUMNS = ['id', 'at', 'actor_id', 'actor_username', 'request_id', 'action', 'entity', 'record_id', 'changes', 'ip'] as const;

export async function appendAudit(database: Database, entry: AuditEntry, transaction?: Transaction): Promise<void> {
  const q = (name: string): string => database.quote(name);
  const values = [
    newRecordId(entry.at.getTime()),
    toSqlDateTime(entry.at),
    entry.actor.userId,
    entry.actor.username.slice(0, 200),
    entry.origin.requestId,
    entry.action,
    entry.entity ?? null,
    entry.recordId ?? null,
    entry.changes === undefined || entry.changes === null ? null : JSON.stringify(entry.changes),
    entry.origin.ip?.slice(0, 64) ?? null,
  ];
  const sql = `INSERT INTO ${q(AUDIT_TABLE)} (${COLUMNS.map(q).join(', ')}) VALUES (${values.map((_, index) => `$${index + 1}`).join(', ')})`;
  // In a transaction the row travels with the transaction's other deferred writes.
  if (transaction) await database.defer(sql, values, transaction);
  else await database.write(() => database.insert(sql, values));
}

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function rowOf(row: Record<string, unknown>): AuditRow {
  let changes: unknown = null;
  if (typeof row.changes === 'string') {
    try {
      changes = JSON.parse(row.changes);
    } catch {
      changes = row.changes;
    }
  }
  return {
    id: String(row.id),
    at: String(VALUE_CODECS.datetime.fromColumn(row.at)),
    actorId: text(row.actor_id),
    actorUsername: String(row.actor_username),
    requestId: text(row.request_id),
    action: String(row.action),
    entity: text(row.entity),
    recordId: text(row.record_id),
    changes,
    ip: text(row.ip),
  };
}

export interface AuditPageOptions {
  page: number;
  pageSize: number;
  /** Newest first (the log view) or oldest first (a record's history). */
  order: 'newestFirst' | 'oldestFirst';
}

export async function listAudit(database: Database, filter: AuditFilter, options: AuditPageOptions): Promise<AuditRow[]> {
  const q = (name: string): string => database.quote(name);
  const params = new BindParameters();
  const conditions: string[] = [];
  if (filter.entity !== undefined) conditions.push(`${q('entity')} = ${params.add(filter.entity)}`);
  if (filter.recordId !== undefined) conditions.push(`${q('record_id')} = ${params.add(filter.recordId)}`);
  if (filter.action !== undefined) conditions.push(`${q('action')} = ${params.add(filter.action)}`);
  if (filter.actor !== undefined) conditions.push(`(${q('actor_id')} = ${params.add(filter.actor)} OR ${q('actor_username')} = ${params.add(filter.actor)})`);
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  const direction = options.order === 'newestFirst' ? 'DESC' : 'ASC';
  // Integers we computed, inlined as in the record lists.
  const sql =
    `SELECT ${COLUMNS.map(q).join(', ')} FROM ${q(AUDIT_TABLE)}${where} ORDER BY ${q('at')} ${direction}, ${q('id')} ${direction} ` +
    `LIMIT ${options.pageSize} OFFSET ${(options.page - 1) * options.pageSize}`;
  return (await database.select(sql, params.values)).map(rowOf);
}
