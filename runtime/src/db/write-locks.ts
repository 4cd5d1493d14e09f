// Named write locks for checks a unique index cannot express (a duplicate rule compares
// normalised values): a writer takes the lock rows of what it is about to check, inside its
// transaction, so two writers checking the same thing run one after the other and the second sees
// the first's row. Keys are hashed into a bounded number of buckets per scope, so the table stays
// small (an unrelated key sharing a bucket only waits a moment). Portable SQL, as the autonumber
// counters: the rows are created before the transaction (creation may race), and an `UPDATE` of
// an existing row takes its lock until the transaction ends. SQLite needs none of it: its write
// transactions are serial already.
import crypto from 'node:crypto';
import { UniqueConstraintError, type Transaction } from 'sequelize';
import type { Database } from './database';

export const WRITE_LOCKS_TABLE = 'stagecraft_write_locks';

/** Buckets per scope: 4,096 rows at most for an entity, with little waiting between unrelated keys. */
const BUCKET_HEX_DIGITS = 3;

export async function ensureWriteLocksTable(database: Database): Promise<void> {
  const q = (name: string): string => database.quote(name);
  await database.execute(`CREATE TABLE IF NOT EXISTS ${q(WRITE_LOCKS_TABLE)} (${q('lock_key')} VARCHAR(200) NOT NULL, ${q('taken')} BIGINT NOT NULL, PRIMARY KEY (${q('lock_key')}))`);
}

/** The lock row of a key within a scope (an entity's name), e.g. `lead#3fa`. */
export function writeLockKey(scope: string, key: string): string {
  return `${scope.slice(0, 150)}#${crypto.createHash('sha256').update(key).digest('hex').slice(0, BUCKET_HEX_DIGITS)}`;
}

function needsLocks(database: Database): boolean {
  return database.dialect !== 'sqlite';
}

/** Creates the missing lock rows outside any transaction; `known` remembers the ones that exist. */
export async function prepareWriteLocks(database: Database, keys: readonly string[], known: Set<string>): Promise<void> {
  if (!needsLocks(database)) return;
  const q = (name: string): string => database.quote(name);
  for (const key of keys) {
    const memo = `lock:${key}`;
    if (known.has(memo)) continue;
    const existing = await database.select(`SELECT 1 AS ${q('found')} FROM ${q(WRITE_LOCKS_TABLE)} WHERE ${q('lock_key')} = $1`, [key]);
    if (existing.length === 0) {
      await database.insert(`INSERT INTO ${q(WRITE_LOCKS_TABLE)} (${q('lock_key')}, ${q('taken')}) VALUES ($1, 0)`, [key]).catch((error: unknown) => {
        if (!(error instanceof UniqueConstraintError)) throw error;
      });
    }
    known.add(memo);
  }
}

/** Takes the locks (prepared before) until the transaction ends, in one fixed order so two writers never deadlock. */
export async function takeWriteLocks(database: Database, transaction: Transaction, keys: readonly string[]): Promise<void> {
  if (!needsLocks(database)) return;
  const q = (name: string): string => database.quote(name);
  for (const key of [...new Set(keys)].sort()) {
    const changed = await database.update(`UPDATE ${q(WRITE_LOCKS_TABLE)} SET ${q('taken')} = ${q('taken')} + 1 WHERE ${q('lock_key')} = $1`, [key], transaction);
    if (changed !== 1) throw new Error(`The write lock ${key} does not exist`);
  }
}
