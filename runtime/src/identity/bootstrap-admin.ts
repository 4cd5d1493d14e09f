// First start: the `admin` role and user exist, and the admin can sign in. With
// STAGECRAFT_ADMIN_PASSWORD the password is (re)set to it; without, a random password is made
// and printed once — only when the admin has none yet, so later starts print nothing.
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database';
import type { RecordService } from '../records/record-service';
import { ADMIN_ROLE } from './actor';
import { readPasswordHash, setPassword } from './credential-store';
import { ensureRecord } from './identity-records';
import { verifyPassword } from './passwords';

export const ADMIN_USERNAME = 'admin';

export interface BootstrapOptions {
  database: Database;
  records: RecordService;
  adminPassword?: string;
  /** Where the generated password is printed. */
  print(line: string): void;
  now?: () => Date;
}

export async function ensureAdministrator(options: BootstrapOptions): Promise<{ userId: string }> {
  const { database, records } = options;
  const now = options.now ?? (() => new Date());
  const role = await ensureRecord(records, 'role', 'name', ADMIN_ROLE, { label: 'Administrator' });
  const user = await ensureRecord(records, 'user', 'username', ADMIN_USERNAME, { displayName: 'Administrator', role: role.id, locale: 'en', active: true });
  const hash = await readPasswordHash(database, user.id);
  if (options.adminPassword !== undefined) {
    if (hash === null || !(await verifyPassword(options.adminPassword, hash))) {
      await setPassword(database, user.id, options.adminPassword, now());
      options.print('The admin password was set from STAGECRAFT_ADMIN_PASSWORD.');
    }
  } else if (hash === null) {
    const password = randomBytes(18).toString('base64url');
    await setPassword(database, user.id, password, now());
    options.print(`Created the administrator. Username: ${ADMIN_USERNAME}  Password: ${password}`);
    options.print('This password is shown only once: sign in and change it (POST /api/auth/password), or set STAGECRAFT_ADMIN_PASSWORD.');
  }
  return { userId: user.id };
}
