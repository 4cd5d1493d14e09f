// The users a notify effect's recipients stand for, read when the effect is delivered: a user id,
// or every active user holding a role (by role name), optionally within a team (by name or id).
import type { ResolvedRecipient } from '@stagecraft/core';
import { BindParameters, type Database } from '../db/database';
import type { CompiledMetadata } from '../live/compiled-types';
import { decodeRow } from '../records/record-rows';

export interface RecipientUser {
  id: string;
  email: string | null;
  locale: string;
}

export async function recipientUsers(database: Database, metadata: CompiledMetadata, recipients: readonly ResolvedRecipient[]): Promise<RecipientUser[]> {
  const users = metadata.entities.get('user');
  if (!users) return [];
  const fields = ['id', 'email', 'locale', 'active', 'role', 'team'].flatMap((name) => users.fields.get(name) ?? []);
  const found = new Map<string, RecipientUser>();
  const select = async (where: string, params: BindParameters): Promise<void> => {
    const rows = await database.select(`SELECT ${fields.map((field) => field.sql).join(', ')} FROM ${users.tableSql} WHERE ${where}`, params.values);
    for (const row of rows.map((raw) => decodeRow(fields, raw))) {
      if (row.active === false) continue;
      found.set(String(row.id), { id: String(row.id), email: typeof row.email === 'string' ? row.email : null, locale: typeof row.locale === 'string' ? row.locale : 'en' });
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
