// What the record operations enforce on writes to identity records, whatever the live metadata
// says (a tenant may loosen the identity pack's username pattern): no invisible characters in a
// username, and a user whose `active` flag changes loses every session and token — so disabling
// someone ends their credentials for good, and re-enabling brings none of them back.
import type { Problem } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import type { Database } from '../db/database';
import { revokeSessionsOf, SESSION_KINDS } from './session-store';
import { usernameProblems } from './usernames';

/** Problems with the values written to an identity record (create or update), beyond its JSON Schema. */
export function identityWriteProblems(entity: string, values: Readonly<Record<string, unknown>>): Problem[] {
  return entity === 'user' ? usernameProblems(values) : [];
}

/**
 * In a user update's transaction: when `active` changed, the user's sessions and tokens end.
 * On disabling that is the point; on re-enabling it drops whatever survived a disable from before
 * this rule (a disabled user can create no new credentials), so nothing old comes back.
 */
export async function endCredentialsOnActiveChange(database: Database, entity: string, id: string, before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>, transaction: Transaction): Promise<void> {
  if (entity !== 'user' || (before.active === true) === (after.active === true)) return;
  await revokeSessionsOf(database, id, SESSION_KINDS, { transaction });
}
