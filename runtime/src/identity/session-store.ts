// Sessions and tokens in `stagecraft_sessions`: a browser session (cookie), a bearer token from
// login, or a named personal API token. The client holds the secret; the table holds its digest,
// so a leaked table opens no session. Revoking deletes the row: the next request already fails.
import type { Transaction } from 'sequelize';
import { BindParameters, type Database } from '../db/database';
import { newRecordId } from '../records/record-id';
import { toSqlDateTime, VALUE_CODECS } from '../records/value-kinds';
import { SESSIONS_TABLE } from './identity-tables';
import { digestOf, newSecret, TOKEN_PREFIX } from './secrets';

export const SESSION_KINDS = ['session', 'bearer', 'personal'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export interface IssuedSession {
  id: string;
  /** What the client presents: the cookie value, or the bearer token (`sc_…`). Shown once. */
  secret: string;
  expiresAt: Date | null;
}

export interface PersonalTokenSummary {
  id: string;
  name: string | null;
  createdAt: string;
  expiresAt: string | null;
}

export interface IssueOptions {
  userId: string;
  kind: SessionKind;
  now: Date;
  expiresAt: Date | null;
  name?: string;
}

export async function issueSession(database: Database, options: IssueOptions): Promise<IssuedSession> {
  const q = (name: string): string => database.quote(name);
  const id = newRecordId(options.now.getTime());
  const secret = options.kind === 'session' ? newSecret() : `${TOKEN_PREFIX}${newSecret()}`;
  await database.write(() =>
    database.insert(
      `INSERT INTO ${q(SESSIONS_TABLE)} (${q('id')}, ${q('secret_hash')}, ${q('kind')}, ${q('user_id')}, ${q('name')}, ${q('created_at')}, ${q('expires_at')}) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, digestOf(secret), options.kind, options.userId, options.name ?? null, toSqlDateTime(options.now), options.expiresAt ? toSqlDateTime(options.expiresAt) : null],
    ),
  );
  return { id, secret, expiresAt: options.expiresAt };
}

export async function revokeSession(database: Database, id: string): Promise<boolean> {
  const q = (name: string): string => database.quote(name);
  return (await database.write(() => database.delete(`DELETE FROM ${q(SESSIONS_TABLE)} WHERE ${q('id')} = $1`, [id]))) > 0;
}

export interface RevokeOptions {
  /** Sessions or tokens that stay (the request's own on a password change, tokens the user keeps). */
  exceptIds?: readonly string[];
  /** The caller's transaction (a password change's), else one statement of its own. */
  transaction?: Transaction;
}

/** Ends a user's sessions and tokens of the given kinds, except some; returns how many ended. */
export async function revokeSessionsOf(database: Database, userId: string, kinds: readonly SessionKind[], options: RevokeOptions = {}): Promise<number> {
  const q = (name: string): string => database.quote(name);
  const bind = new BindParameters();
  let sql = `DELETE FROM ${q(SESSIONS_TABLE)} WHERE ${q('user_id')} = ${bind.add(userId)} AND ${q('kind')} IN (${kinds.map((kind) => bind.add(kind)).join(', ')})`;
  const exceptIds = options.exceptIds ?? [];
  if (exceptIds.length > 0) sql += ` AND ${q('id')} NOT IN (${exceptIds.map((id) => bind.add(id)).join(', ')})`;
  const { transaction } = options;
  return transaction ? database.delete(sql, bind.values, transaction) : database.write(() => database.delete(sql, bind.values));
}

export async function listPersonalTokens(database: Database, userId: string): Promise<PersonalTokenSummary[]> {
  const q = (name: string): string => database.quote(name);
  const rows = await database.select(
    `SELECT ${q('id')}, ${q('name')}, ${q('created_at')}, ${q('expires_at')} FROM ${q(SESSIONS_TABLE)} WHERE ${q('user_id')} = $1 AND ${q('kind')} = $2 ORDER BY ${q('created_at')}, ${q('id')}`,
    [userId, 'personal'],
  );
  return rows.map((row) => ({
    id: String(row.id),
    name: row.name === null || row.name === undefined ? null : String(row.name),
    createdAt: String(VALUE_CODECS.datetime.fromColumn(row.created_at)),
    expiresAt: (VALUE_CODECS.datetime.fromColumn(row.expires_at) as string | null) ?? null,
  }));
}

/** Deletes one of the user's personal tokens; false when the user has no such token. */
export async function revokePersonalToken(database: Database, userId: string, id: string): Promise<boolean> {
  const q = (name: string): string => database.quote(name);
  const sql = `DELETE FROM ${q(SESSIONS_TABLE)} WHERE ${q('id')} = $1 AND ${q('user_id')} = $2 AND ${q('kind')} = $3`;
  return (await database.write(() => database.delete(sql, [id, userId, 'personal']))) > 0;
}
