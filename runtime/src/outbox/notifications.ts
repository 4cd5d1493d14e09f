// In-app notifications: one row per recipient. A row's id derives from the outbox row that made
// it and the user, so a redelivered notify effect (at-least-once) never shows twice.
import { UniqueConstraintError } from 'sequelize';
import type { Database } from '../db/database';
import { toSqlDateTime, VALUE_CODECS } from '../records/value-kinds';
import { NOTIFICATIONS_TABLE } from '../workflow/workflow-tables';

export interface NotificationRow {
  id: string;
  userId: string;
  title: string;
  body: string;
  entity: string | null;
  recordId: string | null;
  /** The record's API path, for a link. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

const COLUMNS = ['id', 'user_id', 'title', 'body', 'entity', 'record_id', 'created_at', 'read_at'] as const;

function rowOf(row: Record<string, unknown>): NotificationRow {
  const readAt = VALUE_CODECS.datetime.fromColumn(row.read_at);
  const entity = row.entity === null || row.entity === undefined ? null : String(row.entity);
  const recordId = row.record_id === null || row.record_id === undefined ? null : String(row.record_id);
  return {
    id: String(row.id),
    userId: String(row.user_id),
    title: String(row.title),
    body: String(row.body),
    entity,
    recordId,
    link: entity && recordId ? `/api/records/${entity}/${recordId}` : null,
    createdAt: String(VALUE_CODECS.datetime.fromColumn(row.created_at)),
    readAt: readAt === null ? null : String(readAt),
  };
}

export interface NewNotification {
  /** Idempotency: the same id twice stores one row. */
  id: string;
  userId: string;
  title: string;
  body: string;
  entity?: string;
  recordId?: string;
}

export async function insertNotification(database: Database, notification: NewNotification, now: Date): Promise<boolean> {
  const q = (name: string): string => database.quote(name);
  try {
    await database.write(() =>
      database.insert(`INSERT INTO ${q(NOTIFICATIONS_TABLE)} (${COLUMNS.map(q).join(', ')}) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)`, [
        notification.id.slice(0, 80), notification.userId, notification.title.slice(0, 500), notification.body, notification.entity ?? null, notification.recordId ?? null, toSqlDateTime(now),
      ]),
    );
    return true;
  } catch (error) {
    if (error instanceof UniqueConstraintError) return false;
    throw error;
  }
}

export async function listNotifications(database: Database, userId: string, options: { unreadOnly: boolean; limit: number }): Promise<{ data: NotificationRow[]; unread: number }> {
  const q = (name: string): string => database.quote(name);
  const unreadCondition = options.unreadOnly ? ` AND ${q('read_at')} IS NULL` : '';
  const rows = await database.select(
    `SELECT ${COLUMNS.map(q).join(', ')} FROM ${q(NOTIFICATIONS_TABLE)} WHERE ${q('user_id')} = $1${unreadCondition} ORDER BY ${q('created_at')} DESC, ${q('id')} DESC LIMIT ${options.limit}`,
    [userId],
  );
  const counted = await database.select(`SELECT COUNT(*) AS ${q('n')} FROM ${q(NOTIFICATIONS_TABLE)} WHERE ${q('user_id')} = $1 AND ${q('read_at')} IS NULL`, [userId]);
  return { data: rows.map(rowOf), unread: Number(counted[0]?.n ?? 0) };
}

/** Marks one of the user's notifications read; false when it is not theirs or does not exist. */
export async function markNotificationRead(database: Database, userId: string, id: string, now: Date): Promise<boolean> {
  const q = (name: string): string => database.quote(name);
  const found = await database.select(`SELECT ${q('id')} FROM ${q(NOTIFICATIONS_TABLE)} WHERE ${q('id')} = $1 AND ${q('user_id')} = $2`, [id, userId]);
  if (found.length === 0) return false;
  await database.write(() =>
    database.update(`UPDATE ${q(NOTIFICATIONS_TABLE)} SET ${q('read_at')} = $1 WHERE ${q('id')} = $2 AND ${q('user_id')} = $3 AND ${q('read_at')} IS NULL`, [toSqlDateTime(now), id, userId]),
  );
  return true;
}
