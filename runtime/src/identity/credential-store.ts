// Password hashes in `stagecraft_credentials`, one row per user id. Written by replacing the row
// in a transaction (portable: no vendor upsert).
import type { Transaction } from 'sequelize';
import type { Database } from '../db/database';
import { toSqlDateTime } from '../records/value-kinds';
import { CREDENTIALS_TABLE } from './identity-tables';
import { hashPassword } from './passwords';

export async function readPasswordHash(database: Database, userId: string): Promise<string | null> {
  const q = (name: string): string => database.quote(name);
  const rows = await database.select(`SELECT ${q('password_hash')} FROM ${q(CREDENTIALS_TABLE)} WHERE ${q('user_id')} = $1`, [userId]);
  const hash = rows[0]?.password_hash;
  return typeof hash === 'string' ? hash : null;
}

/**
 * Replaces a user's password. `alsoInTransaction` runs in the same transaction — ending the
 * user's sessions and tokens on a change or reset — so no crash leaves the new password with the
 * old credentials still working.
 */
export async function setPassword(database: Database, userId: string, password: string, now: Date, alsoInTransaction?: (transaction: Transaction) => Promise<unknown>): Promise<void> {
  const hash = await hashPassword(password);
  const q = (name: string): string => database.quote(name);
  await database.transaction(async (transaction) => {
    await database.delete(`DELETE FROM ${q(CREDENTIALS_TABLE)} WHERE ${q('user_id')} = $1`, [userId], transaction);
    await database.insert(
      `INSERT INTO ${q(CREDENTIALS_TABLE)} (${q('user_id')}, ${q('password_hash')}, ${q('updated_at')}) VALUES ($1, $2, $3)`,
      [userId, hash, toSqlDateTime(now)],
      transaction,
    );
    await alsoInTransaction?.(transaction);
  });
}
