// The identity bookkeeping tables, kept apart from the `user` entity's table so that no record
// API call can ever read or write them: password hashes, sessions/tokens, failed logins.
import type { Database } from '../db/database';
import { ensureSystemTable, type SystemTable } from '../db/system-table';

export const CREDENTIALS_TABLE = 'stagecraft_credentials';
export const SESSIONS_TABLE = 'stagecraft_sessions';
export const LOGIN_FAILURES_TABLE = 'stagecraft_login_failures';
export const LOGIN_THROTTLE_KEYS_TABLE = 'stagecraft_login_throttle_keys';

const CREDENTIALS: SystemTable = {
  name: CREDENTIALS_TABLE,
  columns: [
    { name: 'user_id', type: 'id' },
    { name: 'password_hash', type: { string: 255 } },
    { name: 'updated_at', type: 'datetime' },
  ],
  primaryKey: ['user_id'],
  indexes: [],
};

/** Browser sessions, bearer tokens from login and personal API tokens: one row each, secret stored hashed. */
const SESSIONS: SystemTable = {
  name: SESSIONS_TABLE,
  columns: [
    { name: 'id', type: 'id' },
    { name: 'secret_hash', type: { string: 64 } },
    { name: 'kind', type: { string: 16 } },
    { name: 'user_id', type: 'id' },
    { name: 'name', type: { string: 100 }, isNullable: true },
    { name: 'created_at', type: 'datetime' },
    { name: 'expires_at', type: 'datetime', isNullable: true },
  ],
  primaryKey: ['id'],
  indexes: [
    { name: 'stagecraft_sessions_secret_hash', columns: ['secret_hash'], isUnique: true },
    { name: 'stagecraft_sessions_user_id', columns: ['user_id', 'kind'] },
  ],
};

/**
 * One row per login attempt and key (`user:<user id>` or `name:<normalised name>`, `address:<ip>`),
 * shared by every server process: written before the password is checked, kept as a failure,
 * removed when the attempt signs in.
 */
const LOGIN_FAILURES: SystemTable = {
  name: LOGIN_FAILURES_TABLE,
  columns: [
    { name: 'id', type: 'id' },
    { name: 'throttle_key', type: { string: 300 } },
    { name: 'failed_at', type: 'datetime' },
  ],
  primaryKey: ['id'],
  indexes: [{ name: 'stagecraft_login_failures_key', columns: ['throttle_key', 'failed_at'] }],
};

/** One lock row per throttle key: attempts on a key take its row's lock, so they count one at a time. */
const LOGIN_THROTTLE_KEYS: SystemTable = {
  name: LOGIN_THROTTLE_KEYS_TABLE,
  columns: [
    { name: 'throttle_key', type: { string: 300 } },
    { name: 'attempted_at', type: 'datetime' },
  ],
  primaryKey: ['throttle_key'],
  indexes: [],
};

export async function ensureIdentityTables(database: Database): Promise<void> {
  for (const table of [CREDENTIALS, SESSIONS, LOGIN_FAILURES, LOGIN_THROTTLE_KEYS]) await ensureSystemTable(database, table);
}
