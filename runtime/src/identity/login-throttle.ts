// Login rate limiting, per user and per client address, kept in the database so every server
// process counts the same attempts: N failures within the window lock that key until the oldest
// of them leaves the window.
//
// An attempt RESERVES its place before any password is hashed: in one transaction it takes the
// lock row of each key (in a fixed order, so two attempts never deadlock), counts the key's
// attempts in the window, and — under the limit — writes its own attempt row; over it, 429. So
// however many guesses arrive at once, at most the limit's worth of passwords are ever checked.
// A failed attempt's row simply stays (it is the failure); a successful one removes its address
// row and the user's failures. Every change to a key's attempt rows happens under its lock and
// by primary key, so MariaDB takes no gap locks on them and inserts of other keys never wait.
import { TooManyRequestsError } from '@stagecraft/core';
import { UniqueConstraintError, type Transaction } from 'sequelize';
import type { LoginThrottleConfig } from '../config/config';
import type { Database } from '../db/database';
import { newRecordId } from '../records/record-id';
import { toSqlDateTime, VALUE_CODECS } from '../records/value-kinds';
import { LOGIN_FAILURES_TABLE, LOGIN_THROTTLE_KEYS_TABLE } from './identity-tables';

export interface ThrottleKeys {
  user: string;
  address: string;
}

/** Whom an attempt is for: the user the name resolved to, else the normalised name itself. */
export type ThrottleSubject = { userId: string } | { name: string };

export function throttleKeysOf(subject: ThrottleSubject, address: string): ThrottleKeys {
  const user = 'userId' in subject ? `user:${subject.userId}` : `name:${subject.name.slice(0, 200)}`;
  return { user, address: `address:${address.slice(0, 90)}` };
}

/** An attempt's place, taken before its password is checked. */
export interface LoginReservation {
  keys: ThrottleKeys;
  addressAttemptId: string;
}

export class LoginThrottle {
  constructor(
    private readonly database: Database,
    private readonly config: LoginThrottleConfig,
  ) {}

  private get windowMs(): number {
    return this.config.windowMinutes * 60_000;
  }

  private q(name: string): string {
    return this.database.quote(name);
  }

  /** Takes an attempt's place on both keys, or throws 429 (with the seconds to wait) when either has used up its attempts. */
  async reserve(keys: ThrottleKeys, now: Date): Promise<LoginReservation> {
    const q = (name: string): string => this.q(name);
    const ordered = [keys.address, keys.user].sort();
    await this.ensureKeyRows(ordered, now);
    return this.database.transaction(async (transaction) => {
      await this.lockKeys(ordered, now, transaction);
      // Read after the locks: on MariaDB this first plain read fixes the transaction's snapshot,
      // so it sees every attempt the key's earlier lock holders committed.
      const since = toSqlDateTime(new Date(now.getTime() - this.windowMs));
      const rows = await this.database.select(
        `SELECT ${q('throttle_key')}, COUNT(*) AS ${q('attempts')}, MIN(${q('failed_at')}) AS ${q('oldest')} FROM ${q(LOGIN_FAILURES_TABLE)} ` +
          `WHERE ${q('throttle_key')} IN ($1, $2) AND ${q('failed_at')} > $3 GROUP BY ${q('throttle_key')}`,
        [keys.user, keys.address, since],
        transaction,
      );
      let retryAfterMs = 0;
      for (const row of rows) {
        const limit = row.throttle_key === keys.user ? this.config.maxFailuresPerUser : this.config.maxFailuresPerAddress;
        if (Number(row.attempts) < limit) continue;
        const oldest = new Date(String(VALUE_CODECS.datetime.fromColumn(row.oldest))).getTime();
        retryAfterMs = Math.max(retryAfterMs, oldest + this.windowMs - now.getTime());
      }
      if (retryAfterMs > 0) {
        throw new TooManyRequestsError('Too many failed sign-in attempts; try again later', Math.max(1, Math.ceil(retryAfterMs / 1000)));
      }
      const at = toSqlDateTime(now);
      const insert = `INSERT INTO ${q(LOGIN_FAILURES_TABLE)} (${q('id')}, ${q('throttle_key')}, ${q('failed_at')}) VALUES ($1, $2, $3)`;
      const addressAttemptId = newRecordId(now.getTime());
      await this.database.insert(insert, [newRecordId(now.getTime()), keys.user, at], transaction);
      await this.database.insert(insert, [addressAttemptId, keys.address, at], transaction);
      // Rows past the window count for nothing; pruning the keys just locked keeps the table small.
      const expired = await this.database.select(
        `SELECT ${q('id')} FROM ${q(LOGIN_FAILURES_TABLE)} WHERE ${q('throttle_key')} IN ($1, $2) AND ${q('failed_at')} <= $3`,
        [keys.user, keys.address, since],
        transaction,
      );
      await this.deleteAttempts(expired.map((row) => String(row.id)), transaction);
      return { keys, addressAttemptId };
    });
  }

  /** After a successful sign-in: its address row goes (successes are no failures) and so do the user's failures. */
  async release(reservation: LoginReservation, now: Date): Promise<void> {
    const q = (name: string): string => this.q(name);
    const { keys } = reservation;
    await this.database.transaction(async (transaction) => {
      await this.lockKeys([keys.address, keys.user].sort(), now, transaction);
      const rows = await this.database.select(`SELECT ${q('id')} FROM ${q(LOGIN_FAILURES_TABLE)} WHERE ${q('throttle_key')} = $1`, [keys.user], transaction);
      await this.deleteAttempts([reservation.addressAttemptId, ...rows.map((row) => String(row.id))], transaction);
    });
  }

  /** Creates the keys' lock rows if missing; safe when several processes race to create one. */
  private async ensureKeyRows(keys: readonly string[], now: Date): Promise<void> {
    const q = (name: string): string => this.q(name);
    const existing = await this.database.select(`SELECT ${q('throttle_key')} FROM ${q(LOGIN_THROTTLE_KEYS_TABLE)} WHERE ${q('throttle_key')} IN ($1, $2)`, keys);
    const found = new Set(existing.map((row) => String(row.throttle_key)));
    for (const key of keys.filter((candidate) => !found.has(candidate))) {
      try {
        await this.database.write(() =>
          this.database.insert(`INSERT INTO ${q(LOGIN_THROTTLE_KEYS_TABLE)} (${q('throttle_key')}, ${q('attempted_at')}) VALUES ($1, $2)`, [key, toSqlDateTime(now)]),
        );
      } catch (error) {
        if (!(error instanceof UniqueConstraintError)) throw error;
      }
    }
  }

  /** Writing a lock row holds it until the transaction ends (MariaDB row lock; SQLite write transactions are serial anyway). */
  private async lockKeys(orderedKeys: readonly string[], now: Date, transaction: Transaction): Promise<void> {
    const q = (name: string): string => this.q(name);
    for (const key of orderedKeys) {
      await this.database.update(`UPDATE ${q(LOGIN_THROTTLE_KEYS_TABLE)} SET ${q('attempted_at')} = $1 WHERE ${q('throttle_key')} = $2`, [toSqlDateTime(now), key], transaction);
    }
  }

  private async deleteAttempts(ids: readonly string[], transaction: Transaction): Promise<void> {
    if (ids.length === 0) return;
    const q = (name: string): string => this.q(name);
    const list = ids.map((_, index) => `$${index + 1}`).join(', ');
    await this.database.delete(`DELETE FROM ${q(LOGIN_FAILURES_TABLE)} WHERE ${q('id')} IN (${list})`, ids, transaction);
  }
}
