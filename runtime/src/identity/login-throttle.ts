// Login rate limiting, per username and per client address, kept in the database so every server
// process counts the same failures: N failures within the window lock that key until the oldest
// of them leaves the window. A successful login clears its username's failures.
import { TooManyRequestsError } from '@stagecraft/core';
import type { LoginThrottleConfig } from '../config/config';
import type { Database } from '../db/database';
import { newRecordId } from '../records/record-id';
import { toSqlDateTime, VALUE_CODECS } from '../records/value-kinds';
import { LOGIN_FAILURES_TABLE } from './identity-tables';

export interface ThrottleKeys {
  user: string;
  address: string;
}

export function throttleKeysOf(username: string, address: string): ThrottleKeys {
  return { user: `user:${username.toLowerCase().slice(0, 200)}`, address: `address:${address.slice(0, 90)}` };
}

export class LoginThrottle {
  constructor(
    private readonly database: Database,
    private readonly config: LoginThrottleConfig,
  ) {}

  private get windowMs(): number {
    return this.config.windowMinutes * 60_000;
  }

  /** Throws 429 (with the seconds to wait) when either key has used up its failures. */
  async check(keys: ThrottleKeys, now: Date): Promise<void> {
    const q = (name: string): string => this.database.quote(name);
    const since = toSqlDateTime(new Date(now.getTime() - this.windowMs));
    const rows = await this.database.select(
      `SELECT ${q('throttle_key')}, COUNT(*) AS ${q('failures')}, MIN(${q('failed_at')}) AS ${q('oldest')} FROM ${q(LOGIN_FAILURES_TABLE)} ` +
        `WHERE ${q('throttle_key')} IN ($1, $2) AND ${q('failed_at')} > $3 GROUP BY ${q('throttle_key')}`,
      [keys.user, keys.address, since],
    );
    let retryAfterMs = 0;
    for (const row of rows) {
      const limit = row.throttle_key === keys.user ? this.config.maxFailuresPerUser : this.config.maxFailuresPerAddress;
      if (Number(row.failures) < limit) continue;
      const oldest = new Date(String(VALUE_CODECS.datetime.fromColumn(row.oldest))).getTime();
      retryAfterMs = Math.max(retryAfterMs, oldest + this.windowMs - now.getTime());
    }
    if (retryAfterMs > 0) {
      throw new TooManyRequestsError('Too many failed sign-in attempts; try again later', Math.max(1, Math.ceil(retryAfterMs / 1000)));
    }
  }

  async recordFailure(keys: ThrottleKeys, now: Date): Promise<void> {
    const q = (name: string): string => this.database.quote(name);
    const at = toSqlDateTime(now);
    const expired = toSqlDateTime(new Date(now.getTime() - this.windowMs));
    await this.database.transaction(async (transaction) => {
      const insert = `INSERT INTO ${q(LOGIN_FAILURES_TABLE)} (${q('id')}, ${q('throttle_key')}, ${q('failed_at')}) VALUES ($1, $2, $3)`;
      await this.database.insert(insert, [newRecordId(now.getTime()), keys.user, at], transaction);
      await this.database.insert(insert, [newRecordId(now.getTime()), keys.address, at], transaction);
      // Rows past the window count for nothing; pruning the keys just touched keeps the table small.
      await this.database.delete(`DELETE FROM ${q(LOGIN_FAILURES_TABLE)} WHERE ${q('throttle_key')} IN ($1, $2) AND ${q('failed_at')} <= $3`, [keys.user, keys.address, expired], transaction);
    });
  }

  async clearUser(keys: ThrottleKeys): Promise<void> {
    const q = (name: string): string => this.database.quote(name);
    await this.database.write(() => this.database.delete(`DELETE FROM ${q(LOGIN_FAILURES_TABLE)} WHERE ${q('throttle_key')} = $1`, [keys.user]));
  }
}
