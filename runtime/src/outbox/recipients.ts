// The users a notify effect's recipients stand for, read when the effect is delivered: a user id,
// or every active user holding a role (by role name), optionally within a team (by name or id).
import type { ResolvedRecipient } from '@stagecraft/core';
import { BindParameters, type Database } from '../db/database';
import type { CompiledMetadata } from '../live/compiled-types';
import { userColumns, userRowOf, type UserRow } from '../identity/identity-entities';

/** The active users the recipients stand for, each once. */
export async function recipientUsers(database: Database, metadata: CompiledMetadata, recipients: readonly ResolvedRecipient[]): Promise<UserRow[]> {
  const users = metadata.entities.get('user');
  if (!users) return [];
  const columns = userColumns(users);
  const found = new Map<string, UserRow>();
  const select = async (where: string, params: BindParameters): Promise<void> => {
    const rows = await database.select(`SELECT ${columns.map((field) => field.sql).join(', ')} FROM ${users.tableSql} WHERE ${where}`, params.values);
    for (const user of rows.map((raw) => userRowOf(users, raw))) {
      if (user.active) found.set(user.id, user);
    }
  };
  for (const recipient of recipients) {
    const params = new BindParameters();
    if ('user' in recipient) {
      await select(`${users.fields.get('id')?.sql ?? database.quote('id')} = ${params.add(recipient.user)}`, params);
      continue;
    }
    const roleIds = await idsByName(database, metadata, 'role', recipient.role);
    const role = users.fields.get('role');
    if (!role || roleIds.length === 0) continue;
    let where = `${role.sql} IN (${roleIds.map((id) => params.add(id)).join(', ')})`;
    const team = users.fields.get('team');
    if (recipient.team !== undefined) {
      const teamIds = await idsByName(database, metadata, 'team', recipient.team);
      if (!team || teamIds.length === 0) continue;
      where += ` AND ${team.sql} IN (${teamIds.map((id) => params.add(id)).join(', ')})`;
    }
    await select(where, params);
  }
  return [...found.values()];
}

async function idsByName(database: Database, metadata: CompiledMetadata, entityName: string, nameOrId: string): Promise<string[]> {
  const entity = metadata.entities.get(entityName);
  const name = entity?.fields.get('name');
  const id = entity?.fields.get('id');
  if (!entity || !name || !id) return [];
  const rows = await database.select(`SELECT ${id.sql} AS ${database.quote('id')} FROM ${entity.tableSql} WHERE ${name.sql} = $1 OR ${id.sql} = $2`, [nameOrId, nameOrId]);
  return rows.map((row) => String(row.id));
}
